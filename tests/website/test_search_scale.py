"""Search on a large archive: flat ranking, a hard time limit, a site-wide cap.

The ranking (website.search_backend) reads one full-text MATCH joined to the pages
instead of Wagtail's correlated subquery per match (docs/search.md); it must find
what Wagtail's own backend finds and still put the better match first. A search the
database has to stop answers with a message, never a 500; searches in flight are
capped across every worker through Redis, per process when Redis is away.
"""

import time
from contextlib import ExitStack

from django.db import connection
from django.test import override_settings

import pytest
import redis

from tests.services import REDIS_TEST_URL, closed_port, needs_redis
from tests.site_builder import article, contributor
from tests.website.test_cache_outage import caches_for
from website import search_limits, views
from website.search_limits import SLOTS_KEY, search_slot

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_cache")]

STOCK = {
    "default": {"BACKEND": "website.search_backend"},
    "stock": {"BACKEND": "wagtail.search.backends.database"},
}
if connection.vendor == "postgresql":
    for backend in STOCK.values():
        backend["SEARCH_CONFIG"] = "indonesian"


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari", short_bio="Ibu dua anak.")


@pytest.fixture
def corpus(blog_index, writer):
    """A small archive where "cerita" is in every article, once in a title."""
    body = "<p>Ini cerita tentang {}. Hari itu panjang, tetapi kami tetap tertawa.</p>"
    pages = [
        article(
            blog_index,
            writers=[writer],
            title=title,
            body=[("paragraph", body.format(topic))],
        )
        for title, topic in [
            ("Pagi di pasar", "belanja sayur"),
            ("Anak pertama masuk sekolah", "seragam baru"),
            ("Malam tanpa listrik", "lilin dan dongeng"),
            ("Belajar menjahit", "mesin jahit tua"),
            ("Arisan di rumah nenek", "kue lapis"),
        ]
    ]
    titled = article(
        blog_index,
        writers=[writer],
        title="Cerita dari dapur",
        body=[("paragraph", "<p>Nasi goreng untuk sarapan.</p>")],
    )
    return pages, titled


def result_titles(response):
    return [page.title for page in response.context["results"]]


# --- Ranking ------------------------------------------------------------------------


def test_a_title_match_comes_before_matches_in_the_body(client, corpus):
    pages, titled = corpus

    response = client.get("/cari/", {"q": "cerita"})

    assert response.status_code == 200
    assert response.context["result_count"] == len(pages) + 1
    assert result_titles(response)[0] == titled.title


def test_finds_the_same_pages_as_wagtails_own_backend(corpus, writer):
    with override_settings(WAGTAILSEARCH_BACKENDS=STOCK):
        for query in ["cerita", "hari", "kue lapis", "Ayu", "nasi", "tidak ada"]:
            ours = views.searchable_pages().search(query)
            stock = views.searchable_pages().search(query, backend="stock")
            assert {page.pk for page in ours} == {page.pk for page in stock}, query
            assert ours.count() == stock.count(), query


def test_pages_of_results_neither_repeat_nor_skip(client, blog_index, writer):
    for n in range(views.SEARCH_RESULTS_PER_PAGE + 3):
        article(
            blog_index,
            writers=[writer],
            title=f"Catatan harian {n}",
            body=[("paragraph", "<p>Hari ini cerita biasa saja.</p>")],
        )
    first = result_titles(client.get("/cari/", {"q": "cerita"}))
    second = result_titles(client.get("/cari/", {"q": "cerita", "page": 2}))

    assert len(first) == views.SEARCH_RESULTS_PER_PAGE
    assert len(second) == 3
    assert not set(first) & set(second)


def test_a_word_in_very_many_articles_ranks_title_matches_and_the_newest(
    client, settings, blog_index, writer
):
    """Past SEARCH_RANKED_MATCHES matches, the title matches and the newest others
    are ranked (SQLite and PostgreSQL alike), and the page says so."""
    settings.SEARCH_RANKED_MATCHES = 2
    oldest_title = article(
        blog_index,
        writers=[writer],
        title="Cerita lama dari kampung",
        body=[("paragraph", "<p>Sawah dan kerbau.</p>")],
    )
    body_only = [
        article(
            blog_index,
            writers=[writer],
            title=f"Catatan {n}",
            body=[("paragraph", "<p>Sebuah cerita kecil.</p>")],
        )
        for n in range(4)
    ]

    response = client.get("/cari/", {"q": "cerita"})

    assert response.status_code == 200
    found = result_titles(response)
    assert found[0] == oldest_title.title
    assert sorted(found[1:]) == sorted(page.title for page in body_only[-2:])
    assert response.context["result_count"] == 3
    html = response.content.decode()
    assert "Kata ini ada di banyak sekali tulisan" in html
    assert "2 tulisan terbaru" in html


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL's bounded ranking only"
)
def test_postgresql_ranks_a_capped_set_with_title_matches_first(
    settings, blog_index, writer
):
    """Through Wagtail's search API, as the admin's page search uses it: a common
    word's ranked set is capped (title matches plus the newest others), the title
    match ranks first however old, and a second word searches every article."""
    settings.SEARCH_RANKED_MATCHES = 3
    titled = article(
        blog_index,
        writers=[writer],
        title="Hari pertama di pasar",
        body=[("paragraph", "<p>Sayur dan ikan.</p>")],
    )
    others = [
        article(
            blog_index,
            writers=[writer],
            title=f"Catatan {n}",
            body=[
                (
                    "paragraph",
                    f"<p>Hari ini {'belajar anyaman' if n == 0 else 'biasa'}.</p>",
                )
            ],
        )
        for n in range(6)
    ]

    results = views.searchable_pages().search("hari")

    assert results.ranked_matches == 3
    found = list(results)
    assert found[0].pk == titled.pk
    newest = {page.pk for page in others[-3:]}
    assert {page.pk for page in found[1:]} == newest
    assert results.count() == 4
    # Left out of the common word's ranked set, the oldest is found by a rarer one.
    assert others[0].pk not in {page.pk for page in found}
    assert [page.pk for page in views.searchable_pages().search("anyaman")] == [
        others[0].pk
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = %s",
            ["website_indexentry_title_body_gin"],
        )
        assert "gin" in cursor.fetchone()[0]


def test_fewer_matches_than_the_bound_are_all_ranked_without_a_note(
    client, settings, corpus
):
    pages, titled = corpus
    settings.SEARCH_RANKED_MATCHES = 100
    response = client.get("/cari/", {"q": "cerita"})
    assert response.context["result_count"] == len(pages) + 1
    assert "Kata ini ada di banyak sekali tulisan" not in response.content.decode()


# --- The hard time limit ------------------------------------------------------------


def slow_statement():
    """A statement that runs for minutes unless the database stops it: it counts
    to a hundred million, row by row."""
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n "
            "WHERE x < 100000000) SELECT count(*) FROM n"
        )
        cursor.fetchall()


def assert_stopped_with_a_message(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(search_limits.SLOW_RETRY_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Pencarian ini terlalu lama sehingga kami hentikan" in html
    assert "Coba kata kunci yang lebih khusus" in html
    # The page is whole: the form is there to try again.
    assert 'name="q" value="cerita"' in html


def test_a_search_past_the_time_limit_is_stopped_with_a_message(
    client, settings, corpus, monkeypatch
):
    settings.SEARCH_TIME_LIMIT_SECONDS = 0.05
    card_data = views.attach_result_data
    monkeypatch.setattr(
        views,
        "attach_result_data",
        lambda results: (slow_statement(), card_data(results)),
    )

    began = time.monotonic()
    response = client.get("/cari/", {"q": "cerita"})

    assert_stopped_with_a_message(response)
    # Stopped at the deadline, not after the statement's minutes.
    assert time.monotonic() - began < 5


@pytest.mark.skipif(
    connection.vendor != "sqlite", reason="SQLite's progress handler only"
)
def test_the_full_text_query_itself_is_interrupted_on_sqlite(
    client, settings, corpus, monkeypatch
):
    """A deadline already passed stops the search's first statement."""
    settings.SEARCH_TIME_LIMIT_SECONDS = 0
    monkeypatch.setattr(search_limits, "SQLITE_PROGRESS_STEPS", 1)

    assert_stopped_with_a_message(client.get("/cari/", {"q": "cerita"}))
    # The handler is gone after the search: the next page is served.
    settings.SEARCH_TIME_LIMIT_SECONDS = 2
    assert client.get("/cari/", {"q": "cerita"}).status_code == 200


def test_within_the_limit_the_search_answers(client, settings, corpus):
    settings.SEARCH_TIME_LIMIT_SECONDS = 5
    response = client.get("/cari/", {"q": "cerita"})
    assert response.status_code == 200
    assert "terlalu lama" not in response.content.decode()


# --- Searches in flight, capped site-wide ------------------------------------------


def assert_busy(response):
    assert response.status_code == 503
    assert response["Retry-After"] == str(search_limits.BUSY_RETRY_SECONDS)
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert '<html lang="id">' in html
    assert "Pencarian sedang ramai" in html
    assert "Coba lagi sebentar" in html
    assert "Cerita dari dapur" not in html


def hold(stack, count):
    for _ in range(count):
        assert stack.enter_context(search_slot()) is True


def test_without_redis_each_process_caps_its_searches(
    client, settings, corpus, django_assert_num_queries
):
    settings.SEARCH_MAX_IN_FLIGHT = 10
    settings.SEARCH_MAX_IN_FLIGHT_PER_PROCESS = 2
    with ExitStack() as stack:
        hold(stack, 2)
        with django_assert_num_queries(0):
            assert_busy(client.get("/cari/", {"q": "cerita"}))
    # The slots are back: searches are served again.
    assert client.get("/cari/", {"q": "cerita"}).status_code == 200


@pytest.fixture
def shared_redis(settings):
    """The cache on the test Redis, with no slot left from another test."""
    caches = caches_for(REDIS_TEST_URL)
    with override_settings(CACHES=caches):
        from django.core.cache import cache

        client = redis.Redis.from_url(REDIS_TEST_URL)
        key = cache.make_key(SLOTS_KEY)
        client.delete(key)
        yield client, key
        client.delete(key)


@needs_redis
def test_the_cap_counts_searches_in_every_worker(
    client, settings, corpus, shared_redis
):
    """Slots held by other workers (written to Redis as they would) count here."""
    redis_client, key = shared_redis
    settings.SEARCH_MAX_IN_FLIGHT = 3
    settings.SEARCH_MAX_IN_FLIGHT_PER_PROCESS = 100
    now = float(redis_client.time()[0])
    redis_client.zadd(key, {"worker-a": now, "worker-b": now})
    with ExitStack() as stack:
        hold(stack, 1)
        assert redis_client.zcard(key) == 3
        assert_busy(client.get("/cari/", {"q": "cerita"}))
    redis_client.zrem(key, "worker-a")

    response = client.get("/cari/", {"q": "cerita"})

    assert response.status_code == 200
    assert result_titles(response)[0] == "Cerita dari dapur"
    # The search gave its slot back: only worker-b's is held.
    assert redis_client.zrange(key, 0, -1) == [b"worker-b"]


@needs_redis
def test_a_slot_whose_worker_died_expires(client, settings, corpus, shared_redis):
    redis_client, key = shared_redis
    settings.SEARCH_MAX_IN_FLIGHT = 1
    settings.SEARCH_SLOT_SECONDS = 10
    now = float(redis_client.time()[0])
    redis_client.zadd(key, {"crashed": now - 11})

    assert client.get("/cari/", {"q": "cerita"}).status_code == 200
    assert redis_client.zcard(key) == 0


def test_with_redis_down_searches_are_served_and_capped_per_process(
    client, settings, corpus
):
    settings.SEARCH_MAX_IN_FLIGHT = 5
    settings.SEARCH_MAX_IN_FLIGHT_PER_PROCESS = 1
    with override_settings(CACHES=caches_for(f"redis://127.0.0.1:{closed_port()}/8")):
        response = client.get("/cari/", {"q": "cerita"})
        assert response.status_code == 200
        assert result_titles(response)[0] == "Cerita dari dapur"

        with ExitStack() as stack:
            hold(stack, 1)
            assert_busy(client.get("/cari/", {"q": "cerita"}))
        assert client.get("/cari/", {"q": "cerita"}).status_code == 200
