"""An upload is stored whole or not at all: a disk that fills up half-way through a
write leaves no truncated file behind (images.storage)."""

import errno
import io

from django.core.files.base import ContentFile, File
from django.core.files.uploadedfile import TemporaryUploadedFile

import pytest

from images.storage import WholeFileSystemStorage


class FillsTheDisk(File):
    """A file whose second chunk meets a full disk, as a real ENOSPC write does."""

    def chunks(self, chunk_size=None):
        yield b"\x89PNG" + b"0" * 64 * 1024
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture
def storage(tmp_path):
    return WholeFileSystemStorage(location=tmp_path)


def files_in(path):
    return sorted(p.name for p in path.rglob("*") if p.is_file())


def test_a_write_that_meets_a_full_disk_leaves_no_file(storage, tmp_path):
    with pytest.raises(OSError) as failure:
        storage.save("original_images/ilustrasi.png", FillsTheDisk(io.BytesIO()))

    assert failure.value.errno == errno.ENOSPC
    assert files_in(tmp_path) == []
    assert not storage.exists("original_images/ilustrasi.png")


def test_a_whole_file_is_stored_under_its_name(storage, tmp_path):
    name = storage.save("original_images/ilustrasi.png", ContentFile(b"gambar utuh"))

    assert name == "original_images/ilustrasi.png"
    assert files_in(tmp_path) == ["ilustrasi.png"]
    with storage.open(name) as stored:
        assert stored.read() == b"gambar utuh"


def test_a_second_file_of_the_same_name_gets_its_own(storage):
    first = storage.save("foto.jpg", ContentFile(b"pertama"))
    second = storage.save("foto.jpg", ContentFile(b"kedua"))

    assert first != second
    assert storage.open(first).read() == b"pertama"
    assert storage.open(second).read() == b"kedua"


def test_a_large_upload_kept_on_disk_is_stored_whole(storage, tmp_path):
    upload = TemporaryUploadedFile("besar.jpg", "image/jpeg", 0, None)
    upload.write(b"x" * (3 * 1024 * 1024))
    upload.seek(0)

    name = storage.save("original_images/besar.jpg", upload)

    assert storage.size(name) == 3 * 1024 * 1024
    assert [n for n in files_in(tmp_path) if n.startswith(".partial-")] == []
