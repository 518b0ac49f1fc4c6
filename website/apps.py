from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebsiteConfig(AppConfig):
    name = "website"
    verbose_name = _("Situs")

    def ready(self):
        from django.db.models.signals import post_migrate

        # Registers the deployment checks; connects the page-cache invalidation.
        from . import checks, signals  # noqa: F401
        from .site_address import sync_default_site

        post_migrate.connect(sync_default_site, sender=self)
        self.key_public_state_on_the_page_cache_generation()
        self.connect_pen_name_signals()

    def key_public_state_on_the_page_cache_generation(self):
        # Restrictions and listing snapshots (contributors.visibility) are cached under
        # the same database token as whole pages: every change that clears the page
        # cache clears them, in the same transaction, whether or not Redis answers.
        from caching.pages import current_generation
        from contributors.visibility import use_version_source

        use_version_source(current_generation)

    def connect_pen_name_signals(self):
        from wagtail.signals import page_published, page_slug_changed, post_page_move

        from . import pen_names

        page_slug_changed.connect(pen_names.redirect_on_slug_change)
        post_page_move.connect(pen_names.redirect_on_move)
        page_published.connect(pen_names.forget_on_publish)
