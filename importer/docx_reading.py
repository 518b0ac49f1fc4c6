"""Reading a Word file within limits a web worker survives.

A .docx is a zip of XML parts and media. Two things bound the work it can cause:

1. `check_package` reads only the zip's directory and refuses a file whose parts would
   unpack past the limits below, counted apart for XML (which the reader holds in memory
   many times over) and for media (pictures, copied once). Python's zipfile never
   unpacks more than a member's declared size, so a lying directory only truncates.
2. `convert` runs mammoth (importer.docx_child) in a child process that limits its own
   address space and CPU time and is killed after DOCX_PARSE_SECONDS of wall time, so the
   worst a hostile file does is end that child; the worker answers with a message.
"""

import contextlib
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

# A long article is 100-500 KB of XML; a 100-page report 2-4 MB. Mammoth holds the
# XML about 40 times over and reads 0.2-0.5 MB a second on a busy core, so a file
# near this limit may still meet the time budget below and be refused by it.
MAX_DOCX_XML_BYTES = 8 * 1024 * 1024
MAX_DOCX_MEDIA_BYTES = 60 * 1024 * 1024
MAX_DOCX_PART_BYTES = 10 * 1024 * 1024
MAX_DOCX_MEMBERS = 1_000
# Above 1 MB, a part packed more than this many times smaller is not a document.
MAX_DOCX_RATIO = 100
MEDIA_SUFFIXES = (
    ".png",
    ".jpg",
    ".jpeg",
    ".gif",
    ".bmp",
    ".tif",
    ".tiff",
    ".webp",
    ".emf",
    ".wmf",
    ".svg",
    ".bin",
    ".jfif",
    ".heic",
    ".mp4",
    ".wav",
)

DEFAULT_MEMORY_MB = 768
DEFAULT_SECONDS = 30
DEFAULT_SLOTS = 2
DEFAULT_WAIT_SECONDS = 20


class DocxRefused(ValueError):
    """A Word file not read; str(exc) is said to the person (Indonesian)."""


def budget():
    """(memory in MB, wall-clock seconds) a conversion may use."""
    return (
        int(getattr(settings, "DOCX_PARSE_MEMORY_MB", DEFAULT_MEMORY_MB)),
        int(getattr(settings, "DOCX_PARSE_SECONDS", DEFAULT_SECONDS)),
    )


def damaged():
    return DocxRefused(
        _(
            "Berkas .docx ini rusak atau tidak bisa dibaca. Buka di Word atau Google "
            "Docs, simpan ulang sebagai .docx, lalu unggah lagi."
        )
    )


def too_heavy():
    return DocxRefused(
        _(
            "Isi berkas .docx ini jauh lebih besar dari berkasnya sendiri dan tidak "
            "dibuka demi keamanan. Simpan ulang dokumennya, lalu unggah lagi."
        )
    )


def too_slow():
    return DocxRefused(
        _(
            "Berkas .docx ini terlalu berat untuk dibaca di sini (melebihi batas waktu "
            "atau memori). Pecah menjadi beberapa tulisan, atau tempel teksnya saja."
        )
    )


def busy():
    return DocxRefused(
        _("Serambi sedang membaca berkas Word lain. Tunggu sebentar, lalu unggah lagi.")
    )


def _is_media(name):
    name = name.lower()
    return "/media/" in name or "/embeddings/" in name or name.endswith(MEDIA_SUFFIXES)


def check_package(data):
    """Refuse, from the zip's directory alone, what would unpack past the limits."""
    try:
        with zipfile.ZipFile(_BytesReader(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
        raise damaged() from exc
    if len(members) > MAX_DOCX_MEMBERS:
        raise too_heavy()
    xml = media = 0
    for member in members:
        size = member.file_size
        if (
            size > 1024 * 1024
            and size > MAX_DOCX_RATIO * max(member.compress_size, 1)
            and not _is_media(member.filename)
        ):
            raise too_heavy()
        if _is_media(member.filename):
            if size > MAX_DOCX_PART_BYTES:
                raise too_heavy()
            media += size
        else:
            xml += size
    if xml > MAX_DOCX_XML_BYTES or media > MAX_DOCX_MEDIA_BYTES:
        raise too_heavy()
    names = {member.filename for member in members}
    if "word/document.xml" not in names and not any(
        name.lower().endswith(".xml") for name in names
    ):
        raise damaged()


class _BytesReader:
    """A seekable view of bytes without copying them (zipfile wants a file)."""

    def __init__(self, data):
        self._view = memoryview(data)
        self._pos = 0

    def read(self, size=-1):
        end = len(self._view) if size is None or size < 0 else self._pos + size
        chunk = self._view[self._pos : end].tobytes()
        self._pos += len(chunk)
        return chunk

    def seek(self, offset, whence=0):
        base = {0: 0, 1: self._pos, 2: len(self._view)}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self):
        return self._pos

    def seekable(self):
        return True


def convert(data):
    """(html, [(content type, bytes, alt) or None], messages) for a checked .docx."""
    with _slot(), tempfile.TemporaryDirectory(prefix="serambi-docx-") as folder:
        return _convert(data, folder)


@contextlib.contextmanager
def _slot():
    """One of DOCX_PARSE_SLOTS conversions at a time on this machine, across every
    worker process (a lock file each), so that however many uploads arrive at once,
    no more than that many budgets of memory and CPU are ever spent together."""
    slots = max(1, int(getattr(settings, "DOCX_PARSE_SLOTS", DEFAULT_SLOTS)))
    folder = Path(
        getattr(settings, "DOCX_PARSE_SLOT_DIR", "")
        or Path(tempfile.gettempdir()) / "serambi-docx-slots"
    )
    folder.mkdir(exist_ok=True)
    deadline = time.monotonic() + int(
        getattr(settings, "DOCX_PARSE_WAIT_SECONDS", DEFAULT_WAIT_SECONDS)
    )
    while True:
        for index in range(slots):
            handle = open(folder / f"{index}.lock", "a")  # noqa: SIM115
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                handle.close()
                continue
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
                handle.close()
            return
        if time.monotonic() >= deadline:
            raise busy()
        time.sleep(0.2)


def _convert(data, folder):
    memory_mb, seconds = budget()
    command = [
        sys.executable,
        "-m",
        "importer.docx_child",
        folder,
        str(memory_mb),
        str(seconds),
    ]
    try:
        finished = subprocess.run(  # noqa: S603  (our own module, fixed arguments)
            command,
            input=data,
            capture_output=True,
            timeout=seconds,
            cwd=str(Path(__file__).resolve().parent.parent),
            env=_child_environment(),
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        # subprocess.run has killed and reaped the child.
        raise too_slow() from exc
    except OSError as exc:
        # No process to be had (EAGAIN, ENOMEM): the machine is busy, not her file.
        raise busy() from exc
    try:
        answer = json.loads(finished.stdout or b"{}")
    except ValueError:
        answer = {}
    if finished.returncode != 0 or "error" in answer or "html" not in answer:
        if answer.get("error") == "damaged":
            raise damaged()
        # Killed (memory, CPU) or a MemoryError: the file asked for too much.
        raise too_slow()
    images = []
    for entry in answer.get("images", []):
        if not entry:
            images.append(None)
            continue
        path = Path(folder) / Path(entry["file"]).name
        images.append(
            (
                entry.get("content_type", ""),
                path.read_bytes(),
                entry.get("alt", ""),
            )
        )
    return answer["html"], images, answer.get("messages", [])


def _child_environment():
    # Only what Python needs to start: no secrets of the web process.
    keep = ("PATH", "LANG", "LC_ALL", "PYTHONPATH", "VIRTUAL_ENV", "HOME", "TMPDIR")
    env = {key: os.environ[key] for key in keep if key in os.environ}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env
