"""The trash: pages deleted in the admin wait here until restored or purged."""

import hmac
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.models import Page


class TrashCanPage(Page):
    """The one container that holds trashed pages, directly under the tree root.

    Outside every site, it has no URL: nothing under it can be served, listed, found
    or put in a sitemap. Editors hold no permission on it, so they reach trashed pages
    only through the trash views. Created on first use, never in the page editor.
    """

    is_creatable = False
    # The tree root; nobody can create one in the admin all the same.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("tempat sampah")
        verbose_name_plural = pgettext_lazy("plural", "tempat sampah")

    def get_sitemap_urls(self, request=None):
        return []


class TrashedPage(models.Model):
    """One page in the trash, and what it takes to put it back where it was."""

    page = models.OneToOneField(
        Page,
        verbose_name=_("halaman"),
        on_delete=models.CASCADE,
        related_name="trash_entry",
    )
    # --- Where it was
    parent = models.ForeignKey(
        Page,
        verbose_name=_("induk semula"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    next_sibling = models.ForeignKey(
        Page, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    url_path = models.TextField(_("alamat semula"))
    # --- How it was
    was_live = models.BooleanField(_("terbit"), default=False)
    had_unpublished_changes = models.BooleanField(default=False)
    live_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    scheduled_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_go_live_at = models.DateTimeField(null=True)
    # --- Who and when
    trashed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("dihapus oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    trashed_at = models.DateTimeField(
        _("dihapus pada"), default=timezone.now, db_index=True
    )

    class Meta:
        ordering = ["-trashed_at", "-pk"]
        verbose_name = _("halaman di tempat sampah")
        verbose_name_plural = pgettext_lazy("plural", "halaman di tempat sampah")

    def __str__(self):
        return self.page.get_admin_display_title()

    @property
    def original_url(self):
        """The public address it had, and will have again once restored."""
        parent_url = self.parent.get_url() if self.parent else None
        return f"{parent_url}{self.page.slug}/" if parent_url else self.url_path


class IllustrationRequest(models.Model):
    """A draft that needs drawing, and who is drawing it."""

    class Status(models.TextChoices):
        OPEN = "open", _("Menunggu ilustrasi")
        TAKEN = "taken", _("Sedang digambar")
        DONE = "done", _("Ilustrasi selesai")

    article = models.OneToOneField(
        "blog.ArticlePage",
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        related_name="illustration_request",
    )
    brief = models.TextField(_("yang perlu digambar"))
    mood = models.CharField(_("suasana"), max_length=255, blank=True)
    deadline = models.DateField(_("tenggat"), null=True, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.OPEN,
        db_index=True,
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diminta oleh"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    illustrator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ilustrator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="illustration_requests",
    )
    created_at = models.DateTimeField(_("diminta pada"), default=timezone.now)
    taken_at = models.DateTimeField(_("diambil pada"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "created_at", "pk"]
        verbose_name = _("permintaan ilustrasi")
        verbose_name_plural = pgettext_lazy("plural", "permintaan ilustrasi")

    def __str__(self):
        return self.article.get_admin_display_title()


def new_feed_key():
    return secrets.token_hex(6)


def new_feed_secret():
    return secrets.token_urlsafe(24)


class CalendarFeed(models.Model):
    """An editor's private iCal address: `key` finds the row, `secret` proves it.

    The key is looked up in the database; the secret is then compared in constant
    time, so response times say nothing about how much of a guess was right.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="calendar_feed",
    )
    key = models.CharField(max_length=12, unique=True, default=new_feed_key)
    secret = models.CharField(max_length=40, default=new_feed_secret)
    created_at = models.DateTimeField(_("dibuat pada"), default=timezone.now)

    class Meta:
        verbose_name = _("umpan kalender")
        verbose_name_plural = pgettext_lazy("plural", "umpan kalender")

    def __str__(self):
        return str(self.user)

    @property
    def token(self):
        return f"{self.key}{self.secret}"

    def reset(self):
        self.key = new_feed_key()
        self.secret = new_feed_secret()
        self.created_at = timezone.now()
        self.save()

    @classmethod
    def for_token(cls, token):
        key, secret = token[:12], token[12:]
        feed = cls.objects.filter(key=key).select_related("user").first()
        if feed is None or not hmac.compare_digest(
            feed.secret.encode(), secret.encode()
        ):
            return None
        return feed
