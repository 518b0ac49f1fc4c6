"""Image and document forms that turn a failing upload storage into a form error.

Wagtail writes an uploaded file to storage only when the model is saved, after the
form has been judged valid, so an unwritable media folder (or an unreachable bucket)
surfaced as a bare 500. Here the file is written at the end of validation instead:
a storage failure becomes an error on the file field, shown by the add form and
by the multiple uploader alike, and nothing is saved. Configured through
WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE.
"""

import logging

from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

from images import forms as image_forms

logger = logging.getLogger(__name__)

STORAGE_FAILED = _(
    "Berkas tidak dapat disimpan karena tempat penyimpanan unggahan sedang "
    "bermasalah. Coba lagi nanti; bila tetap gagal, hubungi redaksi."
)


class StoreFileWhileValidatingMixin:
    def _post_clean(self):
        super()._post_clean()
        if self._errors or "file" not in self.changed_data:
            return
        field_file = self.instance.file
        if not field_file or field_file._committed:
            return
        try:
            # The model's later save() finds the file committed and leaves it be.
            field_file.save(field_file.name, field_file.file, save=False)
        except Exception:
            logger.exception("Upload storage failed for %s", field_file.name)
            self.add_error("file", STORAGE_FAILED)


class ImageForm(StoreFileWhileValidatingMixin, image_forms.ImageForm):
    """Stripped of its metadata (images.forms), then stored while validating."""


class DocumentForm(StoreFileWhileValidatingMixin, BaseDocumentForm):
    pass
