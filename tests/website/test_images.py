"""Image uploads through the admin: bounded in size and pixels, with alt text and credit.

An oversized file, a decompression bomb or an SVG must come back as a form error the
editor can read, never as a server error, and must leave nothing behind.
"""

import io
import zlib

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from django.urls import reverse

import pytest
from PIL import Image as PILImage

from images.models import CustomImage

ADD_URL = reverse("wagtailimages:add")


def png_bytes(width=20, height=20, mode="RGB"):
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def bomb_png(width, height):
    """A tiny PNG that claims a huge canvas: a decompression bomb.

    Written by hand so the test does not have to hold the canvas in memory: one
    all-black 1-bit scanline repeated compresses to almost nothing.
    """

    def chunk(kind, data):
        body = kind + data
        return len(data).to_bytes(4, "big") + body + zlib.crc32(body).to_bytes(4, "big")

    header = (
        width.to_bytes(4, "big") + height.to_bytes(4, "big") + bytes([1, 0, 0, 0, 0])
    )
    scanline = b"\x00" * (1 + (width + 7) // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(scanline) for _ in range(height))
    data += compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", data)
        + chunk(b"IEND", b"")
    )


def upload(name, content, content_type="image/png"):
    return SimpleUploadedFile(name, content, content_type=content_type)


@pytest.fixture
def admin_browser(client, django_user_model, db):
    user = django_user_model.objects.create_superuser(
        "redaksi", "redaksi@serambi.test", "rahasia"
    )
    client.force_login(user)
    return client


def post_image(client, file, **fields):
    data = {"title": "Ilustrasi ibu dan anak", "file": file, "tags": ""}
    data.update(fields)
    return client.post(ADD_URL, data)


def file_errors(response):
    assert response.status_code == 200
    form = response.context["form"]
    assert "file" in form.errors
    return " ".join(form.errors["file"])


# --- Refused uploads ----------------------------------------------------------------


def test_oversized_file_is_refused(admin_browser):
    limit = settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    # A valid PNG padded past the limit: the size alone must stop it.
    content = png_bytes() + b"\x00" * (limit + 1)

    response = post_image(admin_browser, upload("besar.png", content))

    errors = file_errors(response)
    assert "terlalu besar" in errors  # Wagtail's Indonesian message, naming the limit
    assert not CustomImage.objects.exists()


def test_decompression_bomb_is_refused(admin_browser):
    # More pixels than WAGTAILIMAGES_MAX_IMAGE_PIXELS, in a file of a few kilobytes.
    width, height = 10_000, 5_000
    assert width * height > settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    content = bomb_png(width, height)
    assert len(content) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    response = post_image(admin_browser, upload("bom.png", content))

    assert "40000000" in file_errors(response)  # the pixel limit is named
    assert not CustomImage.objects.exists()


def test_bomb_beyond_pillows_own_limit_is_refused(admin_browser):
    # Past twice Pillow's MAX_IMAGE_PIXELS, Pillow itself raises on open.
    width, height = 20_000, 10_000
    assert width * height > 2 * PILImage.MAX_IMAGE_PIXELS
    content = bomb_png(width, height)

    response = post_image(admin_browser, upload("bom-besar.png", content))

    assert "40000000" in file_errors(response)
    assert not CustomImage.objects.exists()


def test_svg_is_refused(admin_browser):
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
        b'<script>alert("x")</script><rect width="10" height="10"/></svg>'
    )

    response = post_image(
        admin_browser, upload("gambar.svg", svg, content_type="image/svg+xml")
    )

    errors = file_errors(response)
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS
    assert "tidak didukung" in errors
    assert not CustomImage.objects.exists()


def test_text_file_posing_as_an_image_is_refused(admin_browser):
    response = post_image(
        admin_browser, upload("palsu.png", b"bukan gambar sama sekali")
    )

    file_errors(response)
    assert not CustomImage.objects.exists()


def test_bounds_are_configured():
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000


# --- Accepted uploads: alt text and credit ---------------------------------------


def test_add_form_asks_for_alt_text_and_credit(admin_browser):
    response = admin_browser.get(ADD_URL)

    assert response.status_code == 200
    form = response.context["form"]
    assert "description" in form.fields
    assert "credit" in form.fields
    content = response.content.decode()
    assert 'name="description"' in content
    assert 'name="credit"' in content


def test_image_is_saved_with_alt_text_and_credit(admin_browser):
    response = post_image(
        admin_browser,
        upload("ilustrasi.png", png_bytes(64, 48)),
        description="Seorang ibu memeluk anaknya di teras rumah",
        credit="Ilustrasi: Maya Kusuma",
    )

    assert response.status_code == 302
    image = CustomImage.objects.get()
    assert image.title == "Ilustrasi ibu dan anak"
    assert (image.width, image.height) == (64, 48)
    assert image.description == "Seorang ibu memeluk anaknya di teras rumah"
    assert image.credit == "Ilustrasi: Maya Kusuma"
    assert image.default_alt_text == "Seorang ibu memeluk anaknya di teras rumah"


def test_alt_text_is_used_when_the_image_is_rendered(admin_browser):
    post_image(
        admin_browser,
        upload("ilustrasi.png", png_bytes(64, 48)),
        description="Anak-anak bermain di halaman",
    )
    image = CustomImage.objects.get()

    html = Template("{% load wagtailimages_tags %}{% image img width-32 %}").render(
        Context({"img": image})
    )

    assert 'alt="Anak-anak bermain di halaman"' in html


def test_default_alt_text_falls_back_to_the_title(db):
    image = CustomImage.objects.create(
        title="Foto kegiatan",
        file=SimpleUploadedFile("kegiatan.png", png_bytes()),
    )

    assert image.description == ""
    assert image.default_alt_text == "Foto kegiatan"


def test_the_upload_asks_for_the_alt_text_once(admin_browser):
    content = admin_browser.get(ADD_URL).content.decode()
    form = admin_browser.get(ADD_URL).context["form"]

    assert form.fields["description"].label == "Teks alternatif"
    assert "alt_text" not in form.fields
    assert content.count("Teks alternatif") == 1
    assert "Deskripsi" not in content
    assert "dari ponsel" in content
