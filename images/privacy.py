"""Keep what a photo says about its author out of every stored image file.

A phone photo carries, besides its pixels, where it was taken (GPS), with what
(camera make, model, serial numbers), often when, a thumbnail of itself, and XMP, IPTC
or comment blocks that editing apps fill in. For a contributor hiding from a former
partner, a GPS position on a published illustration is an address. So every image is
re-encoded from its pixels alone when it is stored: the EXIF orientation is applied to
the pixels first (a portrait photo stays upright), the colour profile is kept (it only
says how to show the colours), and nothing else survives. Renditions made from a clean
original are clean; the image model checks them anyway (``clean_rendition``).

``strip_metadata`` re-encodes; ``find_metadata`` says what a file still carries, so
that ``strip_image_metadata`` (the command for images stored before this existed)
re-encodes only files that need it and is idempotent.
"""

import logging
import os
from dataclasses import dataclass
from io import BytesIO

from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.dispatch import receiver

from wagtail.images import get_image_model
from wagtail.models import UploadedFile
from wagtail.utils.file import hash_filelike

import pillow_heif
from PIL import ExifTags, Image, ImageSequence, JpegImagePlugin, UnidentifiedImageError

# HEIC/HEIF (iPhone photos) through pillow-heif; Pillow reads AVIF itself.
pillow_heif.register_heif_opener()

logger = logging.getLogger(__name__)

# High enough that the one re-encode at upload is not visible; PNG, GIF and lossless
# WebP are re-encoded without loss.
LOSSY_QUALITY = 92

# Pillow format -> (format to save as, extensions a file of that format may keep)
_FORMATS = {
    "JPEG": ("JPEG", (".jpg", ".jpeg")),
    # A JPEG with extra pictures appended (phones' "MPO" depth or preview images).
    "MPO": ("JPEG", (".jpg", ".jpeg")),
    "PNG": ("PNG", (".png",)),
    "GIF": ("GIF", (".gif",)),
    "WEBP": ("WEBP", (".webp",)),
    "AVIF": ("AVIF", (".avif",)),
    "HEIF": ("HEIF", (".heic", ".heif")),
}
# Anything else Pillow can read (BMP, TIFF, …) is stored as PNG, without loss.
_FALLBACK = ("PNG", (".png",))

# Image.info keys that describe how to show the pixels, not who made them.
_HARMLESS_INFO = {
    "icc_profile",
    "icc_profile_type",
    "nclx_profile",
    "transparency",
    "background",
    "duration",
    "loop",
    "disposal",
    "blend",
    "default_image",
    "bbox",
    "timestamp",
    "version",
    "gamma",
    "srgb",
    "chromaticity",
    "dpi",
    "aspect",
    "interlace",
    "jfif",
    "jfif_version",
    "jfif_unit",
    "jfif_density",
    "adobe",
    "adobe_transform",
    "progressive",
    "progression",
    "primary",
    "bit_depth",
    "chroma",
    "original_orientation",
}
# Byte patterns of metadata blocks, a backstop for containers Pillow does not report.
_RAW_MARKERS = {
    b"Exif\x00\x00": "exif",
    b"<x:xmpmeta": "xmp",
    b"http://ns.adobe.com/xap/1.0/": "xmp",
    b"Photoshop 3.0\x00": "iptc",
}


@dataclass(frozen=True)
class CleanImage:
    content: bytes
    format: str
    width: int
    height: int

    def filename(self, original_name):
        """original_name with an extension that fits the format it is now stored in."""
        root, ext = os.path.splitext(original_name)
        extensions = dict(_FORMATS.values()).get(self.format, _FALLBACK[1])
        return original_name if ext.lower() in extensions else root + extensions[0]


def _open(content):
    image = Image.open(BytesIO(content))
    image.load()
    return image


def _exif_findings(exif):
    found = {"exif"}
    if exif.get(ExifTags.Base.Make) or exif.get(ExifTags.Base.Model):
        found.add("camera")
    if ExifTags.IFD.GPSInfo in exif and exif.get_ifd(ExifTags.IFD.GPSInfo):
        found.add("gps")
    if exif.get(ExifTags.Base.Orientation, 1) != 1:
        found.add("orientation")
    # IFD1 holds the embedded thumbnail (a small copy of the photo, often uncropped).
    if exif.get_ifd(ExifTags.IFD.IFD1):
        found.add("thumbnail")
    return found


def _webp_findings(content):
    found = set()
    riff_end = 8 + int.from_bytes(content[4:8], "little")
    if len(content) > riff_end + 1:  # a pad byte is allowed
        found.add("trailing-data")
    for fourcc, _payload in _riff_chunks(content, 12, min(riff_end, len(content))):
        if fourcc == b"EXIF":
            found.add("exif")
        elif fourcc == b"XMP ":
            found.add("xmp")
        elif fourcc not in {
            b"VP8 ",
            b"VP8L",
            b"VP8X",
            b"ALPH",
            b"ANIM",
            b"ANMF",
            b"ICCP",
        }:
            found.add("unknown-chunk")
    return found


def _riff_chunks(content, start, end):
    offset = start
    while offset + 8 <= end:
        fourcc = content[offset : offset + 4]
        size = int.from_bytes(content[offset + 4 : offset + 8], "little")
        yield fourcc, content[offset + 8 : offset + 8 + size]
        offset += 8 + size + (size & 1)


def _webp_is_lossless(content):
    for fourcc, payload in _riff_chunks(content, 12, len(content)):
        if fourcc == b"VP8L":
            return True
        if fourcc == b"VP8 ":
            return False
        if fourcc == b"ANMF":
            # An animation frame: 16 bytes of frame header, then its own chunks.
            for inner, _ in _riff_chunks(payload, 16, len(payload)):
                if inner in {b"VP8L", b"VP8 "}:
                    return inner == b"VP8L"
    return False


def find_metadata(content):
    """What in content could identify the photo's author or place, as sorted names.

    An empty list means the file is stored as ``strip_metadata`` would write it.
    """
    image = _open(content)
    found = set()
    try:
        exif = image.getexif()
    except Exception:  # noqa: BLE001 - a corrupt EXIF block is still an EXIF block
        found.add("exif")
    else:
        if exif:
            found |= _exif_findings(exif)
    for key, value in image.info.items():
        if not value:
            continue  # pillow-heif lists empty slots (no thumbnails, no EXIF)
        if not isinstance(key, str):
            found.add("unknown")
        elif key in _HARMLESS_INFO:
            continue
        elif key in {"exif", "Raw profile type exif"}:
            found.add("exif")
        elif key in {"xmp", "XML:com.adobe.xmp"}:
            found.add("xmp")
        elif key in {"photoshop", "iptc"}:
            found.add("iptc")
        elif key == "comment":
            found.add("comment")
        elif key == "extension":
            # A GIF application block: the looping one is harmless, XMP is not.
            if not value[0].startswith((b"NETSCAPE2.0", b"ANIMEXTS1.0")):
                found.add("xmp" if value[0].startswith(b"XMP Data") else "text")
        elif key == "thumbnails":
            found.add("thumbnail")
        elif key == "metadata":
            found.add("metadata")
        elif key in {"depth_images", "aux", "mp", "mpinfo", "mpoffset"}:
            found.add("extra-images")
        else:
            # PNG text chunks (Author, Comment, Software, …), GIF extensions, …
            found.add("text")
    if getattr(image, "n_frames", 1) > 1 and image.format in {"MPO", "HEIF", "AVIF"}:
        found.add("extra-images")
    for marker, name in _RAW_MARKERS.items():
        if marker in content:
            found.add(name)
    if image.format in {"JPEG", "MPO"} and not content.rstrip(b"\x00").endswith(
        b"\xff\xd9"
    ):
        # A video ("motion photo") or another picture appended after the JPEG.
        found.add("trailing-data")
    elif image.format == "PNG" and not content.endswith(b"IEND\xaeB`\x82"):
        found.add("trailing-data")
    elif image.format == "WEBP":
        found |= _webp_findings(content)
    if image.format not in _FORMATS:
        found.add("format")
    return sorted(found)


def _frames(image):
    """The frames to keep, upright and with nothing in their info but the colour profile."""
    # exif_transpose would keep the rest of the EXIF; only its orientation is wanted.
    try:
        orientation = image.getexif().get(ExifTags.Base.Orientation, 1)
    except Exception:  # noqa: BLE001 - a corrupt EXIF block must not stop the strip
        orientation = 1
    method = {
        2: Image.Transpose.FLIP_LEFT_RIGHT,
        3: Image.Transpose.ROTATE_180,
        4: Image.Transpose.FLIP_TOP_BOTTOM,
        5: Image.Transpose.TRANSPOSE,
        6: Image.Transpose.ROTATE_270,
        7: Image.Transpose.TRANSVERSE,
        8: Image.Transpose.ROTATE_90,
    }.get(orientation)
    animated = (
        image.format in {"GIF", "PNG", "WEBP"} and getattr(image, "n_frames", 1) > 1
    )
    sources = ImageSequence.Iterator(image) if animated else [image]
    frames, durations = [], []
    for source in sources:
        # copy() gives a new image without the lazily parsed EXIF of the source.
        frame = source.transpose(method) if method else source.copy()
        durations.append(source.info.get("duration", 0))
        frame.info = {
            key: source.info[key]
            for key in ("icc_profile", "transparency")
            if key in source.info
        }
        frames.append(frame)
    return frames, durations


def strip_metadata(content):
    """content re-encoded from its pixels: upright, colour profile kept, nothing else."""
    image = _open(content)
    save_format, _extensions = _FORMATS.get(image.format, _FALLBACK)
    frames, durations = _frames(image)
    first = frames[0]
    options = {}
    icc_profile = image.info.get("icc_profile")
    if icc_profile:
        options["icc_profile"] = icc_profile
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:], duration=durations)
        if "loop" in image.info:
            options["loop"] = image.info["loop"]
    if save_format == "JPEG":
        if first.mode not in {"L", "RGB", "CMYK"}:
            first = first.convert("RGB")
        options.update(quality=LOSSY_QUALITY, optimize=True)
        if image.format == "JPEG":
            # The photo's own chroma subsampling, so the re-encode loses no colour detail.
            subsampling = JpegImagePlugin.get_sampling(image)
            if subsampling != -1:
                options["subsampling"] = subsampling
            if image.info.get("progressive"):
                options["progressive"] = True
    elif save_format == "PNG":
        options["optimize"] = True
        if "transparency" in first.info:
            options["transparency"] = first.info["transparency"]
    elif save_format == "GIF":
        if "transparency" in image.info:
            options["transparency"] = image.info["transparency"]
        if "background" in image.info:
            options["background"] = image.info["background"]
    elif save_format == "WEBP":
        if _webp_is_lossless(content):
            options["lossless"] = True
        else:
            options["quality"] = LOSSY_QUALITY
    elif save_format == "AVIF":
        options["quality"] = LOSSY_QUALITY
    elif save_format == "HEIF":
        # Explicitly none: pillow-heif otherwise copies EXIF and XMP from the source.
        options.update(quality=LOSSY_QUALITY, exif=None, xmp=None)
    output = BytesIO()
    first.save(output, save_format, **options)
    return CleanImage(output.getvalue(), save_format, first.width, first.height)


# --- Stored images -----------------------------------------------------------------


def _read(field_file):
    field_file.open("rb")
    try:
        field_file.seek(0)
        return field_file.read()
    finally:
        field_file.close()


def _read_new(file):
    if file.closed:
        file.open("rb")
    file.seek(0)
    return file.read()


def stripped_upload(file):
    """A clean, in-memory copy of an uploaded file, marked so it is not stripped twice."""
    clean = strip_metadata(_read_new(file))
    clean_file = ContentFile(
        clean.content, name=clean.filename(os.path.basename(file.name))
    )
    clean_file.metadata_stripped = True
    return clean_file


def strip_new_file(image):
    """Re-encode the file just given to image (not yet written to storage).

    Sets the image's file, width, height, file_size and file_hash to those of the
    clean file, so the duplicate check and the admin show what is really stored.
    """
    clean = strip_metadata(_read_new(image.file))
    clean_file = ContentFile(
        clean.content, name=clean.filename(os.path.basename(image.file.name))
    )
    clean_file.metadata_stripped = True
    image.file = clean_file
    _set_file_fields(image, clean)


def _set_file_fields(image, clean):
    image.width, image.height = clean.width, clean.height
    image.file_size = len(clean.content)
    image.file_hash = hash_filelike(BytesIO(clean.content))


def is_stripped(field_file):
    return getattr(getattr(field_file, "file", None), "metadata_stripped", False)


def strip_stored_file(image):
    """Replace a file already in storage by its clean version; the old one is deleted.

    Works on the historical models of a migration too: it only uses the fields.
    """
    old_name = image.file.name
    content = _read(image.file)
    clean = strip_metadata(content)
    storage = image.file.storage
    new_name = storage.save(clean.filename(old_name), ContentFile(clean.content))
    image.file.name = new_name
    _set_file_fields(image, clean)
    if new_name != old_name:
        storage.delete(old_name)
    return clean


def strip_stored_file_if_needed(image):
    if find_metadata(_read(image.file)):
        strip_stored_file(image)


@receiver(pre_save, sender=UploadedFile)
def strip_held_upload(sender, instance, **kwargs):
    """Strip an upload the multiple uploader holds while its form is completed.

    Wagtail stores the raw upload there when a field other than the file fails
    (CreateFromUploadedImageView later turns it into an image); an upload never
    completed would stay in storage with its GPS position.
    """
    model = instance.for_content_type and instance.for_content_type.model_class()
    if model is get_image_model() and instance.file and not instance.file._committed:
        instance.file = stripped_upload(instance.file)


def clean_stored_image(image, *, dry_run=False):
    """Strip a stored image if it needs it, and drop its renditions so they are redone.

    Returns what was found (empty if the file was already clean). Safe to repeat.
    """
    found = find_metadata(_read(image.file))
    if not found or dry_run:
        return found
    strip_stored_file(image)
    image.save(update_fields=["file", "width", "height", "file_size", "file_hash"])
    for rendition in image.renditions.all():
        # Deleted one by one so that each file goes with its row, even where (as in
        # a migration) Wagtail's delete signal is not connected.
        rendition.file.delete(save=False)
        rendition.delete()
    return found


def clean_rendition(file):
    """A rendition file without metadata, in case its original was not clean."""
    file.seek(0)
    content = file.read()
    file.seek(0)
    try:
        found = find_metadata(content)
    except UnidentifiedImageError:
        return file  # not a raster image (an SVG): nothing of the kind to strip
    if not found:
        return file
    logger.warning("Stripped %s from rendition %s", ", ".join(found), file.name)
    return ContentFile(strip_metadata(content).content, name=file.name)
