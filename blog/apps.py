from django.apps import AppConfig
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _


class BlogConfig(AppConfig):
    name = "blog"
    verbose_name = _("Artikel")

    def ready(self):
        from taggit.models import Tag

        from . import slugs  # noqa: F401 - registers the "uslug" path converter
        from .signals import give_tag_a_routable_slug

        pre_save.connect(
            give_tag_a_routable_slug, sender=Tag, dispatch_uid="blog_tag_routable_slug"
        )
