"""/artikel/ and its category and tag listings, as a reader sees them."""

from wagtail.models import PageViewRestriction

import pytest

from blog.models import ARTICLES_PER_PAGE
from demo.factories import ArticlePageFactory
from tests.site_builder import article, category, contributor, pen_name_writer

pytestmark = pytest.mark.django_db


def titles(response):
    return [a.title for a in response.context["articles"]]


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari")


def test_index_lists_newest_first_twelve_a_page(client, blog_index, writer):
    for day in range(ARTICLES_PER_PAGE + 2):
        article(blog_index, writers=[writer], days=day, title=f"Hari ke-{day}")

    first = client.get("/artikel/")
    second = client.get("/artikel/?page=2")

    assert first.status_code == 200
    assert titles(first) == [f"Hari ke-{d}" for d in range(13, 1, -1)]
    assert titles(second) == ["Hari ke-1", "Hari ke-0"]
    assert "Hari ke-13" in first.content.decode()


def test_cards_carry_their_writers(client, blog_index, contributor_index):
    ayu = contributor(contributor_index, "Ayu Lestari")
    hidden = pen_name_writer(contributor_index)
    illustrator = contributor(contributor_index, "Dewi Anggraini")
    article(blog_index, writers=[ayu, hidden], illustrators=[illustrator])

    response = client.get("/artikel/")

    (card,) = response.context["articles"]
    assert card.writers_for_listing == [ayu, hidden]
    html = response.content.decode()
    assert "Bunga Senja" in html
    assert "Siti Rahmawati" not in html


def test_listing_leaves_out_drafts_unpublished_and_private_articles(
    client, blog_index, writer
):
    article(blog_index, writers=[writer], title="Terbit untuk umum")
    ArticlePageFactory(parent=blog_index, title="Masih draf", live=False)
    unpublished = article(blog_index, writers=[writer], title="Ditarik kembali")
    unpublished.unpublish()
    private = article(blog_index, writers=[writer], title="Khusus anggota")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    html = client.get("/artikel/").content.decode()

    assert "Terbit untuk umum" in html
    for hidden in ("Masih draf", "Ditarik kembali", "Khusus anggota"):
        assert hidden not in html


def test_category_listing_shows_only_that_category(client, blog_index, writer):
    keluarga = category("Keluarga")
    kerja = category("Pekerjaan")
    article(blog_index, writers=[writer], category=keluarga, title="Makan malam")
    article(blog_index, writers=[writer], category=kerja, title="Wawancara kerja")

    response = client.get("/artikel/kategori/keluarga/")

    assert response.status_code == 200
    assert response.context["category"] == keluarga
    assert titles(response) == ["Makan malam"]
    assert response.context["feed_url"] == "/artikel/kategori/keluarga/feed/"


def test_categories_offered_are_those_with_a_live_article(client, blog_index, writer):
    keluarga = category("Keluarga")
    category("Kosong")
    draft_only = category("Hanya draf")
    article(blog_index, writers=[writer], category=keluarga)
    ArticlePageFactory(parent=blog_index, live=False, category=draft_only)

    response = client.get("/artikel/")

    assert list(response.context["categories"]) == [keluarga]
    assert response.context["feed_url"] == "/artikel/feed/"


def test_tag_listing(client, blog_index, writer):
    article(blog_index, writers=[writer], tags=["anggaran"], title="Mencatat belanja")
    article(blog_index, writers=[writer], tags=["sekolah"], title="Hari pertama")

    response = client.get("/artikel/tag/anggaran/")

    assert response.status_code == 200
    assert response.context["tag"].name == "anggaran"
    assert titles(response) == ["Mencatat belanja"]
    assert "#anggaran" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/artikel/kategori/tidak-ada/",
        "/artikel/tag/tidak-ada/",
        "/artikel/kategori/tidak-ada/feed/",
        "/artikel/tag/tidak-ada/feed/",
        "/artikel/tidak-ada/",
    ],
)
def test_unknown_slugs_are_404(client, blog_index, url):
    assert client.get(url).status_code == 404


def test_an_article_is_still_served_beside_the_routes(client, blog_index, writer):
    page = article(blog_index, writers=[writer], slug="kategori-baru")

    response = client.get("/artikel/kategori-baru/")

    assert response.status_code == 200
    assert response.context["page"] == page


def test_sitemap_lists_live_pages_and_category_listings(client, blog_index, writer):
    keluarga = category("Keluarga")
    live = article(blog_index, writers=[writer], category=keluarga)
    draft = ArticlePageFactory(parent=blog_index, live=False, slug="draf-rahasia")
    private = article(blog_index, writers=[writer], slug="khusus-anggota")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    xml = client.get("/sitemap.xml").content.decode()

    # The default site's host name is the one the sitemap names.
    assert f"{live.url}</loc>" in xml
    assert "/artikel/kategori/keluarga/</loc>" in xml
    assert draft.slug not in xml
    assert "khusus-anggota" not in xml


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_a_listing_shown_before_follows_new_articles_and_restrictions(
    client, blog_index, writer
):
    # The listing's SQL is compiled once and reused (BlogIndexPage.paginate): its
    # rows still come afresh, and a new restriction is a new query.
    # `days` after the first: a higher one is newer.
    article(blog_index, writers=[writer], days=0, title="Pertama")
    shared = article(blog_index, writers=[writer], days=1, title="Kedua")
    assert titles(client.get("/artikel/")) == ["Kedua", "Pertama"]

    article(blog_index, writers=[writer], days=2, title="Ketiga")
    assert titles(client.get("/artikel/")) == ["Ketiga", "Kedua", "Pertama"]

    PageViewRestriction.objects.create(
        page=shared, restriction_type=PageViewRestriction.LOGIN
    )
    html = client.get("/artikel/").content.decode()
    assert titles(client.get("/artikel/")) == ["Ketiga", "Pertama"]
    assert "Kedua" not in html


def test_a_listing_page_is_built_once_and_its_rows_read_every_time(
    client, blog_index, writer, monkeypatch
):
    """The queryset of a listing's page is built (and its SQL compiled) the first
    time that page is asked for, and copied after: a new article still shows, and
    another listing or page is built on its own."""
    from django.db import connections

    from blog.models import BlogIndexPage

    keluarga = category("Keluarga")
    for day in range(ARTICLES_PER_PAGE + 1):
        article(blog_index, writers=[writer], days=day, title=f"Hari ke-{day}")
    builds = []
    built = BlogIndexPage.get_articles

    def get_articles(self, request=None, paths=None):
        builds.append(paths)
        return built(self, request, paths)

    monkeypatch.setattr(BlogIndexPage, "get_articles", get_articles)
    # Nothing kept from an earlier test's listing.
    monkeypatch.delitem(
        connections["default"].__dict__, "_serambi_compiled", raising=False
    )

    assert titles(client.get("/artikel/"))[0] == f"Hari ke-{ARTICLES_PER_PAGE}"
    assert len(builds) == 1
    assert titles(client.get("/artikel/"))[0] == f"Hari ke-{ARTICLES_PER_PAGE}"
    assert titles(client.get("/artikel/?page=2")) == ["Hari ke-0"]
    assert len(builds) == 2  # page 2 once; page 1 not again

    # The rows are read afresh, in the SQL compiled before.
    blog_index.get_children().live().filter(title="Hari ke-3").update(title="Baru")
    assert "Baru" in titles(client.get("/artikel/"))
    assert len(builds) == 2

    article(blog_index, writers=[writer], category=keluarga, days=99, title="Terbaru")
    assert titles(client.get("/artikel/"))[0] == "Terbaru"  # the snapshot moved on
    assert titles(client.get("/artikel/kategori/keluarga/")) == ["Terbaru"]
    assert len(builds) == 4
