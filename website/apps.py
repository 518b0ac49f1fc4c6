from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Situs")

    def ready(self):
        # Registers the deployment checks; connects the page-cache invalidation.
        from . import checks, signals  # noqa: F401
