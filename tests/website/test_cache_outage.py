"""A cache outage is a cache miss: readers are served, editors' changes commit and
report success, and no page that changed meanwhile is served stale once the cache is
back. The page cache's generation lives in the database, so a change made by any
process reaches every process's page cache within PAGE_CACHE_GENERATION_SECONDS.

The outage is staged for real: the cache settings the app builds from REDIS_URL
(read in a fresh interpreter, as production would) pointed at a port nobody listens
on, then at the real Redis again (database 8).
"""

import json
import socket
import time
import uuid

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

import pytest

from blog.models import ArticlePage
from caching import pages as page_cache
from caching.backend import RETRY_SECONDS
from caching.models import PageCacheGeneration
from tests.services import REDIS_TEST_URL, closed_port, needs_redis
from tests.site_builder import article, category, contributor
from tests.website.test_settings import run_python
from website.models import HomePageFeaturedArticle

pytestmark = pytest.mark.django_db

TITLE = "Mengatur uang belanja"
ARTICLE_URL = "/artikel/mengatur-uang-belanja/"
READER_URLS = [
    "/",
    "/artikel/",
    ARTICLE_URL,
    "/artikel/kategori/keuangan/",
    "/artikel/feed/",
    "/kontributor/ayu-lestari/",
    "/sitemap.xml",
    "/cari/?q=belanja",
]


def caches_for(redis_url):
    """CACHES exactly as the settings build them from REDIS_URL."""
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps(settings.CACHES))"
    )
    result = run_python(["-c", code], "website.settings.base", REDIS_URL=redis_url)
    assert result.returncode == 0, result.stderr
    caches = json.loads(result.stdout)
    caches["default"]["KEY_PREFIX"] = "serambi-resilience-test"
    return caches


@pytest.fixture(scope="session")
def redis_up():
    return caches_for(REDIS_TEST_URL)


@pytest.fixture(scope="session")
def redis_down():
    return caches_for(f"redis://127.0.0.1:{closed_port()}/8")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600
    page_cache.forget_generation()
    yield
    page_cache.forget_generation()


@pytest.fixture
def live_article(home_page, blog_index, contributor_index):
    writer = contributor(contributor_index, "Ayu Lestari", slug="ayu-lestari")
    page = article(
        blog_index,
        title=TITLE,
        slug="mengatur-uang-belanja",
        writers=[writer],
        category=category("Keuangan"),
    )
    HomePageFeaturedArticle.objects.create(page=home_page, article=page)
    return page


def test_the_settings_make_redis_fail_open(redis_down):
    options = redis_down["default"]["OPTIONS"]

    assert redis_down["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    assert options["IGNORE_EXCEPTIONS"] is True
    assert options["SOCKET_CONNECT_TIMEOUT"] <= 0.5
    assert options["SOCKET_TIMEOUT"] <= 0.5


def test_unreachable_redis_is_a_cache_miss(client, live_article, redis_down):
    with override_settings(CACHES=redis_down):
        cache.set("serambi:probe", "x")
        assert cache.get("serambi:probe") is None

        started = time.monotonic()
        for url in READER_URLS:
            response = client.get(url)
            assert response.status_code == 200, url
        assert TITLE in client.get("/artikel/").content.decode()
        # A refused connection costs no wait; a silent host at most the timeouts.
        assert time.monotonic() - started < 20


def test_unreachable_redis_leaves_fragments_uncached_and_pages_whole(
    client, editor, settings, live_article, redis_down
):
    settings.FRAGMENT_CACHE_SECONDS = 600
    with override_settings(CACHES=redis_down):
        for browser in (client, editor):
            for url in READER_URLS:
                response = browser.get(url)
                assert response.status_code == 200, url
            html = browser.get(live_article.url).content.decode()
            assert TITLE in html
            assert "Ayu Lestari" in html


@pytest.fixture
def hung_redis():
    """A Redis that accepts connections and never answers (a hung server, or a
    network that drops its replies): each wait ends only with the socket timeout."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    yield f"redis://127.0.0.1:{server.getsockname()[1]}/8"
    server.close()


def test_a_hung_redis_costs_one_timeout_not_one_per_call(hung_redis):
    with override_settings(CACHES=caches_for(hung_redis)):
        started = time.monotonic()
        assert cache.get("serambi:first") is None
        first = time.monotonic() - started

        started = time.monotonic()
        for n in range(10):
            assert cache.get(f"serambi:key-{n}") is None
            cache.set(f"serambi:key-{n}", n)
        rest = time.monotonic() - started

        time.sleep(RETRY_SECONDS)
        started = time.monotonic()
        assert cache.get("serambi:again") is None
        again = time.monotonic() - started

    assert first >= 0.4  # the socket timeout
    assert rest < 0.4  # twenty calls, none of them waiting
    assert again >= 0.4  # a second later, Redis is asked again


def test_the_admin_works_while_redis_is_down(editor, live_article, redis_down):
    with override_settings(CACHES=redis_down):
        assert editor.get(reverse("wagtailadmin_home")).status_code == 200
        assert (
            editor.get(
                reverse("wagtailadmin_pages:edit", args=[live_article.pk])
            ).status_code
            == 200
        )
        assert editor.get(reverse("wagtailimages:index")).status_code == 200


@needs_redis
def test_unpublish_during_an_outage_commits_and_nothing_stale_comes_back(
    client, editor, live_article, redis_up, redis_down
):
    with override_settings(CACHES=redis_up):
        cache.clear()
        for url in READER_URLS:
            assert client.get(url).status_code == 200, url
        pre_outage_pages = cache.keys(f"{page_cache.KEY_PREFIX}:*")
        assert len(pre_outage_pages) == len(READER_URLS) - 1  # search has its own

    try:
        with override_settings(CACHES=redis_down):
            response = editor.post(
                reverse("wagtailadmin_pages:unpublish", args=[live_article.pk])
            )
            assert response.status_code == 302
            assert (
                reverse("wagtailadmin_explore", args=[live_article.get_parent().pk])
                in response["Location"]
            )
            live_article.refresh_from_db()
            assert live_article.live is False
            # Readers already see it gone, uncached.
            assert client.get(ARTICLE_URL).status_code == 404

        time.sleep(RETRY_SECONDS)  # Redis is asked again a second after it failed
        with override_settings(CACHES=redis_up):
            # The pre-outage pages are still in Redis, but out of reach.
            assert set(pre_outage_pages) <= set(
                cache.keys(f"{page_cache.KEY_PREFIX}:*")
            )
            assert client.get(ARTICLE_URL).status_code == 404
            for url in (
                "/",
                "/artikel/",
                "/artikel/feed/",
                "/kontributor/ayu-lestari/",
            ):
                assert TITLE not in client.get(url).content.decode(), url
    finally:
        with override_settings(CACHES=redis_up):
            cache.clear()


@needs_redis
def test_a_publish_during_an_outage_is_seen_when_redis_returns(
    client, editor, live_article, redis_up, redis_down
):
    with override_settings(CACHES=redis_up):
        cache.clear()
        client.get(ARTICLE_URL)

    try:
        with override_settings(CACHES=redis_down):
            revision = ArticlePage.objects.get(pk=live_article.pk)
            revision.title = "Judul baru saat Redis mati"
            revision.save_revision().publish()

        time.sleep(RETRY_SECONDS)
        with override_settings(CACHES=redis_up):
            html = client.get(ARTICLE_URL).content.decode()
            assert "Judul baru saat Redis mati" in html
    finally:
        with override_settings(CACHES=redis_up):
            cache.clear()


def change_from_another_process(page, title):
    """What a publish by the scheduled-publishing job or the task worker looks like
    from here: the content and the generation change in the database, and this
    process is told nothing."""
    ArticlePage.objects.filter(pk=page.pk).update(title=title, draft_title=title)
    PageCacheGeneration.objects.update(token=uuid.uuid4().hex)


def test_a_change_by_another_process_reaches_this_ones_page_cache(
    client, settings, live_article
):
    settings.PAGE_CACHE_GENERATION_SECONDS = 0.2
    cache.clear()
    assert TITLE in client.get(ARTICLE_URL).content.decode()

    change_from_another_process(live_article, "Terbit dari proses lain")
    time.sleep(0.25)

    assert "Terbit dari proses lain" in client.get(ARTICLE_URL).content.decode()


def test_the_generation_is_read_at_most_once_a_generation_second(
    client, settings, live_article, django_assert_num_queries
):
    settings.PAGE_CACHE_GENERATION_SECONDS = 60
    cache.clear()
    client.get(ARTICLE_URL)

    with django_assert_num_queries(0):
        client.get(ARTICLE_URL)

    settings.PAGE_CACHE_GENERATION_SECONDS = 0
    with django_assert_num_queries(1):
        response = client.get(ARTICLE_URL)
    assert TITLE in response.content.decode()


def test_the_generation_changes_in_the_publishing_transaction(live_article):
    before = PageCacheGeneration.read()

    ArticlePage.objects.get(pk=live_article.pk).save_revision().publish()

    assert PageCacheGeneration.objects.get().token != before


# --- Production without a shared cache -----------------------------------------------

PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-for-the-deploy-check-only-x7Qp2Lm9Vb4Nc8Zr1Tw6Hy3Js5Df0Ga",
    "ALLOWED_HOSTS": "serambi.example",
}


def production_value(name, **env):
    code = f"from django.conf import settings; print(settings.{name})"
    result = run_python(
        ["-c", code], "website.settings.production", **PRODUCTION_ENV, **env
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_production_without_redis_has_no_page_cache():
    assert production_value("PAGE_CACHE_SECONDS", PAGE_CACHE_SECONDS="600") == "0"


def test_production_with_redis_keeps_its_page_cache():
    value = production_value("PAGE_CACHE_SECONDS", REDIS_URL=REDIS_TEST_URL)
    assert value == "600"


def test_the_deploy_check_fails_a_page_cache_in_local_memory(tmp_path):
    # Any settings module that turns the page cache back on without a shared cache.
    code = (
        "import django, os; django.setup(); "
        "from django.conf import settings; from django.core.management import call_command; "
        "settings.PAGE_CACHE_SECONDS = 600; "
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_python(
        ["-c", code],
        "website.settings.production",
        **PRODUCTION_ENV,
        DATABASE_URL=f"sqlite:///{tmp_path / 'check.sqlite3'}",
    )

    assert result.returncode != 0
    assert "website.E001" in result.stderr
    assert "not shared between processes" in result.stderr
