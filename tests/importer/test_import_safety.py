"""What an import must never do: collide with the worker, leak through a link out
of its folder, leave a file behind, lead a byline to a 404, promise in a dry run
what the real run does not do, or call a post changed when nothing changed."""

import io
import os

from django.core.management import CommandError, call_command
from django.db import IntegrityError

from wagtail.images import get_image_model
from wagtail.search.models import IndexEntry

import pytest
from django_tasks.backends.immediate import ImmediateBackend
from modelsearch.backends import get_search_backends_with_name

import importer.saving
from blog.models import ArticlePage
from contributors.models import ContributorPage
from importer.models import ImportedImage
from tests.importer.exports import (
    BLOGGER_HEAD_UNDECLARED,
    SITE,
    blogger,
    blogger_entry,
    blogger_settings_entry,
    png_bytes,
    wxr,
    wxr_attachment,
    wxr_item,
    wxr_menu_item,
)

pytestmark = pytest.mark.django_db

TEXT = "<p>Malam itu saya menulis surat untuk diri sendiri.</p>"
WITH_WRITER = (
    "<p>Malam itu saya menulis surat untuk diri sendiri.</p><p>Ilustrator: Dita</p>"
)


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def summary(*args):
    """The command's last line, whether it failed or not."""
    try:
        out, _err = run(*args)
    except CommandError as exc:
        return str(exc)
    return out.strip().splitlines()[-1]


def figures(line):
    return line.split(": ", 1)[1]


# --- Blogger as Blogger writes it


def test_a_blogger_export_without_its_namespace_declaration_is_read(
    tmp_path, superuser
):
    path = tmp_path / "blog-export.xml"
    path.write_text(
        blogger(
            blogger_settings_entry(),
            blogger_entry(
                601, "Draf di Blogger", "Tulis di sini", draft=True, link=False
            ),
            blogger_entry(602, "Surat untuk Diri Sendiri", TEXT),
            blogger_entry(603, "Halaman Tentang", TEXT, kind="page"),
            blogger_entry(604, "Komentar pembaca", "Terima kasih!", kind="comment"),
            head=BLOGGER_HEAD_UNDECLARED,
        ),
        encoding="utf-8",
    )
    out, _err = run(path, "--publish")

    assert (
        "Selesai: 2 dibuat, 0 diperbarui, 0 tidak berubah, 3 dilewati, 0 gagal." in out
    )
    assert "1 komentar, 1 halaman, 1 pengaturan" in out
    assert ArticlePage.objects.get(title="Draf di Blogger").live is False
    assert ArticlePage.objects.get(title="Surat untuk Diri Sendiri").live is True


# --- Bylines


def test_an_imported_writer_s_byline_leads_to_her_published_profile(
    tmp_path, superuser, client
):
    path = tmp_path / "ekspor.xml"
    path.write_text(wxr(wxr_item(610, "Surat Malam", WITH_WRITER)), encoding="utf-8")
    run(path, "--publish")

    article = ArticlePage.objects.get()
    rina = ContributorPage.objects.get(title="Rina Marlina")
    dita = ContributorPage.objects.get(title="Dita")
    html = client.get(article.url).content.decode()
    assert f'href="{rina.url}"' in html
    assert client.get(rina.url).status_code == 200
    assert client.get(dita.url).status_code == 200
    # Only the name the post showed: no account, no other name.
    assert rina.user is None and rina.pen_name == ""


def test_a_draft_import_publishes_no_profile_until_the_article_is_published(
    tmp_path, superuser, client
):
    path = tmp_path / "ekspor.xml"
    path.write_text(wxr(wxr_item(611, "Surat Malam", TEXT)), encoding="utf-8")
    run(path)
    rina = ContributorPage.objects.get(title="Rina Marlina")
    assert rina.live is False

    article = ArticlePage.objects.get()
    article.get_latest_revision().publish(user=superuser)

    rina.refresh_from_db()
    assert rina.live is True
    assert client.get(rina.url).status_code == 200


def test_an_existing_profile_an_editor_unpublished_stays_unpublished(
    tmp_path, superuser
):
    path = tmp_path / "ekspor.xml"
    path.write_text(wxr(wxr_item(612, "Surat Malam", TEXT)), encoding="utf-8")
    run(path, "--publish")
    rina = ContributorPage.objects.get(title="Rina Marlina")
    rina.unpublish(user=superuser)

    path.write_text(wxr(wxr_item(613, "Surat Pagi", TEXT)), encoding="utf-8")
    run(path, "--publish")

    rina.refresh_from_db()
    assert rina.live is False


# --- Indexing beside the worker


class RecordingBackend(ImmediateBackend):
    """Runs tasks at once, noting for each search-index task whether the run had
    already put the object in the index when the task was handed over."""

    seen = []

    def enqueue(self, task, args, kwargs):
        if task.module_path.endswith("insert_or_update_object_task"):
            _app, model, pk = args
            indexed = IndexEntry.objects.filter(object_id=str(pk)).exists()
            RecordingBackend.seen.append((model, indexed))
        return super().enqueue(task, args, kwargs)


def test_no_index_task_reaches_the_worker_before_the_run_indexed_it(
    tmp_path, superuser, settings, django_capture_on_commit_callbacks
):
    # The site asks the worker to index an article again when it is published; a
    # worker doing that during the import raced the import's own batch indexing
    # (the same row inserted twice: a unique violation, a traceback).
    settings.TASKS = {"default": {"BACKEND": f"{__name__}.RecordingBackend"}}
    RecordingBackend.seen = []
    path = tmp_path / "ekspor.xml"
    path.write_text(
        wxr(wxr_item(620, "Satu", TEXT), wxr_item(621, "Dua", WITH_WRITER)),
        encoding="utf-8",
    )
    with django_capture_on_commit_callbacks(execute=True):
        run(path, "--publish")

    assert ArticlePage.objects.live().count() == 2
    assert all(indexed for _model, indexed in RecordingBackend.seen), (
        RecordingBackend.seen
    )
    assert list(ArticlePage.objects.search("Dua")) == [
        ArticlePage.objects.get(title="Dua")
    ]


def test_a_row_indexed_meanwhile_by_another_process_is_updated_not_a_crash(
    tmp_path, superuser, monkeypatch
):
    _name, backend = next(iter(get_search_backends_with_name(with_auto_update=True)))
    real_add_bulk = type(backend).add_bulk
    calls = []

    def collides_once(self, model, objects):
        calls.append(model)
        if len(calls) == 1:
            raise IntegrityError("UNIQUE constraint failed: wagtailsearch_indexentry")
        return real_add_bulk(self, model, objects)

    monkeypatch.setattr(type(backend), "add_bulk", collides_once)
    path = tmp_path / "ekspor.xml"
    path.write_text(wxr(wxr_item(622, "Tiga", TEXT)), encoding="utf-8")
    out, _err = run(path, "--publish")

    assert "1 dibuat" in out
    assert list(ArticlePage.objects.search("Tiga")) == [ArticlePage.objects.get()]


# --- The dry run predicts the real run


def test_the_dry_run_predicts_exactly_what_the_real_run_does(tmp_path, superuser):
    path = tmp_path / "ekspor.xml"
    items = [
        wxr_item(630, "Pertama", TEXT),
        wxr_item(631, "Kedua", TEXT, guid=f"{SITE}/?p=630"),
        wxr_item(632, "Kosong", "<p> </p>"),
        wxr_item(632, "Kembar", TEXT),
        wxr_item(633, "Halaman", TEXT, post_type="page"),
        wxr_menu_item(634),
        wxr_attachment(635, f"{SITE}/wp-content/uploads/x.jpg"),
    ]
    path.write_text(wxr(*items), encoding="utf-8")

    predicted = summary(path, "--dry-run", "--publish")
    assert ArticlePage.objects.count() == 0
    done = summary(path, "--publish")
    assert figures(done) == (
        "3 dibuat, 0 diperbarui, 0 tidak berubah, 3 dilewati, 1 gagal."
    )
    assert figures(predicted) == (
        "3 baru, 0 diperbarui, 0 tidak berubah, 3 dilewati, 1 gagal."
    )

    # Again, nothing changed; then one post changed in its source.
    assert figures(summary(path, "--dry-run", "--publish")) == (
        "0 baru, 0 diperbarui, 3 tidak berubah, 3 dilewati, 1 gagal."
    )
    items[1] = wxr_item(631, "Kedua, Diperbaiki", TEXT, guid=f"{SITE}/?p=630")
    path.write_text(wxr(*items), encoding="utf-8")
    assert figures(summary(path, "--dry-run", "--publish")) == (
        "0 baru, 1 diperbarui, 2 tidak berubah, 3 dilewati, 1 gagal."
    )
    assert figures(summary(path, "--publish")) == (
        "0 dibuat, 1 diperbarui, 2 tidak berubah, 3 dilewati, 1 gagal."
    )
    assert ArticlePage.objects.filter(title="Kedua, Diperbaiki").count() == 1


def test_publishing_what_was_imported_as_drafts_is_an_update(tmp_path, superuser):
    path = tmp_path / "ekspor.xml"
    path.write_text(wxr(wxr_item(640, "Pertama", TEXT)), encoding="utf-8")
    run(path)
    assert figures(summary(path, "--publish", "--dry-run")).startswith(
        "0 baru, 1 diperbarui"
    )
    assert figures(summary(path, "--publish")).startswith("0 dibuat, 1 diperbarui")
    assert ArticlePage.objects.get().live is True


# --- Files: never from outside the folder, never left behind


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def files_in(folder):
    return sorted(
        os.path.relpath(os.path.join(root, name), folder)
        for root, _dirs, names in os.walk(folder)
        for name in names
    )


@pytest.fixture
def outside_file(tmp_path):
    """An image outside the export folder (a key, a private photo, …)."""
    outside = tmp_path / "di-luar"
    outside.mkdir()
    (outside / "kunci.png").write_bytes(png_bytes((1, 2, 3)))
    return outside / "kunci.png"


def test_an_image_linked_out_of_the_export_folder_is_refused(
    tmp_path, superuser, media, outside_file
):
    folder = tmp_path / "ekspor"
    uploads = folder / "wp-content" / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True)
    (uploads / "dapur.png").symlink_to(outside_file)
    path = folder / "ekspor.xml"
    path.write_text(
        wxr(
            wxr_item(
                650,
                "Dapur",
                f'{TEXT}<img src="{SITE}/wp-content/uploads/2023/05/dapur.png">',
            )
        ),
        encoding="utf-8",
    )
    _out, err = run(path, "--publish")

    assert "Berkas dapur.png menunjuk ke luar folder ekspor" in err
    assert get_image_model().objects.count() == 0
    assert not any(b.block_type == "image" for b in ArticlePage.objects.get().body)


def test_a_featured_image_linked_out_of_the_folder_is_refused(
    tmp_path, superuser, media, outside_file
):
    folder = tmp_path / "ekspor"
    folder.mkdir()
    (folder / "sampul.png").symlink_to(outside_file)
    path = folder / "ekspor.xml"
    path.write_text(
        wxr(
            wxr_item(651, "Sampul", TEXT, meta=[("_thumbnail_id", "652")]),
            wxr_attachment(652, f"{SITE}/wp-content/uploads/sampul.png"),
        ),
        encoding="utf-8",
    )
    _out, err = run(path)

    assert "Berkas sampul.png menunjuk ke luar folder ekspor" in err
    assert ArticlePage.objects.get().hero_image is None


def test_a_markdown_file_linked_out_of_the_folder_is_refused(tmp_path, superuser):
    outside = tmp_path / "rahasia.md"
    outside.write_text("---\ntitle: Rahasia\n---\nJangan diterbitkan.\n")
    folder = tmp_path / "tulisan"
    folder.mkdir()
    (folder / "baik.md").write_text("---\ntitle: Baik\n---\nBoleh.\n")
    (folder / "tautan.md").symlink_to(outside)
    out, err = run(folder, "--publish")

    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Baik"]
    assert "tautan.md menunjuk ke luar folder yang diimpor" in err
    assert "1 tautan simbolik" in out


@pytest.fixture
def with_image(tmp_path):
    (tmp_path / "dapur.png").write_bytes(png_bytes())
    path = tmp_path / "ekspor.xml"
    path.write_text(
        wxr(wxr_item(660, "Dapur", f'{TEXT}<img src="{SITE}/dapur.png">')),
        encoding="utf-8",
    )
    return path


def test_an_image_whose_record_fails_leaves_no_file(
    with_image, superuser, media, monkeypatch
):
    def full_disk(**kwargs):
        raise OSError("disk penuh")

    monkeypatch.setattr(ImportedImage.objects, "create", full_disk)
    with pytest.raises(CommandError, match="1 gagal"):
        run(with_image)

    assert ArticlePage.objects.count() == 0
    assert files_in(media) == []


def test_an_article_failing_after_its_image_was_written_leaves_no_file(
    with_image, superuser, media, monkeypatch
):

    def broken(parsed, category):
        raise RuntimeError("gagal di tengah")

    monkeypatch.setattr(importer.saving, "_tag_names", broken)
    with pytest.raises(CommandError, match="1 gagal"):
        run(with_image)

    assert get_image_model().objects.count() == 0
    assert files_in(media) == []
