"""Issue 19: a Word file is bounded by what it unpacks to, and read within a budget.

The attack: a 3 MB .docx whose document.xml unpacks to 82 MB held a web worker for
over 120 s and grew it to 2.1 GB. Every bomb here is built by the test.
"""

import fcntl
import io
import os
import struct
import threading
import time
import zipfile
from pathlib import Path

from django.core.management import CommandError, call_command

import pytest

from blog.models import ArticlePage
from importer.parsing import UnreadableText, parse_upload
from tests.importer.test_submit_text_view import contributor, upload
from tests.importer.word_files import WordFile, entity_bomb, xml_bomb, zipped

pytestmark = pytest.mark.django_db

TOO_BIG = "jauh lebih besar dari berkasnya"
TOO_HEAVY = "terlalu berat untuk dibaca"


@pytest.fixture(scope="module")
def attack_file():
    return xml_bomb(82_000_000)


@pytest.fixture(scope="module")
def heavy_file():
    """Within every limit of the package (3 MB of XML), too much for a small budget."""
    return xml_bomb(3_000_000)


@pytest.fixture
def as_alya(client, contributor_index, blog_index):
    client.force_login(contributor(contributor_index, "alya", "Alya Rahma"))
    return client


@pytest.fixture(autouse=True)
def own_slots(settings, tmp_path):
    settings.DOCX_PARSE_SLOT_DIR = str(tmp_path / "slots")


def ordinary_file():
    word_file = WordFile()
    word_file.title("Menabung Sedikit demi Sedikit")
    word_file.paragraph("Setiap minggu saya menyisihkan uang receh di toples.")
    return word_file.data()


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0


def conversions_running():
    """Our own children still reading a Word file."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        if ppid == os.getpid() and b"importer.docx_child" in cmdline:
            found.append(entry.name)
    return found


def test_the_attack_file_is_refused_from_its_directory_at_once(as_alya, attack_file):
    assert len(attack_file) < 5 * 1024 * 1024  # under the upload limit
    before = rss_mb()
    start = time.monotonic()

    response = upload(as_alya, "bom.docx", attack_file)

    assert response.status_code == 400
    assert TOO_BIG in response.content.decode()
    assert ArticlePage.objects.count() == 0
    # Refused from the zip's directory: nothing was unpacked (it took 120 s and
    # 2.1 GB when it was).
    assert time.monotonic() - start < 10
    assert rss_mb() - before < 100


def test_the_attack_file_fails_its_import_with_a_reason(
    tmp_path, superuser, attack_file
):
    path = tmp_path / "bom.docx"
    path.write_bytes(attack_file)
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="1 gagal"):
        call_command("import_articles", str(path), stdout=out, stderr=err)

    assert "bom.docx" in err.getvalue()
    assert TOO_BIG in err.getvalue()
    assert "Traceback" not in out.getvalue() + err.getvalue()
    assert ArticlePage.objects.count() == 0


def test_a_file_within_the_limits_that_asks_too_much_memory_is_stopped(
    settings, heavy_file
):
    settings.DOCX_PARSE_MEMORY_MB = 120
    # The budget reads an ordinary file…
    assert parse_upload("biasa.docx", ordinary_file()).title == (
        "Menabung Sedikit demi Sedikit"
    )
    before = rss_mb()

    # …and stops the heavy one, in its own process.
    with pytest.raises(UnreadableText, match=TOO_HEAVY):
        parse_upload("berat.docx", heavy_file)
    assert rss_mb() - before < 60
    assert conversions_running() == []


def test_a_file_that_takes_too_long_is_killed(settings, heavy_file):
    settings.DOCX_PARSE_SECONDS = 1
    start = time.monotonic()

    with pytest.raises(UnreadableText, match=TOO_HEAVY):
        parse_upload("lama.docx", heavy_file)

    assert time.monotonic() - start < 8
    assert conversions_running() == []


def test_a_heavy_upload_is_a_400_with_a_message_not_a_500(
    as_alya, settings, heavy_file
):
    settings.DOCX_PARSE_SECONDS = 1

    response = upload(as_alya, "berat.docx", heavy_file)

    assert response.status_code == 400
    assert TOO_HEAVY in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_entities_that_expand_to_gigabytes_are_not_expanded():
    start = time.monotonic()

    with pytest.raises(UnreadableText, match="rusak|terlalu berat"):
        parse_upload("tawa.docx", entity_bomb())

    assert time.monotonic() - start < 20
    assert conversions_running() == []


def test_a_picture_part_that_unpacks_past_its_limit_is_refused():
    word_file = WordFile()
    word_file.title("Judul")
    word_file.paragraph(word_file.picture(b"\x00" * (11 * 1024 * 1024), "gambar"))

    with pytest.raises(UnreadableText, match=TOO_BIG):
        parse_upload("gambar.docx", word_file.data())


def test_pictures_that_add_up_past_the_media_limit_are_refused():
    word_file = WordFile()
    word_file.title("Judul")
    for n in range(7):
        name = f"image{n}.png"
        word_file.paragraph(word_file.picture(b"\x00" * (9 * 1024 * 1024), "g", name))

    data = word_file.data()
    assert len(data) < 5 * 1024 * 1024
    with pytest.raises(UnreadableText, match=TOO_BIG):
        parse_upload("album.docx", data)


def test_a_file_of_thousands_of_parts_is_refused():
    parts = WordFile().parts()
    parts.update({f"customXml/item{n}.xml": "<a/>" for n in range(1_200)})

    with pytest.raises(UnreadableText, match=TOO_BIG):
        parse_upload("bagian.docx", zipped(parts))


def lying_directory(data, member, size):
    """`data` with `member`'s unpacked size written as `size` in both its headers."""
    data = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo(member)
    struct.pack_into("<I", data, info.header_offset + 22, size)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46 : central + 46 + name_length] == member.encode():
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    return bytes(data)


def test_a_directory_that_lies_about_sizes_unpacks_no_more_than_it_says():
    # The directory says 2 KB; the stream holds 11 MB. The reader stops at 2 KB and
    # the file is damaged, not unpacked.
    word_file = WordFile()
    body = "".join(
        f"<w:p><w:r><w:t>baris {n}</w:t></w:r></w:p>" for n in range(250_000)
    )
    data = word_file.data(document=word_file.document_xml(body))
    lying = lying_directory(data, "word/document.xml", 2048)

    with zipfile.ZipFile(io.BytesIO(lying)) as archive:
        assert archive.getinfo("word/document.xml").file_size == 2048
    with pytest.raises(UnreadableText, match="rusak"):
        parse_upload("bohong.docx", lying)
    assert conversions_running() == []


def test_when_every_reading_slot_is_taken_she_is_asked_to_wait(settings, tmp_path):
    settings.DOCX_PARSE_SLOTS = 1
    settings.DOCX_PARSE_WAIT_SECONDS = 0
    folder = Path(settings.DOCX_PARSE_SLOT_DIR)
    folder.mkdir()
    with open(folder / "0.lock", "a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        with pytest.raises(UnreadableText, match="sedang membaca berkas Word lain"):
            parse_upload("biasa.docx", ordinary_file())
        fcntl.flock(held, fcntl.LOCK_UN)

    assert parse_upload("biasa.docx", ordinary_file()).title == (
        "Menabung Sedikit demi Sedikit"
    )


def test_three_hostile_uploads_at_once_leave_the_process_serving(settings, heavy_file):
    settings.DOCX_PARSE_MEMORY_MB = 120
    settings.DOCX_PARSE_SECONDS = 10
    before = rss_mb()
    answers = []

    def attack():
        try:
            parse_upload("berat.docx", heavy_file)
            answers.append("read")
        except UnreadableText as exc:
            answers.append(str(exc))

    threads = [threading.Thread(target=attack) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert len(answers) == 3
    assert all(TOO_HEAVY in answer for answer in answers)
    assert rss_mb() - before < 100
    assert conversions_running() == []
    # And the next writer's ordinary file is read as usual.
    assert parse_upload("biasa.docx", ordinary_file()).title == (
        "Menabung Sedikit demi Sedikit"
    )


def test_when_no_reading_process_can_be_started_she_is_asked_to_wait(monkeypatch):
    import subprocess

    def no_process(*args, **kwargs):
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(subprocess, "run", no_process)

    with pytest.raises(UnreadableText, match="sedang membaca berkas Word lain"):
        parse_upload("biasa.docx", ordinary_file())
