from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from wagtail.models import Page, Revision

from contributors.models import ContributorPage
from editorial.permissions import is_editor

register = template.Library()


@register.filter
def sees_whole_site(user):
    """Editors and administrators; contributors see their own work only."""
    return is_editor(user)


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


@register.filter
def link_text_for(page):
    """The text a link to this page starts with in the rich-text editor.

    Wagtail uses the page's title; a profile's title is the contributor's real name,
    and a link's text ends up on the public site, so a profile gives its public name.
    The chooser can be opened on any page, another contributor's draft included.
    """
    if isinstance(page, ContributorPage):
        return page.public_name
    # A page never published has only a draft title, which is not everyone's.
    return page.title if page.live else page.get_admin_display_title()


@register.filter
def search_button_in_our_words(html):
    """Wagtail's dashboard hard-codes its search button's value, "Search"."""
    return mark_safe(  # noqa: S308  (Wagtail's own rendered markup, one value swapped)
        str(html).replace('value="Search"', f'value="{escape(gettext("Cari"))}"')
    )
