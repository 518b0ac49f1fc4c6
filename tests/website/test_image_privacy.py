"""No stored image file says where or with what a photo was taken.

A contributor's phone photo carries GPS, the camera's make and model, XMP, IPTC, a
comment and an EXIF thumbnail. Uploaded through the admin as a contributor, in every
format we accept, neither the stored original nor any rendition the public pages use
may keep any of it; the photo must stay upright and keep its colour profile. Images
stored before this are cleaned by `manage.py strip_image_metadata`.
"""

import hashlib
import importlib
import io
import re
import struct
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse

from wagtail.models import UploadedFile

import pillow_heif
import pytest
from PIL import ExifTags, Image, ImageCms, ImageSequence, PngImagePlugin

from demo.factories import ArticlePageFactory
from images.models import CustomImage, CustomRendition
from images.privacy import find_metadata

pillow_heif.register_heif_opener()

CAMERA_MAKE = "Google"
CAMERA_MODEL = "Pixel 7 Pro"
AUTHOR = "Siti Aminah Rahayu"
PLACE = "Jalan Melati 12, Depok"
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    f'exif:GPSLatitude="6,24.1234S" exif:GPSLongitude="106,49.5678E" '
    f'dc:creator="{AUTHOR}" dc:description="{PLACE}"/>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
).encode()
# Words that would give the photo away, wherever they hid in the file.
TELLTALES = [
    b"GPS",
    b"Exif",
    CAMERA_MAKE.encode(),
    CAMERA_MODEL.encode(),
    AUTHOR.encode(),
    PLACE.encode(),
    b"<x:xmpmeta",
    b"Photoshop 3.0",
]
# Stored sideways, as phones do, with an EXIF Orientation that says "turn right".
RAW_SIZE = (96, 64)
ORIENTATION_ROTATE_RIGHT = 6


def exif_block(orientation=ORIENTATION_ROTATE_RIGHT):
    """EXIF as a phone writes it: camera, GPS position, orientation and a thumbnail."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = CAMERA_MAKE
    exif[ExifTags.Base.Model] = CAMERA_MODEL
    exif[ExifTags.Base.Orientation] = orientation
    exif[ExifTags.Base.Artist] = AUTHOR
    exif[ExifTags.IFD.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "S",
        ExifTags.GPS.GPSLatitude: (6.0, 24.0, 7.4),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (106.0, 49.0, 34.1),
    }
    data = exif.tobytes()
    # Pillow writes no IFD1, so the thumbnail IFD is chained on by hand: patch IFD0's
    # "next IFD" offset to point at an IFD1 appended at the end.
    tiff = bytearray(data[6:])
    big_endian = tiff[:2] == b"MM"
    fmt = ">" if big_endian else "<"
    (ifd0,) = struct.unpack(fmt + "I", tiff[4:8])
    (count,) = struct.unpack(fmt + "H", tiff[ifd0 : ifd0 + 2])
    next_pointer = ifd0 + 2 + 12 * count
    thumbnail = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 40, 40)).save(thumbnail, "JPEG")
    thumbnail = thumbnail.getvalue()
    ifd1 = len(tiff)
    thumbnail_offset = ifd1 + 2 + 2 * 12 + 4
    tiff[next_pointer : next_pointer + 4] = struct.pack(fmt + "I", ifd1)
    tiff += struct.pack(fmt + "H", 2)
    tiff += struct.pack(fmt + "HHII", 0x0201, 4, 1, thumbnail_offset)
    tiff += struct.pack(fmt + "HHII", 0x0202, 4, 1, len(thumbnail))
    tiff += struct.pack(fmt + "I", 0) + thumbnail
    return b"Exif\x00\x00" + bytes(tiff)


def iptc_segment():
    """A JPEG APP13 (Photoshop/IPTC) segment naming the photographer and the place."""
    records = b""
    for dataset, value in ((80, AUTHOR), (92, PLACE)):  # By-line, Sub-location
        value = value.encode()
        records += (
            b"\x1c\x02" + bytes([dataset]) + struct.pack(">H", len(value)) + value
        )
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(records)) + records
    if len(records) % 2:
        resource += b"\x00"
    payload = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload


def sideways_pixels(mode="RGB"):
    """Red on the left, blue on the right: turned right, red ends up on top."""
    image = Image.new(mode, RAW_SIZE, (30, 60, 220))
    image.paste((220, 30, 30), (0, 0, RAW_SIZE[0] // 2, RAW_SIZE[1]))
    return image


def phone_photo(kind):
    """(file name, bytes) of a photo in the given format, carrying everything."""
    image = sideways_pixels()
    output = io.BytesIO()
    if kind == "jpeg":
        image.save(
            output,
            "JPEG",
            quality=90,
            exif=exif_block(),
            icc_profile=ICC,
            xmp=XMP,
            comment=f"{AUTHOR}, {PLACE}".encode(),
        )
        data = output.getvalue()
        # IPTC goes right after SOI, where cameras and editors put it.
        data = data[:2] + iptc_segment() + data[2:]
        return "foto-hp.jpg", data
    if kind == "png":
        text = PngImagePlugin.PngInfo()
        text.add_text("Author", AUTHOR)
        text.add_text("Comment", PLACE)
        text.add_itxt("XML:com.adobe.xmp", XMP.decode())
        image.save(output, "PNG", exif=exif_block(), icc_profile=ICC, pnginfo=text)
        return "foto-hp.png", output.getvalue()
    if kind in {"webp", "webp-lossless"}:
        image.save(
            output,
            "WEBP",
            quality=90,
            lossless=kind == "webp-lossless",
            exif=exif_block(),
            icc_profile=ICC,
            xmp=XMP,
        )
        return "foto-hp.webp", output.getvalue()
    if kind == "avif":
        image.save(
            output, "AVIF", quality=90, exif=exif_block(), icc_profile=ICC, xmp=XMP
        )
        return "foto-hp.avif", output.getvalue()
    if kind == "heic":
        # As an iPhone writes it: HEVC in HEIF, with EXIF, XMP and a thumbnail item.
        image.save(
            output,
            "HEIF",
            quality=90,
            exif=exif_block(),
            icc_profile=ICC,
            xmp=XMP,
            thumbnails=[32],
        )
        return "IMG_0042.heic", output.getvalue()
    raise ValueError(kind)


def animated_gif():
    frames = [
        Image.new("P", (40, 30), color) for color in (1, 2, 3)
    ]  # three frames, one colour each
    palette = [0, 0, 0, 220, 30, 30, 30, 60, 220, 30, 200, 30] + [0] * (256 * 3 - 12)
    for frame in frames:
        frame.putpalette(palette)
    output = io.BytesIO()
    frames[0].save(
        output,
        "GIF",
        save_all=True,
        append_images=frames[1:],
        duration=[100, 200, 300],
        loop=0,
        comment=f"{AUTHOR}, {PLACE}".encode(),
    )
    return "gerak.gif", output.getvalue()


# --- Assertions ---------------------------------------------------------------------


def stored_bytes(field_file):
    with default_storage.open(field_file.name, "rb") as stored:
        return stored.read()


def assert_no_metadata(data, where):
    for telltale in TELLTALES:
        assert telltale not in data, f"{telltale!r} left in {where}"
    image = Image.open(io.BytesIO(data))
    assert not image.getexif(), where
    leftovers = {
        key
        for key, value in image.info.items()
        if value
        and key
        in {
            "exif",
            "xmp",
            "XML:com.adobe.xmp",
            "comment",
            "photoshop",
            "Author",
            "Comment",
            "thumbnails",
            "metadata",
        }
    }
    assert not leftovers, f"{leftovers} left in {where}"
    assert find_metadata(data) == [], where


def assert_upright_with_profile(data, where, keeps_profile=True):
    """Red on top, blue below; portrait too unless it is a landscape crop."""
    image = Image.open(io.BytesIO(data))
    if "fill-" not in where:
        assert image.width < image.height, f"{where} is not portrait: {image.size}"
    rgb = image.convert("RGB")
    top = rgb.getpixel((image.width // 2, image.height // 8))
    bottom = rgb.getpixel((image.width // 2, image.height * 7 // 8))
    assert top[0] > 150 > top[2], f"{where}: top {top} should be red"
    assert bottom[2] > 150 > bottom[0], f"{where}: bottom {bottom} should be blue"
    if keeps_profile:
        assert image.info.get("icc_profile") == ICC, f"{where} lost its colour profile"


def every_stored_file():
    """{path: bytes} of every file in MEDIA_ROOT, whoever wrote it."""
    root = Path(settings.MEDIA_ROOT)
    return {
        str(path.relative_to(root)): path.read_bytes()
        for path in root.rglob("*")
        if path.is_file()
    }


# --- Fixtures -----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    """A media folder per test, so that "every stored file" means this test's."""
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def contributor(db):
    user = get_user_model().objects.create_user(
        username="sekar", email="sekar@contoh.id", password="kata-sandi-uji"
    )
    user.groups.add(Group.objects.get(name="Contributors"))
    return user


@pytest.fixture
def as_contributor(client, contributor):
    client.force_login(contributor)
    return client


def upload_through_admin(client, name, data):
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Foto kegiatan",
            "file": SimpleUploadedFile(name, data),
            "tags": "",
            "description": "Anak-anak bermain",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    assert response.url == reverse("wagtailimages:index")
    return CustomImage.objects.get()


PHOTO_KINDS = ["jpeg", "png", "webp", "webp-lossless", "avif", "heic"]


@pytest.mark.parametrize("kind", PHOTO_KINDS)
def test_test_photos_carry_everything_to_strip(kind):
    _name, data = phone_photo(kind)

    found = find_metadata(data)

    assert {"exif", "xmp", "gps", "camera"} <= set(found)
    if kind != "heic":  # pillow-heif folds the orientation into the HEIF transform
        assert "orientation" in found
    if kind != "avif":  # Pillow rewrites an AVIF's EXIF without its thumbnail IFD
        assert "thumbnail" in found
    if kind == "jpeg":
        assert {"iptc", "comment"} <= set(found)
    if kind == "png":
        assert "text" in found


# --- Uploads through the admin ------------------------------------------------------


@pytest.mark.parametrize("kind", PHOTO_KINDS)
def test_uploaded_original_is_stored_clean_upright_and_with_its_profile(
    as_contributor, kind
):
    name, data = phone_photo(kind)

    image = upload_through_admin(as_contributor, name, data)

    stored = stored_bytes(image.file)
    assert_no_metadata(stored, f"stored {kind} original")
    assert_upright_with_profile(stored, f"stored {kind} original")
    # The same format as uploaded, and the fields Wagtail keeps describe the clean file.
    assert Image.open(io.BytesIO(stored)).format == Image.open(io.BytesIO(data)).format
    assert (image.width, image.height) == (RAW_SIZE[1], RAW_SIZE[0])
    assert image.file_size == len(stored)
    assert image.file_hash == hashlib.sha1(stored).hexdigest()  # noqa: S324
    assert image.uploaded_by_user.username == "sekar"


def test_lossless_formats_stay_lossless(as_contributor):
    for kind in ("png", "webp-lossless"):
        name, data = phone_photo(kind)
        image = upload_through_admin(as_contributor, name, data)
        stored = Image.open(io.BytesIO(stored_bytes(image.file))).convert("RGB")
        expected = sideways_pixels().transpose(Image.Transpose.ROTATE_270)
        assert stored.tobytes() == expected.tobytes(), kind
        image.delete()


@pytest.mark.parametrize("kind", PHOTO_KINDS)
def test_renditions_on_the_public_article_are_clean(
    as_contributor, client, blog_index, kind, caplog
):
    name, data = phone_photo(kind)
    image = upload_through_admin(as_contributor, name, data)
    article = ArticlePageFactory(
        parent=blog_index,
        slug=f"foto-{kind}",
        hero_image=image,
        body=[("image", {"image": image, "caption": "Kegiatan bersama"})],
    )
    client.logout()

    response = client.get(article.url)

    assert response.status_code == 200
    # The public page uses (and so creates) these renditions; add the `original`
    # and width-800 of the issue and read every file stored for the image.
    image.get_renditions("original", "width-800")
    renditions = {r.filter_spec: r for r in image.renditions.all()}
    assert {
        "fill-1200x630|format-jpeg",  # og:image and JSON-LD
        "width-400|format-avif",  # the hero's <picture>: AVIF first
        "width-400|format-webp",
        "width-800|format-webp",  # the body image
        "original",
        "width-800",
    } <= set(renditions)
    html = response.content.decode()
    for spec, rendition in renditions.items():
        content = stored_bytes(rendition.file)
        assert_no_metadata(content, f"{kind} rendition {spec}")
        assert_upright_with_profile(content, f"{kind} rendition {spec}")
        assert (
            rendition.url in html
            or spec in {"original", "width-800"}
            # The photo is narrower than 400 px: its renditions of one format all
            # come out at its width, and a srcset lists a width once.
            or any(
                other.url in html
                and other.width == rendition.width
                and other.url.rsplit(".", 1)[-1] == rendition.url.rsplit(".", 1)[-1]
                for other in renditions.values()
            )
        )
    # Clean because the original is: the rendition check found nothing to redo.
    assert not [r for r in caplog.records if r.name == "images.privacy"]
    # And nothing else was left in storage: the original and these renditions only.
    stored = every_stored_file()
    assert set(stored) == {
        image.file.name,
        *(rendition.file.name for rendition in renditions.values()),
    }


def test_heic_from_an_iphone_shows_on_the_public_article(
    as_contributor, client, blog_index
):
    name, data = phone_photo("heic")
    image = upload_through_admin(as_contributor, name, data)
    article = ArticlePageFactory(
        parent=blog_index, slug="foto-iphone", hero_image=image
    )
    client.logout()

    response = client.get(article.url)

    assert response.status_code == 200
    html = response.content.decode()
    og_image = re.search(r'<meta property="og:image" content="([^"]+)"', html)[1]
    hero_sources = re.findall(r'srcset="([^"]+)"', html)[0].split(", ")
    urls = [og_image, *(source.split(" ")[0] for source in hero_sources)]
    # og:image and the hero's AVIF source: the photo is narrower than every width
    # asked for, so its srcset lists its one width once.
    assert len(urls) == 2
    for url in urls:
        path = url.removeprefix("http://testserver").removeprefix(settings.MEDIA_URL)
        content = default_storage.open(path).read()
        shown = Image.open(io.BytesIO(content))
        # Browsers other than Safari cannot show HEIC: the page serves AVIF, WebP
        # and JPEG.
        assert shown.format in {"AVIF", "JPEG", "WEBP"}, url
        assert shown.width < shown.height or url == og_image
        assert_no_metadata(content, url)


def test_animated_gif_keeps_its_frames_and_loses_its_comment(as_contributor):
    name, data = animated_gif()
    assert "comment" in find_metadata(data)

    image = upload_through_admin(as_contributor, name, data)

    stored = stored_bytes(image.file)
    assert_no_metadata(stored, "stored gif")
    gif = Image.open(io.BytesIO(stored))
    assert gif.n_frames == 3
    assert [frame.info["duration"] for frame in ImageSequence.Iterator(gif)] == [
        100,
        200,
        300,
    ]
    assert gif.info["loop"] == 0


def test_the_multiple_uploader_stores_clean_files_too(as_contributor):
    name, data = phone_photo("jpeg")

    response = as_contributor.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": SimpleUploadedFile(name, data), "title": "Foto kegiatan"},
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    image = CustomImage.objects.get()
    stored = stored_bytes(image.file)
    assert_no_metadata(stored, "stored original")
    assert_upright_with_profile(stored, "stored original")


def test_replacing_the_file_of_an_image_strips_the_new_one(as_contributor):
    image = upload_through_admin(as_contributor, *phone_photo("png"))
    name, data = phone_photo("jpeg")

    response = as_contributor.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {
            "title": "Foto kegiatan",
            "file": SimpleUploadedFile(name, data),
            "tags": "",
            "description": "Anak-anak bermain",
        },
    )

    assert response.status_code == 302
    image.refresh_from_db()
    assert image.file.name.endswith(".jpg")
    assert_no_metadata(stored_bytes(image.file), "replaced original")


# --- Images stored before -------------------------------------------------------------


def store_without_stripping(name, data):
    """An image as stored before stripping existed: the raw upload, as it came."""
    stored_name = default_storage.save(f"original_images/{name}", ContentFile(data))
    raw = Image.open(io.BytesIO(data))
    # bulk_create skips CustomImage.save(), as the code of back then did.
    (image,) = CustomImage.objects.bulk_create(
        [
            CustomImage(
                title="Foto lama",
                file=stored_name,
                width=raw.width,
                height=raw.height,
                file_size=len(data),
                file_hash=hashlib.sha1(data).hexdigest(),  # noqa: S324
            )
        ]
    )
    return CustomImage.objects.get(pk=image.pk)


def test_rendition_of_an_old_unstripped_original_is_clean(db, caplog):
    image = store_without_stripping(*phone_photo("jpeg"))
    assert "gps" in find_metadata(stored_bytes(image.file))

    with caplog.at_level("WARNING", logger="images.privacy"):
        rendition = image.get_rendition("fill-1200x630|format-jpeg")

    assert "Stripped camera, comment, exif, gps" in caplog.text

    content = stored_bytes(rendition.file)
    assert_no_metadata(content, "rendition of an old original")
    # Willow turned it upright before cropping to 1200x630; the profile stays.
    assert Image.open(io.BytesIO(content)).info["icc_profile"] == ICC


def test_command_cleans_images_stored_before_and_their_renditions(db):
    image = store_without_stripping(*phone_photo("jpeg"))
    old_name = image.file.name
    old_rendition = CustomRendition.objects.create(
        image=image,
        filter_spec="width-800",
        focal_point_key="",
        file=ContentFile(phone_photo("jpeg")[1], name="foto-hp.width-800.jpg"),
    )
    old_rendition_name = old_rendition.file.name
    clean_image = store_without_stripping("bersih.png", png_without_metadata())
    clean_name = clean_image.file.name
    out = io.StringIO()

    call_command("strip_image_metadata", stdout=out)

    image.refresh_from_db()
    stored = stored_bytes(image.file)
    assert_no_metadata(stored, "cleaned original")
    assert_upright_with_profile(stored, "cleaned original")
    assert (image.width, image.height) == (RAW_SIZE[1], RAW_SIZE[0])
    assert image.file_size == len(stored)
    assert image.file_hash == hashlib.sha1(stored).hexdigest()  # noqa: S324
    # The photo with its GPS position is gone from storage, and so is its rendition.
    assert not default_storage.exists(old_name)
    assert not default_storage.exists(old_rendition_name)
    assert not image.renditions.exists()
    # The clean image was left alone.
    clean_image.refresh_from_db()
    assert clean_image.file.name == clean_name
    report = out.getvalue()
    assert f"#{image.pk}" in report
    assert "gps" in report and "camera" in report and "thumbnail" in report
    assert f"#{clean_image.pk}" not in report
    assert "1 of 2 images cleaned" in report

    # Run again: nothing left to do, nothing touched.
    out = io.StringIO()
    call_command("strip_image_metadata", stdout=out)

    image_name = image.file.name
    image.refresh_from_db()
    assert image.file.name == image_name
    assert "0 of 2 images cleaned" in out.getvalue()


def test_command_dry_run_changes_nothing(db):
    image = store_without_stripping(*phone_photo("heic"))
    before = stored_bytes(image.file)
    out = io.StringIO()

    call_command("strip_image_metadata", "--dry-run", stdout=out)

    image.refresh_from_db()
    assert stored_bytes(image.file) == before
    assert f"#{image.pk}" in out.getvalue()
    assert "1 of 1 images would be cleaned" in out.getvalue()


def png_without_metadata():
    output = io.BytesIO()
    Image.new("RGB", (20, 10), (10, 120, 10)).save(output, "PNG")
    return output.getvalue()


def test_upload_held_by_the_multiple_uploader_is_stored_clean(as_contributor):
    """A field other than the file fails: Wagtail holds the upload until it is fixed."""
    name, data = phone_photo("jpeg")

    response = as_contributor.post(
        reverse("wagtailimages:add_multiple"),
        # A title past its 255 characters sends the upload on Wagtail's detour.
        {"files[]": SimpleUploadedFile(name, data), "title": "x" * 300},
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    assert not CustomImage.objects.exists()
    held = UploadedFile.objects.get()
    assert_no_metadata(stored_bytes(held.file), "held upload")

    response = as_contributor.post(
        reverse("wagtailimages:create_multiple_from_uploaded_image", args=[held.pk]),
        {
            f"uploaded-image-{held.pk}-title": "Foto kegiatan",
            f"uploaded-image-{held.pk}-tags": "",
            f"uploaded-image-{held.pk}-description": "Anak-anak bermain",
        },
    )

    assert response.status_code == 200
    assert response.json()["success"] is True
    image = CustomImage.objects.get()
    stored = stored_bytes(image.file)
    assert_no_metadata(stored, "image made from the held upload")
    assert_upright_with_profile(stored, "image made from the held upload")
    assert image.file_size == len(stored)
    assert image.file_hash == hashlib.sha1(stored).hexdigest()  # noqa: S324


def test_image_pillow_cannot_reencode_is_a_form_error(as_contributor, monkeypatch):
    # Anything Pillow cannot read fails Wagtail's own validation first; what is left
    # is an encoder refusing an unusual image (a mode or bit depth it cannot write).
    def refuse(content):
        raise OSError("encoder error -2 when writing image file")

    monkeypatch.setattr("images.privacy.strip_metadata", refuse)
    name, data = phone_photo("jpeg")

    response = as_contributor.post(
        reverse("wagtailimages:add"),
        {"title": "Foto", "file": SimpleUploadedFile(name, data), "tags": ""},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "Gambar ini tidak bisa diproses. Simpan ulang sebagai JPEG atau PNG, "
        "lalu unggah lagi."
    ]
    assert not CustomImage.objects.exists()
    assert every_stored_file() == {}


def test_migration_cleans_images_stored_before(db):
    """The data migration does the command's work with the historical models."""
    image = store_without_stripping(*phone_photo("webp"))
    CustomRendition.objects.create(
        image=image,
        filter_spec="width-800",
        focal_point_key="",
        file=ContentFile(phone_photo("webp")[1], name="foto-hp.width-800.webp"),
    )
    # The models as the database has them now (a later migration changed the image
    # table, and the split moved it to `images`, where the migration's "website"
    # label now leads); the migration's function only reads and writes the files.
    state = MigrationLoader(connection).project_state()

    class AppsSinceTheSplit:
        def get_model(self, app_label, model_name):
            return state.apps.get_model("images", model_name)

    migration = importlib.import_module("website.migrations.0004_strip_image_metadata")

    migration.strip_stored_images(AppsSinceTheSplit(), schema_editor=None)

    image.refresh_from_db()
    stored = stored_bytes(image.file)
    assert_no_metadata(stored, "original cleaned by the migration")
    assert_upright_with_profile(stored, "original cleaned by the migration")
    assert image.file_hash == hashlib.sha1(stored).hexdigest()  # noqa: S324
    assert not image.renditions.exists()
    assert set(every_stored_file()) == {image.file.name}
