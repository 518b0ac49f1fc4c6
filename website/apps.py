from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Situs")

    def ready(self):
        from . import signals  # noqa: F401  (connects the page-cache invalidation)
        from .two_factor import wagtail_hooks  # noqa: F401  (admin views and buttons)
