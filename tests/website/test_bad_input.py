"""Whatever a reader (or a crawler, or an attacker) types into a URL: never a 500."""

import pytest

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from tests.site_builder import article, category, contributor, kept_for_the_module

pytestmark = pytest.mark.django_db

# A NUL or bytes that are not UTF-8 never reach a view: 400 (tests/website/test_hostile_urls.py).
PAGE_NUMBERS = ["abc", "-1", "0", "1.5", "", "99999999999999999999"]


@pytest.fixture(scope="module", autouse=True)
def built_articles(django_db_setup, django_db_blocker):
    """Thirteen articles by one writer, built once for the module; every test of the
    module sees them, in whatever order it runs (tests/site_builder.py)."""
    with kept_for_the_module(django_db_blocker):
        blog_index = BlogIndexPage.objects.get()
        writer = contributor(
            ContributorIndexPage.objects.get(), "Ayu Lestari", slug="ayu-lestari"
        )
        keluarga = category("Keluarga")
        for day in range(13):
            article(
                blog_index,
                writers=[writer],
                days=day,
                category=keluarga,
                tags=["anggaran"],
                title=f"Cerita hari {day}",
            )
        yield writer


@pytest.fixture
def site_with_articles(db, built_articles):
    return type(built_articles).objects.get(pk=built_articles.pk)


LISTINGS = ["/artikel/", "/artikel/kategori/keluarga/", "/artikel/tag/anggaran/"]


def test_odd_page_numbers_give_a_page_of_articles(client, site_with_articles):
    for listing in LISTINGS:
        for number in PAGE_NUMBERS:
            response = client.get(f"{listing}?page={number}")

            assert response.status_code == 200, (listing, number)
            assert list(response.context["articles"]), (listing, number)
            # Past the end means the last page; anything not a positive whole
            # number, the first.
            expected = 2 if number == "99999999999999999999" else 1
            assert response.context["articles"].number == expected, (listing, number)


def test_odd_page_numbers_in_search(client, site_with_articles):
    for number in PAGE_NUMBERS:
        response = client.get(f"/cari/?q=cerita&page={number}")

        assert response.status_code == 200, number
        assert list(response.context["results"]), number


ODD_QUERIES = [
    "a" * 5000,
    "cerita+" * 1000,
    "%22",
    "%22cerita",
    "cerita*",
    "(cerita",
    "NEAR(cerita+hari)",
    "cerita+AND+OR+NOT",
    "-cerita",
    "title:cerita",
    "^cerita",
    "cerita%27%3B+DROP+TABLE+wagtailcore_page%3B--",
    "%E2%80%AE%F0%9F%98%80",
    "%0d%0a%09",
]


def test_search_survives_any_query(client, site_with_articles):
    for query in ODD_QUERIES:
        response = client.get(f"/cari/?q={query}")

        assert response.status_code == 200, query
        assert len(response.context["query"]) <= 200, query


def test_a_nul_byte_or_broken_utf8_is_refused_not_searched(client, site_with_articles):
    for query in ("cerita%00", "%00", "cerita%00hari", "%ff%fe", "%c3%28"):
        assert client.get(f"/cari/?q={query}").status_code == 400, query


def test_search_never_echoes_markup(client, site_with_articles):
    response = client.get("/cari/?q=%3Cimg+src%3Dx+onerror%3Dalert(1)%3E")

    html = response.content.decode()
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_repeated_parameters(client, site_with_articles):
    assert client.get("/cari/?q=cerita&q=hari&page=1&page=2").status_code == 200
    assert client.get("/artikel/?page=1&page=x").status_code == 200


def test_search_answers_only_get(client):
    assert client.post("/cari/", {"q": "cerita"}).status_code == 405


UNKNOWN = [
    "/artikel/kategori/tidak-ada/",
    "/artikel/kategori/tidak-ada/?page=2",
    "/artikel/tag/tidak-ada/",
    "/artikel/tag/tidak-ada/feed/",
    "/artikel/kategori/tidak-ada/feed/",
    "/artikel/kategori/",
    "/artikel/tag/",
    "/artikel/feed/lagi/",
    "/kontributor/tidak-ada/",
    "/kontributor/tidak-ada/feed/",
    "/kontributor/ayu-lestari/feed/lagi/",
    "/tidak-ada/",
]


def test_unknown_addresses_are_404(client, site_with_articles):
    for url in UNKNOWN:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    "url", ["/artikel/feed/?page=abc", "/kontributor/ayu-lestari/feed/?q=x"]
)
def test_feeds_ignore_stray_parameters(client, site_with_articles, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
