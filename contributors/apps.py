from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributorsConfig(AppConfig):
    name = "contributors"
    verbose_name = _("Kontributor")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.models import Page, PageViewRestriction
        from wagtail.signals import page_unpublished, post_page_move

        from .visibility import forget_public_state

        def page_or_restriction_changed(sender, instance=None, **kwargs):
            if isinstance(instance, Page | PageViewRestriction):
                forget_public_state()

        # Publishing, unpublishing and the factories all save the page.
        for signal in (post_save, post_delete):
            signal.connect(
                page_or_restriction_changed,
                weak=False,
                dispatch_uid=f"contributors_public_state_{id(signal)}",
            )
        page_unpublished.connect(
            forget_public_state, dispatch_uid="contributors_public_state_unpublished"
        )
        post_page_move.connect(
            forget_public_state, dispatch_uid="contributors_public_state_moved"
        )
