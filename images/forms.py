"""The admin's image form: the upload is stripped of its metadata while it is validated.

Set as WAGTAILIMAGES_IMAGE_FORM_BASE, so every admin upload (the single and multiple
uploaders, the chooser, replacing a file) goes through it. Stripping here rather than
only when the model is saved turns a file Pillow cannot re-encode into a form error
instead of a server error. The model strips anything saved another way
(CustomImage.save).
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

from images import privacy


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail's description is what screen readers say: ask it once, plainly.
        if "description" in self.fields:
            self.fields["description"].label = _("Teks alternatif")
            self.fields["description"].help_text = _(
                "Gambarkan isi gambar untuk pembaca yang tidak bisa melihatnya. "
                "Kosongkan hanya jika gambar murni hiasan."
            )
        if "file" in self.fields:
            self.fields["file"].help_text = format_lazy(
                "{} {}",
                _(
                    "Pilih foto dari ponsel atau komputer Anda. Lokasi dan data "
                    "kamera di dalamnya dihapus sebelum disimpan."
                ),
                self.fields["file"].help_text,
            )

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # no new file: the stored one was stripped when it came
        return stripped_or_invalid(file)


def stripped_or_invalid(file):
    """A clean copy of an uploaded picture, or the form error that says why not (any
    form that takes a picture: this one, the story form of `stories`)."""
    try:
        return privacy.stripped_upload(file)
    except Exception as error:  # whatever Pillow fails on, the sender reads why
        raise ValidationError(
            _(
                "Gambar ini tidak bisa diproses. Simpan ulang sebagai JPEG atau "
                "PNG, lalu unggah lagi."
            ),
            code="unprocessable_image",
        ) from error
