from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContributorsConfig(AppConfig):
    name = "contributors"
    verbose_name = _("Kontributor")

    def ready(self):
        from django.db.models.signals import pre_save

        from wagtail.images import get_image_model

        from .hidden_names import scrub_image_text

        # The image app sits below this one and knows nothing of pen names: the
        # credit and alt text are cleaned of hidden real names here, on every save.
        pre_save.connect(
            scrub_image_text,
            sender=get_image_model(),
            dispatch_uid="contributors.scrub_image_text",
        )
