from django import template

from wagtail.models import Page, Revision

register = template.Library()


@register.simple_tag
def publication_state(page):
    """The page's publication state as stored now, not as a cached instance saw it."""
    fresh = Page.objects.filter(pk=page.pk).values("live", "url_path").first() or {}
    revision = (
        Revision.page_revisions.filter(
            object_id=str(page.pk), approved_go_live_at__isnull=False
        )
        .order_by("-approved_go_live_at")
        .first()
    )
    return {
        "live": fresh.get("live", False),
        "scheduled_at": revision.approved_go_live_at if revision else None,
    }
