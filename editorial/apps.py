from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Redaksi")

    def ready(self):
        from django.db.models.signals import post_save

        from wagtail.models import PageLogEntry, Revision

        from blog.models import BlogIndexPage
        from contributors.models import ContributorIndexPage

        from .notifications import send_publication_notifications
        from .permissions import register_page_policy
        from .workflows import send_edits_back_for_review

        register_page_policy()
        post_save.connect(
            send_edits_back_for_review,
            sender=Revision,
            dispatch_uid="editorial_send_edits_back_for_review",
        )
        post_save.connect(
            send_publication_notifications,
            sender=PageLogEntry,
            dispatch_uid="editorial_publication_notifications",
        )
        for model in (BlogIndexPage, ContributorIndexPage):
            post_save.connect(
                put_new_index_under_review,
                sender=model,
                dispatch_uid=f"editorial_index_{model._meta.label_lower}",
            )


def put_new_index_under_review(sender, instance, created, raw=False, **kwargs):
    """A section index made after migrate (a restored tree, a test) gets the workflow."""
    if created and not raw:
        from django.apps import apps

        from .roles import attach_index

        attach_index(apps, instance)
