"""How articles are grouped: categories (a snippet) and tags."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel


class CategoryQuerySet(models.QuerySet):
    def with_live_articles(self, request=None):
        """Categories that have at least one live, public article."""
        # Imported here: the article module needs Category for its foreign key.
        from .articles import public_articles

        return self.filter(
            Exists(public_articles(request).filter(category=OuterRef("pk")))
        )


class Category(models.Model):
    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("deskripsi"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    objects = CategoryQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("kategori")
        verbose_name_plural = pgettext_lazy("plural", "kategori")

    def __str__(self):
        return self.name


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "blog.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = _("tag artikel")
        verbose_name_plural = pgettext_lazy("plural", "tag artikel")
