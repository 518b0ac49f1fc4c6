"""One import run: indexes updated once at its end, lookups shared between articles."""

import io

from django.core.management import call_command

from wagtail.models import ReferenceIndex

import pytest

import importer.saving
from blog.models import ArticleCredit, ArticlePage
from contributors.models import ContributorPage
from importer.saving import ImportRun, save_article
from importer.sources import iter_posts
from tests.importer.exports import png_bytes, wxr, wxr_item

pytestmark = pytest.mark.django_db

POST = """Rempeyek buatan anak saya laku di warung dekat sekolah.

<img src="https://blog-lama.example/wp-content/uploads/2023/05/warung.png" alt="Warung">

Sekar Wulandari
Sekar adalah ibu tunggal yang berjualan kue dari rumahnya di Solo."""

SECOND = """Catatan belanja mingguan membuat kami lebih tenang.

Sekar Wulandari
Sekar adalah ibu tunggal yang berjualan kue dari rumahnya di Solo."""


@pytest.fixture
def export(tmp_path):
    uploads = tmp_path / "wp-content" / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True)
    (uploads / "warung.png").write_bytes(png_bytes())
    path = tmp_path / "ekspor.xml"
    path.write_text(
        wxr(
            wxr_item(301, "Rempeyek dari Dapur", POST, categories=["Usaha"]),
            wxr_item(302, "Belanja Mingguan", SECOND, categories=["Usaha"]),
        ),
        encoding="utf-8",
    )
    return path


def import_(path, capture):
    with capture(execute=True):
        call_command(
            "import_articles", str(path), stdout=io.StringIO(), stderr=io.StringIO()
        )


def test_imported_pages_are_searchable_and_referenced_after_the_run(
    export, superuser, django_capture_on_commit_callbacks
):
    import_(export, django_capture_on_commit_callbacks)

    article = ArticlePage.objects.get(title="Rempeyek dari Dapur")
    assert list(ArticlePage.objects.search("rempeyek")) == [article]
    assert list(ContributorPage.objects.search("Wulandari")) == [
        ContributorPage.objects.get(title="Sekar Wulandari")
    ]
    image = next(b for b in article.body if b.block_type == "image").value["image"]
    assert (
        ReferenceIndex.get_references_to(image)
        .filter(object_id=str(article.pk))
        .exists()
    )


def test_saving_updates_the_search_index_again_after_the_run(
    export, superuser, django_capture_on_commit_callbacks
):
    import_(export, django_capture_on_commit_callbacks)

    article = ArticlePage.objects.get(title="Belanja Mingguan")
    article.title = "Belanja Mingguan dan Dana Darurat"
    with django_capture_on_commit_callbacks(execute=True):
        article.save()
    assert list(ArticlePage.objects.search("darurat")) == [article]


def test_a_failed_article_leaves_nothing_remembered_for_the_next(
    export, superuser, monkeypatch
):
    first, second = (post.parse() for post in iter_posts(str(export)))
    save_redirects = importer.saving._save_redirects
    calls = []

    def fail_once(parsed, page, imported):
        calls.append(parsed.title)
        if len(calls) == 1:
            raise RuntimeError("disk penuh")
        save_redirects(parsed, page, imported)

    monkeypatch.setattr(importer.saving, "_save_redirects", fail_once)
    run = ImportRun()
    with pytest.raises(RuntimeError):
        save_article(first, owner=superuser, run=run)
    assert not ContributorPage.objects.filter(title="Sekar Wulandari").exists()

    saved = save_article(second, owner=superuser, run=run)

    sekar = ContributorPage.objects.get(title="Sekar Wulandari")
    assert saved.new_contributors == [sekar]
    assert saved.page.category.name == "Usaha"
    assert [(c.role, c.contributor_id) for c in saved.page.credits.all()] == [
        (ArticleCredit.Role.WRITER, sekar.pk)
    ]
