"""The image model: every picture carries its alt text and credit, and no stored file
keeps the metadata it came with (images.privacy)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from images import privacy
from modelrows.loading import LoadedWithoutInitMixin


class CustomImage(LoadedWithoutInitMixin, AbstractImage):
    """An image that carries its alt text (`description`) and credit, for every use."""

    credit = models.CharField(
        _("kredit"),
        max_length=255,
        blank=True,
        help_text=_("Nama ilustrator atau fotografer, misalnya 'Ilustrasi: Rina'."),
    )

    # Wagtail's own `description` is the alt text (images.forms labels it so);
    # a second field asked the same question twice.
    admin_form_fields = (*Image.admin_form_fields, "credit")

    # No stored file may say where or with what a photo was taken: every new file is
    # re-encoded without its metadata (images/privacy.py).
    def _set_image_file_metadata(self):
        # Wagtail calls this whenever an image gets a new file, in the admin's
        # views; after the multiple uploader's detour the file is already stored
        # (and was stripped when it was held, see privacy.strip_held_upload).
        if self.file._committed:
            privacy.strip_stored_file_if_needed(self)
        elif not privacy.is_stripped(self.file):
            privacy.strip_new_file(self)
        super()._set_image_file_metadata()

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # Free text beside the picture is cleaned of hidden real names before this
        # runs: contributors connects that on pre_save (contributors.apps).
        if (
            self.file
            and not self.file._committed
            and not privacy.is_stripped(self.file)
            and (update_fields is None or "file" in update_fields)
        ):
            privacy.strip_new_file(self)
            if update_fields is not None:
                kwargs["update_fields"] = {
                    *update_fields,
                    *("width", "height", "file_size", "file_hash"),
                }
        super().save(*args, **kwargs)

    def generate_rendition_file(self, filter, *, source=None):
        return privacy.clean_rendition(
            super().generate_rendition_file(filter, source=source)
        )

    class Meta(AbstractImage.Meta):
        verbose_name = _("gambar")
        verbose_name_plural = pgettext_lazy("plural", "gambar")


class CustomRendition(LoadedWithoutInitMixin, AbstractRendition):
    image = models.ForeignKey(
        CustomImage, on_delete=models.CASCADE, related_name="renditions"
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        verbose_name = _("versi gambar")
        verbose_name_plural = pgettext_lazy("plural", "versi gambar")
