"""What the importer made, so that running it again updates rather than duplicates."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ImportedPost(models.Model):
    """One post of an old blog (or one imported file) and the article it became."""

    source_key = models.CharField(_("kunci sumber"), max_length=255, unique=True)
    page = models.ForeignKey(
        "blog.ArticlePage",
        verbose_name=_("artikel"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    imported_at = models.DateTimeField(_("diimpor"), auto_now=True)
    # What the source said last time: a run that finds the same leaves it alone.
    fingerprint = models.CharField(max_length=64, blank=True, default="")
    # The post's old addresses and its blog's term pages ([old path, route on the
    # blog index]): redirects that exist while the article is live, and only then.
    old_paths = models.JSONField(default=list, blank=True)
    old_terms = models.JSONField(default=list, blank=True)

    class Meta:
        verbose_name = _("tulisan impor")
        verbose_name_plural = pgettext_lazy("plural", "tulisan impor")

    def __str__(self):
        return self.source_key


class ImportedProfile(models.Model):
    """A contributor's profile that an import made from the name a post showed.

    It holds that public name only (and the bio the post printed); it is published
    when an article crediting her is, so her byline never leads to a missing page.
    """

    contributor = models.OneToOneField(
        "contributors.ContributorPage", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("profil impor")
        verbose_name_plural = pgettext_lazy("plural", "profil impor")

    def __str__(self):
        return str(self.contributor_id)


class ImportedImage(models.Model):
    """An imported image file by its content, so a re-run reuses the stored image."""

    sha256 = models.CharField(max_length=64, unique=True)
    image = models.ForeignKey(
        "images.CustomImage", on_delete=models.CASCADE, related_name="+"
    )

    class Meta:
        verbose_name = _("gambar impor")
        verbose_name_plural = pgettext_lazy("plural", "gambar impor")

    def __str__(self):
        return self.sha256


class PendingUpload(models.Model):
    """A file uploaded to "Kirim tulisan", kept between the preview and the save.

    In the database rather than the cache: every web worker shares it, and it stays
    when Redis is flushed or down. Only her account may read it back, for an hour.
    """

    token = models.CharField(max_length=64, unique=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(max_length=255)
    data = models.BinaryField()
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("unggahan tertunda")
        verbose_name_plural = pgettext_lazy("plural", "unggahan tertunda")

    def __str__(self):
        return self.filename
