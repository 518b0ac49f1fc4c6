"""An upload storage that fails is a form error the editor can read, never a 500.

Staged for real: MEDIA_ROOT inside a regular file, so every write fails with
NotADirectoryError even for root (the suite runs as root, where chmod would not
stop a write).
"""

import json

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model

import pytest

from images.models import CustomImage
from images.upload_forms import STORAGE_FAILED
from tests.website.test_images import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def broken_storage(settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the media folder's parent should be")
    settings.MEDIA_ROOT = str(blocker / "media")
    return blocker


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user(
        "eka", "eka@contoh.id", "kata-sandi-uji"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def image_upload():
    return SimpleUploadedFile("ilustrasi.png", png_bytes(64, 48), "image/png")


def test_image_add_form_reports_the_storage_failure(editor, broken_storage):
    response = editor.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ilustrasi ibu dan anak",
            "file": image_upload(),
            "description": "Seorang ibu memeluk anaknya",
            "tags": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(STORAGE_FAILED)]
    assert "tempat penyimpanan unggahan sedang bermasalah" in response.content.decode()
    assert not CustomImage.objects.exists()


def test_multiple_image_upload_reports_the_storage_failure(editor, broken_storage):
    response = editor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": image_upload()},
    )

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data == {"success": False, "error_message": str(STORAGE_FAILED)}
    assert not CustomImage.objects.exists()


def test_document_upload_reports_the_storage_failure(editor, broken_storage):
    response = editor.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Panduan hak asuh",
            "file": SimpleUploadedFile("panduan.pdf", b"%PDF-1.4\n%%EOF\n"),
            "tags": "",
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [str(STORAGE_FAILED)]
    assert not get_document_model().objects.exists()


def test_a_working_storage_still_saves_the_image_once(editor, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")

    response = editor.post(
        reverse("wagtailimages:add"),
        {
            "title": "Ilustrasi ibu dan anak",
            "file": image_upload(),
            "description": "Seorang ibu memeluk anaknya",
            "tags": "",
        },
    )

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert (image.width, image.height) == (64, 48)
    assert image.file_size == len(png_bytes(64, 48))
    stored = list((tmp_path / "media" / "original_images").iterdir())
    assert [path.name for path in stored] == [image.file.name.split("/")[-1]]
