"""Reads counted per article per day: no row per read, nothing about the reader."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ArticleReadDay(models.Model):
    article = models.ForeignKey(
        "blog.ArticlePage",
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        related_name="read_days",
    )
    day = models.DateField(_("hari"))
    count = models.PositiveIntegerField(_("jumlah dibaca"), default=0)

    class Meta:
        verbose_name = _("jumlah dibaca per hari")
        verbose_name_plural = pgettext_lazy("plural", "jumlah dibaca per hari")
        constraints = [
            models.UniqueConstraint(
                fields=["article", "day"], name="blog_read_day_unique"
            )
        ]

    def __str__(self):
        return f"{self.article_id} {self.day}: {self.count}"
