"""How articles are grouped: categories (a snippet) and tags."""

from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel

from modelrows.loading import LoadedWithoutInitMixin


class CategoryQuerySet(models.QuerySet):
    def with_live_articles(self, request=None):
        """Categories that have at least one live, public article."""
        # Imported here: the article module needs Category for its foreign key.
        from .articles import public_articles

        return self.filter(
            Exists(public_articles(request).filter(category=OuterRef("pk")))
        )


def live_categories():
    """[Category] that have at least one live, public article, by name: what
    `Category.objects.with_live_articles()` answers, in hand-written SQL that
    SQLite and PostgreSQL both read (modelrows.sql). Every listing and the home
    page name them; compiling the ORM's version (an EXISTS with the private
    sections left out) cost more than running it."""
    # Imported here: the article module needs Category for its foreign key.
    from wagtail.models import Page

    from contributors.visibility import restricted_paths
    from modelrows.sql import rows_for

    from .articles import ArticlePage

    rows = rows_for(Category)
    quote = rows.connection.ops.quote_name
    category = rows.alias(Category)
    restricted = [path for _pk, path in restricted_paths()]
    private = "".join(" AND NOT (substr(p.path, 1, %s) = %s)" for _path in restricted)
    params = [value for path in restricted for value in (len(path), path)]
    sql = (
        f"SELECT {rows.columns} FROM {rows.tables} WHERE EXISTS ("  # noqa: S608 - names from the models, values as parameters
        f"SELECT 1 FROM {quote(ArticlePage._meta.db_table)} a "
        f"INNER JOIN {quote(Page._meta.db_table)} p ON p.id = a.page_ptr_id "
        f"WHERE p.live AND a.category_id = {category}.{quote('id')}{private}) "
        f"ORDER BY {category}.{quote('name')}"
    )
    return rows.fetch(sql, params)


class Category(LoadedWithoutInitMixin, models.Model):
    class Colour(models.TextChoices):
        # Each keeps a contrast of at least 4.5:1 against white, so a label set in
        # white on it (or it on white) stays readable.
        TEAL = "teal", _("Hijau toska")
        BLUE = "blue", _("Biru")
        PURPLE = "purple", _("Ungu")
        MAGENTA = "magenta", _("Merah muda tua")
        BROWN = "brown", _("Cokelat")
        SLATE = "slate", _("Abu-abu")

    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    description = models.TextField(_("deskripsi"), blank=True)
    colour = models.CharField(
        _("warna"),
        max_length=12,
        choices=Colour.choices,
        default=Colour.SLATE,
        # Optional in the form: the calendar shows a category without one in slate.
        blank=True,
        help_text=_("Warna penanda kategori di kalender redaksi."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("colour"),
        FieldPanel("description"),
    ]

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
        # A tag's latest articles, read backwards along the index with a LIMIT
        # (related articles' candidates), and a tag listing's join.
        indexes = [
            models.Index(
                fields=["tag", "content_object"], name="blog_articletag_tag_article"
            )
        ]
