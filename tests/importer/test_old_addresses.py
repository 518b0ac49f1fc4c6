"""Every old address of an imported post keeps working: a permanent redirect to its
new place while that place is live, and none to a page that is not."""

import io

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect

import pytest

from blog.models import ArticlePage
from tests.importer.exports import (
    blogger,
    blogger_entry,
    wxr,
    wxr_item,
)

pytestmark = pytest.mark.django_db

TEXT = "<p>Anak saya mulai bertanya kenapa ayahnya tidak pulang.</p>"


def run(*args):
    call_command(
        "import_articles", *map(str, args), stdout=io.StringIO(), stderr=io.StringIO()
    )


@pytest.fixture
def imported(tmp_path, superuser):
    path = tmp_path / "ekspor.xml"
    path.write_text(
        wxr(
            wxr_item(
                12,
                "Pertanyaan Anak",
                TEXT,
                slug="pertanyaan-anak",
                date="2021-07-09 10:00:00",
                categories=[("Pengasuhan", "pengasuhan"), ("Keluarga", "keluarga")],
                tags=[("Ayah", "ayah")],
            ),
            wxr_item(13, "Masih Draf", TEXT, slug="masih-draf", status="draft"),
        ),
        encoding="utf-8",
    )
    run(path, "--publish")
    return ArticlePage.objects.get(slug="pertanyaan-anak")


@pytest.mark.parametrize(
    "old",
    [
        "/?p=12",
        "/2021/07/09/pertanyaan-anak/",
        "/2021/07/pertanyaan-anak/",
        "/archives/12/",
        # The same slug as the new one, one level up: WordPress's "post name"
        # permalinks. Skipped before as "its own address" (its url_path ends the
        # same), so a reader got a 404.
        "/pertanyaan-anak/",
        "/pertanyaan-anak",
    ],
)
def test_old_post_addresses_redirect_permanently(imported, client, old):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == imported.url == "/artikel/pertanyaan-anak/"


def test_an_old_address_with_a_query_string_still_redirects(imported, client):
    response = client.get("/2021/07/09/pertanyaan-anak/?utm_source=wa")
    assert response.status_code == 301
    assert response["Location"] == imported.url


def test_a_query_address_of_another_post_is_the_home_page(imported, client):
    assert client.get("/?p=9999").status_code == 200


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/category/pengasuhan/", "/artikel/kategori/pengasuhan/"),
        ("/category/pengasuhan/feed/", "/artikel/kategori/pengasuhan/feed/"),
        # Its second category became a tag.
        ("/category/keluarga/", "/artikel/tag/keluarga/"),
        ("/tag/ayah/", "/artikel/tag/ayah/"),
        ("/tag/ayah/feed/", "/artikel/tag/ayah/feed/"),
        ("/feed/", "/artikel/feed/"),
    ],
)
def test_old_category_tag_and_feed_addresses_redirect(imported, client, old, new):
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert client.get(new).status_code == 200


def test_no_redirect_leads_to_a_draft(imported, client):
    draft = ArticlePage.objects.get(slug="masih-draf")
    assert not Redirect.objects.filter(redirect_page=draft).exists()
    assert client.get("/?p=13").status_code == 200  # the home page, nothing else
    response = client.get("/masih-draf/")
    assert response.status_code == 404
    assert "masih-draf" not in response.get("Location", "")


def test_unpublishing_takes_its_redirects_away_and_publishing_brings_them_back(
    imported, client, superuser
):
    imported.unpublish(user=superuser)
    assert client.get("/?p=12").status_code == 200
    assert client.get("/2021/07/09/pertanyaan-anak/").status_code == 404

    imported.get_latest_revision().publish(user=superuser)
    response = client.get("/2021/07/09/pertanyaan-anak/")
    assert response.status_code == 301
    assert response["Location"] == imported.url


def test_an_editor_publishing_an_imported_draft_makes_its_redirects(
    imported, client, superuser
):
    draft = ArticlePage.objects.get(slug="masih-draf")
    draft.get_latest_revision().publish(user=superuser)

    response = client.get("/?p=13")
    assert response.status_code == 301
    assert response["Location"] == "/artikel/masih-draf/"


def test_blogger_addresses_and_labels_redirect(tmp_path, superuser, client):
    path = tmp_path / "blogger.xml"
    path.write_text(
        blogger(
            blogger_entry(
                501,
                "Bangkit Lagi",
                "<p>Pelan-pelan saya bangkit.</p>",
                labels=["Cerita", "Harapan"],
            )
        ),
        encoding="utf-8",
    )
    run(path, "--publish")
    article = ArticlePage.objects.get()

    for old in ("/2022/11/501-judul.html", "/2022/11/501-judul.html?m=1"):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == article.url
    for old, new in (
        ("/search/label/Cerita", "/artikel/kategori/cerita/"),
        ("/search/label/Harapan", "/artikel/tag/harapan/"),
        ("/feeds/posts/default", "/artikel/feed/"),
    ):
        response = client.get(old)
        assert response.status_code == 301
        assert response["Location"] == new


def test_a_redirect_made_by_hand_for_a_page_id_is_followed(imported, client):
    # Pages are not imported; an editor who makes the page again can point the old
    # /?page_id= address at it, and the query is matched like /?p=.
    Redirect.objects.create(old_path="/?page_id=7", redirect_page=imported)
    response = client.get("/?page_id=7")
    assert response.status_code == 301
    assert response["Location"] == imported.url
