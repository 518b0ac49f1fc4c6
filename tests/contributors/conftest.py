"""Fixtures for the contributor tests: an admin to post forms as, and a tiny photo."""

import io

from django.core.files.images import ImageFile

import pytest
from PIL import Image as PILImage

from images.models import CustomImage


@pytest.fixture
def photo(db):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 40), "#c0562b").save(buffer, "PNG")
    return CustomImage.objects.create(
        title="Foto profil",
        file=ImageFile(buffer, name="foto-siti-aminah.png"),
        description="Foto Siti Aminah",
    )
