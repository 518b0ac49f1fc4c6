"""Search is cached briefly and limited per address, and its query is bounded."""

import pytest

from blog.models import ArticlePage
from tests.site_builder import article, contributor
from website.search_limits import cache_seconds
from website.views import MAX_QUERY_LENGTH

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]


@pytest.fixture(autouse=True)
def one_window(monkeypatch):
    """Every request of a test in one rate-limit window: the windows are fixed
    (caching.limits), so a test that crossed the end of a minute would otherwise
    see its count start afresh (it did, once, on a CI run)."""
    from types import SimpleNamespace

    from caching import limits

    monkeypatch.setattr(limits, "time", SimpleNamespace(time=lambda: 1_800_000_030.0))


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari")


@pytest.fixture
def budget(blog_index, writer):
    return article(blog_index, writers=[writer], title="Mengatur anggaran rumah")


# --- Rate limit -------------------------------------------------------------------


def test_each_address_is_limited_with_an_indonesian_429(client, settings, budget):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 3

    for _ in range(3):
        assert client.get("/cari/", {"q": "anggaran"}).status_code == 200
    refused = client.get("/cari/", {"q": "anggaran"})

    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert "no-store" in refused["Cache-Control"]
    html = refused.content.decode()
    assert '<html lang="id">' in html
    assert "Terlalu banyak pencarian" in html
    assert "Tunggu 60 detik, lalu coba lagi." in html
    assert "Mengatur anggaran rumah" not in html


def test_another_address_is_not_limited(client, settings, budget):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 1
    assert client.get("/cari/", {"q": "a"}, REMOTE_ADDR="192.0.2.1").status_code == 200
    assert client.get("/cari/", {"q": "a"}, REMOTE_ADDR="192.0.2.1").status_code == 429

    assert client.get("/cari/", {"q": "a"}, REMOTE_ADDR="192.0.2.2").status_code == 200


def test_behind_a_proxy_the_forwarded_address_counts(client, settings, budget):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 1
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "192.0.2.100"}

    first = client.get(
        "/cari/", {"q": "a"}, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy
    )
    # A client cannot dodge the limit by writing its own X-Forwarded-For entry.
    spoofed = client.get(
        "/cari/",
        {"q": "a"},
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1",
        **proxy,
    )
    other = client.get(
        "/cari/", {"q": "a"}, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy
    )

    assert (first.status_code, spoofed.status_code, other.status_code) == (
        200,
        429,
        200,
    )


def test_the_limit_costs_no_database_query(
    client, settings, budget, django_assert_num_queries
):
    settings.SEARCH_RATE_LIMIT_PER_MINUTE = 1
    client.get("/cari/", {"q": "anggaran"})

    with django_assert_num_queries(0):
        assert client.get("/cari/", {"q": "anggaran"}).status_code == 429


# --- Result cache -----------------------------------------------------------------


def test_results_are_cached_for_readers(
    client, settings, budget, django_assert_num_queries
):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_SECONDS = 60
    first = client.get("/cari/", {"q": "anggaran"})
    ArticlePage.objects.filter(pk=budget.pk).update(title="Diam-diam diubah")

    with django_assert_num_queries(0):
        again = client.get("/cari/", {"q": "  anggaran "})

    assert again.content == first.content
    assert "Mengatur anggaran rumah" in again.content.decode()


def test_cached_results_are_kept_apart_by_host_and_scheme(client, settings, budget):
    """Result links are absolute where the page needs them (canonical, OpenGraph):
    the answer cached for one host or scheme never answers another."""
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_CACHE_GENERATION_SECONDS = 60
    first = client.get("/cari/", {"q": "anggaran"}, HTTP_HOST="localhost")
    ArticlePage.objects.filter(pk=budget.pk).update(title="Anggaran versi baru")

    other_host = client.get("/cari/", {"q": "anggaran"}, HTTP_HOST="127.0.0.1")
    other_scheme = client.get(
        "/cari/", {"q": "anggaran"}, HTTP_HOST="localhost", secure=True
    )

    assert "Mengatur anggaran rumah" in first.content.decode()
    for response in (other_host, other_scheme):
        assert "Anggaran versi baru" in response.content.decode()


def test_a_publish_refreshes_cached_results(client, settings, budget):
    settings.PAGE_CACHE_SECONDS = 600
    client.get("/cari/", {"q": "anggaran"})

    page = ArticlePage.objects.get(pk=budget.pk)
    page.title = "Anggaran yang jujur"
    page.save_revision().publish()

    assert (
        "Anggaran yang jujur"
        in client.get("/cari/", {"q": "anggaran"}).content.decode()
    )


def test_results_are_not_cached_for_more_than_a_minute(settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert cache_seconds() == 60
    settings.PAGE_CACHE_SECONDS = 0
    assert cache_seconds() == 0


def test_logged_in_users_get_fresh_results(admin_browser, settings, budget):
    settings.PAGE_CACHE_SECONDS = 600
    admin_browser.get("/cari/", {"q": "anggaran"})
    ArticlePage.objects.filter(pk=budget.pk).update(title="Anggaran diubah")

    assert (
        "Anggaran diubah"
        in admin_browser.get("/cari/", {"q": "anggaran"}).content.decode()
    )


# --- Query length -----------------------------------------------------------------


def test_a_long_query_is_cut_with_a_note(client, budget):
    response = client.get("/cari/", {"q": "anggaran " + "x" * 5000})

    assert response.status_code == 200
    assert len(response.context["query"]) == MAX_QUERY_LENGTH
    assert response.context["query"].startswith("anggaran x")
    assert "Kata kunci terlalu panjang: yang dicari hanya 200 karakter pertamanya." in (
        response.content.decode()
    )


def test_a_short_query_has_no_note(client, budget):
    response = client.get("/cari/", {"q": "anggaran"})

    assert "Kata kunci terlalu panjang" not in response.content.decode()
    assert list(response.context["results"]) == [budget]
