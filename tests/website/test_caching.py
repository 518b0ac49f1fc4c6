"""Public pages are cached for anonymous readers and cleared when editors publish."""

from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ArticlePage
from caching.models import PageCacheGeneration
from tests.services import REDIS_TEST_URL, needs_redis
from tests.site_builder import article, category, contributor
from website.models import HomePageFeaturedArticle

pytestmark = pytest.mark.django_db

TITLE = "Mengatur uang belanja"


@pytest.fixture(autouse=True)
def page_cache(settings, fresh_cache):
    settings.PAGE_CACHE_SECONDS = 600
    settings.PAGE_BROWSER_CACHE_SECONDS = 60


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari", slug="ayu-lestari")


@pytest.fixture
def live_article(home_page, blog_index, writer):
    page = article(
        blog_index,
        title=TITLE,
        slug="mengatur-uang-belanja",
        writers=[writer],
        category=category("Keuangan"),
    )
    HomePageFeaturedArticle.objects.create(page=home_page, article=page)
    return page


def edit_form(page, writer, title, action="action-publish"):
    """The article's edit form as the admin posts it."""
    return nested_form_data(
        {
            "title": title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "excerpt": page.excerpt,
            "body": streamfield(
                [("paragraph", rich_text("<p>Isi yang diperbarui redaksi.</p>"))]
            ),
            "credits": inline_formset(
                [{"contributor": writer.pk, "role": "writer"}], min=1
            ),
            "category": page.category_id or "",
            "tags": "",
            action: action,
        }
    )


def change_silently(page, title):
    """A change the cache cannot know about: no save(), no signal."""
    ArticlePage.objects.filter(pk=page.pk).update(title=title, draft_title=title)


READER_URLS = [
    "/",
    "/artikel/",
    "/artikel/mengatur-uang-belanja/",
    "/artikel/kategori/keuangan/",
    "/artikel/feed/",
    "/kontributor/ayu-lestari/",
    "/kontributor/ayu-lestari/feed/",
]


def test_reader_gets_the_cached_page(client, live_article):
    first = client.get(live_article.url)
    change_silently(live_article, "Judul yang belum terbit")
    second = client.get(live_article.url)

    assert TITLE in second.content.decode()
    assert "Judul yang belum terbit" not in second.content.decode()
    for response in (first, second):
        assert "public" in response["Cache-Control"]
        assert "max-age=60" in response["Cache-Control"]


def test_a_cached_page_costs_no_query(
    client, settings, live_article, django_assert_num_queries
):
    # The page cache's generation comes from the database at most once every
    # PAGE_CACHE_GENERATION_SECONDS per process (caching.models);
    # within that time a hit costs nothing, after it one query.
    settings.PAGE_CACHE_GENERATION_SECONDS = 60
    client.get("/artikel/")

    with django_assert_num_queries(0):
        response = client.get("/artikel/")

    assert TITLE in response.content.decode()


@pytest.mark.parametrize("url", READER_URLS)
def test_a_live_page_saved_outside_publishing_reaches_readers(
    client, live_article, url
):
    assert TITLE in client.get(url).content.decode()  # now cached

    page = ArticlePage.objects.get(pk=live_article.pk)
    page.title = "Judul yang diubah lewat skrip"
    page.save()

    html = client.get(url).content.decode()
    assert "Judul yang diubah lewat skrip" in html
    assert TITLE not in html


def test_a_draft_saved_on_a_live_page_keeps_the_cache(client, live_article):
    client.get(live_article.url)
    before = PageCacheGeneration.read()

    page = ArticlePage.objects.get(pk=live_article.pk)
    page.title = "Draf yang belum terbit"
    page.save_revision()

    assert PageCacheGeneration.read() == before
    assert TITLE in client.get(live_article.url).content.decode()


@pytest.mark.parametrize("url", READER_URLS)
def test_publishing_in_the_admin_refreshes_what_readers_see(
    client, editor, live_article, writer, url
):
    assert TITLE in client.get(url).content.decode()  # now cached

    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[live_article.pk]),
        edit_form(live_article, writer, "Anggaran bulanan yang jujur"),
    )
    assert response.status_code == 302

    html = client.get(url).content.decode()
    assert "Anggaran bulanan yang jujur" in html
    assert TITLE not in html


def test_unpublishing_removes_the_article_everywhere(client, editor, live_article):
    for url in READER_URLS:
        client.get(url)

    response = editor.post(
        reverse("wagtailadmin_pages:unpublish", args=[live_article.pk])
    )
    assert response.status_code == 302

    assert client.get("/artikel/mengatur-uang-belanja/").status_code == 404
    for url in ("/", "/artikel/", "/artikel/feed/", "/kontributor/ayu-lestari/"):
        assert TITLE not in client.get(url).content.decode(), url


def test_making_a_page_private_takes_it_out_of_the_cache(client, live_article):
    client.get(live_article.url)
    client.get("/artikel/")

    PageViewRestriction.objects.create(
        page=live_article, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(live_article.url).status_code == 302
    assert TITLE not in client.get("/artikel/").content.decode()


def test_password_protected_page_is_never_cached(client, live_article):
    PageViewRestriction.objects.create(
        page=live_article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="kunci",
    )

    form = client.get(live_article.url)
    form_again = client.get(live_article.url)

    assert TITLE not in form_again.content.decode()
    assert "no-cache" in form["Cache-Control"]
    assert "public" not in form_again["Cache-Control"]


def test_logged_in_editors_never_get_cached_pages(client, editor, live_article):
    client.get(live_article.url)
    change_silently(live_article, "Sudah diubah")

    as_editor = editor.get(live_article.url)

    assert "Sudah diubah" in as_editor.content.decode()
    assert "private" in as_editor["Cache-Control"]
    assert "public" not in as_editor["Cache-Control"]


def test_editors_pages_are_never_served_to_readers(client, editor, live_article):
    as_editor = editor.get(live_article.url)
    assert "wagtail-userbar" in as_editor.content.decode()

    as_reader = client.get(live_article.url)

    assert "wagtail-userbar" not in as_reader.content.decode()


def test_previews_are_never_cached(client, editor, live_article, writer):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[live_article.pk])
    posted = editor.post(
        preview_url, edit_form(live_article, writer, "Judul pratinjau", "preview")
    )
    assert posted.status_code == 200
    preview = editor.get(preview_url)
    assert "Judul pratinjau" in preview.content.decode()

    for url in ("/artikel/", live_article.url):
        html = client.get(url).content.decode()
        assert TITLE in html
        assert "Judul pratinjau" not in html


def test_tracking_parameters_share_the_cached_page(client, live_article):
    client.get("/artikel/")
    change_silently(live_article, "Judul baru")

    shared = client.get("/artikel/?utm_source=whatsapp&fbclid=abc")
    probe = client.get("/artikel/?sesuatu=1")

    assert TITLE in shared.content.decode()
    assert "Judul baru" in probe.content.decode()


def test_each_listing_page_is_cached_on_its_own(client, blog_index, writer):
    for day in range(14):
        article(blog_index, writers=[writer], days=day, title=f"Hari {day}")

    first = client.get("/artikel/").content.decode()
    second = client.get("/artikel/?page=2").content.decode()

    assert "Hari 13" in first
    assert "Hari 13" not in second
    assert "Hari 0" in second


def test_turned_off_when_page_cache_seconds_is_zero(settings, client, live_article):
    settings.PAGE_CACHE_SECONDS = 0
    client.get(live_article.url)
    change_silently(live_article, "Langsung terlihat")

    response = client.get(live_article.url)

    assert "Langsung terlihat" in response.content.decode()
    assert "public" not in response.get("Cache-Control", "")


@needs_redis
def test_works_the_same_on_redis(client, editor, live_article, writer):
    redis = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "KEY_PREFIX": "serambi-test",
        }
    }
    with override_settings(CACHES=redis):
        cache.clear()
        try:
            client.get(live_article.url)
            change_silently(live_article, "Diam-diam")
            assert TITLE in client.get(live_article.url).content.decode()

            editor.post(
                reverse("wagtailadmin_pages:edit", args=[live_article.pk]),
                edit_form(live_article, writer, "Terbit lewat Redis"),
            )

            assert "Terbit lewat Redis" in client.get(live_article.url).content.decode()
        finally:
            cache.clear()


# --- Hits are answered before the rest of the middleware stack -----------------------


def test_a_hit_is_answered_before_sessions_and_url_resolution(
    client, monkeypatch, live_article
):
    client.get(live_article.url)  # stored

    def must_not_run(*args, **kwargs):
        raise AssertionError("a cache hit went past the page cache middleware")

    monkeypatch.setattr(
        "django.contrib.sessions.middleware.SessionMiddleware.process_request",
        must_not_run,
    )
    monkeypatch.setattr("django.urls.resolvers.URLResolver.resolve", must_not_run)
    response = client.get(live_article.url)

    assert response.status_code == 200
    assert TITLE in response.content.decode()


def test_a_hit_keeps_the_headers_of_the_page_and_of_the_security_middleware(
    client, live_article
):
    miss = client.get(live_article.url)
    hit = client.get(live_article.url)

    for response in (miss, hit):
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Type"] == "text/html; charset=utf-8"
        assert "max-age=60" in response["Cache-Control"]
    assert hit.content == miss.content
    assert hit["Content-Length"] == str(len(hit.content))


@pytest.mark.parametrize(
    ("accept_encoding", "encoding"),
    [
        ("gzip, deflate, br", "br"),
        ("gzip", "gzip"),
        ("br;q=0, gzip;q=0.8", "gzip"),
        ("", None),
    ],
)
def test_a_hit_is_sent_compressed_as_the_reader_accepts(
    client, live_article, accept_encoding, encoding
):
    import gzip

    import brotli

    plain = client.get(live_article.url).content  # stored, and its plain body
    hit = client.get(live_article.url, HTTP_ACCEPT_ENCODING=accept_encoding)

    assert hit.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in hit["Vary"]
    decompress = {"br": brotli.decompress, "gzip": gzip.decompress, None: bytes}
    assert decompress[encoding](hit.content) == plain
    if encoding:
        assert len(hit.content) < len(plain) / 2


def test_a_page_with_a_form_token_is_never_stored(client, live_article):
    # The search page renders no CSRF token for readers; the admin's log-in form
    # does, and is never a cached page: a reader's token must not reach another.
    login = reverse("wagtailadmin_login")
    first = client.get(login)
    client.cookies.clear()
    second = client.get(login)

    assert first.status_code == second.status_code == 200
    assert "public" not in second.get("Cache-Control", "")
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_each_process_keeps_its_latest_pages_in_memory_in_front_of_the_cache(
    client, live_article
):
    client.get(live_article.url)  # stored in the cache and in this process's memory
    cache.clear()  # as if Redis were restarted
    change_silently(live_article, "Judul yang belum terbit")

    html = client.get(live_article.url).content.decode()

    assert TITLE in html  # no round trip to the cache was needed


def test_the_pages_in_memory_follow_publishing_and_their_bound(
    client, settings, editor, live_article, writer
):
    settings.PAGE_CACHE_MEMORY_ENTRIES = 1
    client.get(live_article.url)
    client.get("/artikel/")  # the article's page leaves memory: one entry only
    cache.clear()
    change_silently(live_article, "Judul yang belum terbit")
    assert "Judul yang belum terbit" in client.get(live_article.url).content.decode()

    response = editor.post(
        reverse("wagtailadmin_pages:edit", args=[live_article.pk]),
        edit_form(live_article, writer, "Anggaran bulanan yang jujur"),
    )
    assert response.status_code == 302

    assert (
        "Anggaran bulanan yang jujur" in client.get(live_article.url).content.decode()
    )
