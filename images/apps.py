from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Gambar")

    def ready(self):
        # Strips uploads held by the multiple uploader (a pre_save receiver).
        from . import privacy  # noqa: F401
