from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Situs")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects the page-cache invalidation)
        from .site_address import sync_default_site
        from .two_factor import wagtail_hooks  # noqa: F401  (admin views and buttons)

        post_migrate.connect(sync_default_site, sender=self)
