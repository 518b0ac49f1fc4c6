"""Rendition files made once per picture and filter, for every test process of a run.

A hero is four widths in AVIF, WebP and JPEG, and encoding them is most of a page's
first render. The browser tests, the seeded demo (tests/website/test_seed_demo.py)
and the public crawl (tests/website/test_public_crawl.py) render the same pictures
again and again: factory and demo pictures whose bytes are the same in every test and
every pytest-xdist worker. The same bytes through the same filter give the same
rendition, so its content is kept in .pytest_cache, keyed by the source's digest, the
filter and its focal-point key, under a directory named for everything else that
decides the encoding (the image settings and the versions of the encoders). The first
process to need a rendition makes it under a lock; the others wait and read it.
Rendition rows are still made and saved by each test, and each file is named as
Wagtail would name it for that test's picture.

Opt-in (the `renditions_made_once` fixture): tests of the encoders themselves make
their renditions for real.
"""

import contextlib
import hashlib
import importlib.metadata
import os
import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile

from tests.database_template import locked

ROOT = Path(__file__).resolve().parent.parent / ".pytest_cache" / "renditions"
PACKAGES = ("wagtail", "willow", "pillow", "pillow-heif")


def encoding_key():
    """What decides a rendition's bytes besides its source and filter."""
    parts = [
        f"{name}={value!r}"
        for name, value in sorted(vars(settings._wrapped).items())
        if name.startswith("WAGTAILIMAGES_")
    ]
    for package in PACKAGES:
        try:
            parts.append(f"{package}=={importlib.metadata.version(package)}")
        except importlib.metadata.PackageNotFoundError:
            parts.append(f"{package} absent")
    # The encoder options the test session sets (tests/conftest.py).
    parts.append((Path(__file__).parent / "conftest.py").read_text())
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]


def _directory():
    directory = ROOT / encoding_key()
    if not directory.exists():
        # Files kept for other encoders or settings are no use to this run.
        with contextlib.suppress(FileNotFoundError):
            for old in ROOT.iterdir():
                if old != directory:
                    shutil.rmtree(old, ignore_errors=True)
        directory.mkdir(parents=True, exist_ok=True)
    return directory


def made_once(generate):
    """`CustomImage.generate_rendition_file` that makes each file once per run."""
    directory = _directory()
    kept = {}

    def generate_once(image, filter, *, source=None):
        # Its own handle: Wagtail may be holding the image's file open for the
        # other renditions of this render (`source`), and closing that one breaks them.
        with image.file.storage.open(image.file.name, "rb") as original:
            digest = hashlib.sha256(original.read()).hexdigest()
        cache_key = filter.get_cache_key(image)
        key = hashlib.sha256(f"{digest}|{filter.spec}|{cache_key}".encode()).hexdigest()
        if key not in kept:
            stored = directory / key
            with locked(directory / f"{key}.lock"):
                if not stored.exists():
                    file = generate(image, filter, source=source)
                    file.seek(0)
                    extension = os.path.splitext(file.name)[1]
                    building = stored.with_suffix(".building")
                    building.write_bytes(extension.encode() + b"\n" + file.read())
                    os.replace(building, stored)
                    file.seek(0)
                    return file
            extension, _, content = stored.read_bytes().partition(b"\n")
            kept[key] = (content, extension.decode())
        content, extension = kept[key]
        # Named as AbstractImage.generate_rendition_file names it.
        ending = (f"{cache_key}." if cache_key else "") + filter.spec.replace("|", ".")
        ending += extension
        stem = os.path.splitext(os.path.basename(image.file.name))[0]
        return ContentFile(content, name=f"{stem[: 59 - len(ending)]}.{ending}")

    return generate_once


@contextlib.contextmanager
def renditions_made_once():
    """Within the block, renditions come from the run's kept files when they can."""
    from images.models import CustomImage

    generate = CustomImage.__dict__["generate_rendition_file"]
    CustomImage.generate_rendition_file = made_once(generate)
    try:
        yield
    finally:
        CustomImage.generate_rendition_file = generate
