"""Cached fragments of pages (caching.fragments): what the page cache does not answer
(logged-in readers, a page once after a publish) is rendered from them, the same
page as without them, and never older than what it shows."""

import time

from django.test import Client
from django.urls import reverse

import pytest

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from tests.site_builder import article, category, contributor, kept_for_the_module
from tests.website.test_caching import edit_form
from website.models import HomePage, HomePageFeaturedArticle

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def built_site(django_db_setup, django_db_blocker):
    """A writer and her fourteen articles, built once for the module, their pictures
    made by a first visit; every test of the module sees them, in whatever order it
    runs (tests/site_builder.py)."""
    with kept_for_the_module(django_db_blocker):
        writer = contributor(
            ContributorIndexPage.objects.get(),
            "Ayu Lestari",
            slug="ayu-lestari",
            photo=True,
        )
        blog_index = BlogIndexPage.objects.get()
        keuangan = category("Keuangan")
        pages = [
            article(
                blog_index,
                title=f"Catatan belanja minggu ke-{day}",
                writers=[writer],
                category=keuangan,
                tags=["anggaran"],
                hero=True,
                days=day,
            )
            for day in range(14)
        ]
        HomePageFeaturedArticle.objects.create(
            page=HomePage.objects.get(), article=pages[3]
        )
        # A first visit makes the pictures' renditions, as on a live site.
        for url in page_urls(pages):
            assert Client().get(url).status_code == 200, url
        yield writer, pages


def reload(page):
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def writer(db, built_site):
    return reload(built_site[0])


@pytest.fixture
def articles(db, built_site):
    return [reload(page) for page in built_site[1]]


def page_urls(articles):
    return [
        "/",
        "/artikel/",
        "/artikel/?page=2",
        "/artikel/kategori/keuangan/",
        "/artikel/tag/anggaran/",
        articles[0].url,
        articles[5].url,
    ]


@pytest.mark.parametrize("reader", ["client", "editor"])
def test_a_page_is_the_same_from_fragments_as_without(
    request, settings, articles, reader
):
    browser = request.getfixturevalue(reader)
    urls = page_urls(articles)
    without = {url: browser.get(url).content.decode() for url in urls}

    settings.FRAGMENT_CACHE_SECONDS = 600
    stored = {url: browser.get(url).content.decode() for url in urls}
    served = {url: browser.get(url).content.decode() for url in urls}

    for url in urls:
        assert stored[url] == without[url], url
        assert served[url] == without[url], url
    if reader == "editor":  # the userbar is the editor's own, never a fragment's
        assert "wagtail-userbar" in served[articles[0].url]


def test_publishing_refreshes_every_fragment_that_shows_the_article(
    fragments, client, editor, articles, writer
):
    renamed = articles[-1]  # the newest: on every listing's first page
    urls = ["/", "/artikel/", "/artikel/kategori/keuangan/", articles[-2].url]
    for url in urls:
        assert renamed.title in editor.get(url).content.decode(), url

    form = edit_form(renamed, writer, "Anggaran bulanan yang jujur")
    form["tags"] = "anggaran"  # still related to the others
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[renamed.pk]), form)
    assert response.status_code == 302

    for browser in (editor, client):
        for url in urls:
            html = browser.get(url).content.decode()
            assert "Anggaran bulanan yang jujur" in html, url
            assert renamed.title not in html, url


def test_a_preview_neither_reads_nor_stores_fragments(
    fragments, client, editor, articles, writer
):
    page = articles[0]
    editor.get(page.url)  # its fragments are stored
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    editor.post(preview_url, edit_form(page, writer, "Judul pratinjau", "preview"))

    preview = editor.get(preview_url).content.decode()

    assert "Judul pratinjau" in preview
    assert page.title not in preview.split("<main")[1]
    for browser in (editor, client):
        html = browser.get(page.url).content.decode()
        assert page.title in html
        assert "Judul pratinjau" not in html


def test_off_when_fragment_cache_seconds_is_zero(settings, editor, articles):
    settings.FRAGMENT_CACHE_SECONDS = 0
    page = articles[0]
    editor.get(page.url)
    type(page).objects.filter(pk=page.pk).update(title="Langsung terlihat")

    assert "Langsung terlihat" in editor.get(page.url).content.decode()


def test_off_means_no_fragment_is_read_or_written(
    settings, editor, articles, monkeypatch
):
    """Fragments off is no cache traffic at all: Django's cache tag would still ask
    the cache for every fragment and store it, with a timeout of 0."""
    from django.core.cache import cache

    settings.FRAGMENT_CACHE_SECONDS = 0
    touched = []
    for name in ("get", "set", "get_many", "set_many"):
        original = getattr(cache, name)

        def spy(key, *args, _original=original, **kwargs):
            touched.extend([key] if isinstance(key, str) else list(key))
            return _original(key, *args, **kwargs)

        monkeypatch.setattr(cache, name, spy)

    for url in page_urls(articles):
        assert editor.get(url).status_code == 200

    assert touched  # the cache is still asked for other things
    assert not [key for key in touched if "template.cache" in key]


def stored_fragments():
    """The live fragments in the local-memory cache the tests run on."""
    from django.core.cache import cache

    now = time.time()
    return {
        key
        for key, expires in cache._expire_info.items()
        if "template.cache" in key and (expires is None or expires > now)
    }


def test_an_unknown_address_stores_no_fragment(fragments, client, articles):
    client.get("/")
    stored = stored_fragments()
    assert stored  # the home page's

    for number in range(5):
        assert client.get(f"/tidak-ada-{number}/").status_code == 404
        assert client.get(f"/artikel/tidak-ada-{number}/").status_code == 404

    assert stored_fragments() == stored


# --- Keyed by what they show (caching.fragments) ---------------------------------------


@pytest.fixture
def cache_calls(monkeypatch):
    """[(method, [fragment names])] for every call to the cache that touches a
    fragment: one call, one round trip to Redis (the local-memory cache the tests
    run on makes get_many of get and set_many of set; those are not counted)."""
    from django.core.cache import cache

    calls = []
    depth = [0]
    for name in ("get", "set", "get_many", "set_many", "add", "delete"):
        original = getattr(cache, name)

        def spy(key, *args, _original=original, _name=name, **kwargs):
            keys = [key] if isinstance(key, str) else list(key)
            names = [
                k.split(".")[2].strip('"')
                for k in keys
                if k.startswith("template.cache.")
            ]
            if names and not depth[0]:
                calls.append((_name, sorted(names)))
            depth[0] += 1
            try:
                return _original(key, *args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, spy)
    return calls


def rendered_afresh(calls):
    return sorted(
        name
        for method, names in calls
        if method in ("set", "set_many")
        for name in names
    )


def test_publishing_one_article_rerenders_only_what_shows_it(
    fragments, editor, articles, writer, cache_calls
):
    """Article A's own text, credits and head stay cached when article B, one of its
    related articles, is republished; A's related articles are rendered again, with
    B's new title; the header and footer stay cached too."""
    reader_page, renamed = articles[-2], articles[-1]
    editor.get(reader_page.url)  # its fragments are stored
    form = edit_form(renamed, writer, "Anggaran bulanan yang jujur")
    form["tags"] = "anggaran"  # still related
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[renamed.pk]), form)
    assert response.status_code == 302
    cache_calls.clear()

    html = editor.get(reader_page.url).content.decode()

    assert "Anggaran bulanan yang jujur" in html.split('class="related"')[1]
    assert rendered_afresh(cache_calls) == ["article-related"]
    # B itself is rendered afresh, with its new title.
    html = editor.get(renamed.url).content.decode()
    assert "<h1>Anggaran bulanan yang jujur</h1>" in html


def test_a_first_publish_rerenders_every_article(
    fragments, editor, articles, writer, cache_calls
):
    """A new article may change what many pages show (its writer's first article, a
    link in another article's text that now leads somewhere): every fragment goes."""
    reader_page = articles[0]
    editor.get(reader_page.url)
    new = reload(articles[1]).copy(
        update_attrs={"slug": "baru-terbit", "title": "Baru terbit", "live": False}
    )
    new.save_revision().publish()
    cache_calls.clear()

    editor.get(reader_page.url)

    assert "article" in rendered_afresh(cache_calls)
    assert "site-footer" in rendered_afresh(cache_calls)


def test_a_live_article_saved_without_publishing_is_shown_at_once(
    fragments, editor, articles
):
    """A script's save() keeps the article's cache_key (no new publish date): the
    shared token moves instead, so its text is rendered again."""
    page = articles[0]
    editor.get(page.url)
    page.title = "Disunting lewat skrip"
    page.save()

    assert "<h1>Disunting lewat skrip</h1>" in editor.get(page.url).content.decode()


def test_credits_changed_on_their_own_are_shown_at_once(
    fragments, editor, articles, writer
):
    from blog.models import ArticleCredit

    page = articles[0]
    editor.get(page.url)
    ArticleCredit.objects.filter(page=page).update(role="illustrator")
    # The update above sends no signal; a delete does, as a script's would.
    ArticleCredit.objects.get(page=page).delete()

    html = editor.get(page.url).content.decode()
    assert 'class="credits"' not in html


def test_a_renamed_tag_reaches_every_article(fragments, editor, articles):
    from taggit.models import Tag

    page = articles[0]
    assert "#anggaran" in editor.get(page.url).content.decode()
    tag = Tag.objects.get(name="anggaran")
    tag.name = "belanja-bulanan"
    tag.save()

    assert "#belanja-bulanan" in editor.get(page.url).content.decode()


def test_an_article_row_and_its_credits_commit_together(articles, writer, monkeypatch):
    """ArticlePage.save writes the row, its credits and tags in one transaction: a
    credit that fails to save leaves the row as it was, so no reader renders the new
    row without its credits under the new token."""
    from blog.models import ArticleCredit, ArticlePage

    page = articles[0]
    before = page.title
    page.title = "Setengah tersimpan"
    page.credits.add(ArticleCredit(contributor=writer, role="editor"))

    def fail(self, *args, **kwargs):
        raise RuntimeError("credit not written")

    monkeypatch.setattr(ArticleCredit, "save", fail)
    with pytest.raises(RuntimeError):
        page.save()

    assert ArticlePage.objects.get(pk=page.pk).title == before


# --- One round trip a page ---------------------------------------------------------------


@pytest.mark.parametrize("index", [0, 5])
def test_a_page_reads_its_fragments_in_one_round_trip(
    fragments, editor, articles, cache_calls, index
):
    url = articles[index].url

    editor.get(url)  # every fragment missed: one read, one write
    assert [method for method, _names in cache_calls] == ["get_many", "set_many"]
    assert cache_calls[0][1] == cache_calls[1][1]
    assert set(cache_calls[0][1]) == {
        "article",
        "article-head",
        "article-related",
        "feed-links",
        "site-footer",
        "site-header",
    }
    cache_calls.clear()

    editor.get(url)  # every fragment stored: one read, nothing written
    assert [method for method, _names in cache_calls] == ["get_many"]


@pytest.mark.parametrize(
    "url", ["/", "/artikel/", "/artikel/?page=2", "/artikel/kategori/keuangan/"]
)
def test_listings_read_their_fragments_in_one_round_trip(
    fragments, editor, articles, cache_calls, url
):
    editor.get(url)
    cache_calls.clear()

    editor.get(url)

    assert [method for method, _names in cache_calls] == ["get_many"]


# --- Search and feeds ------------------------------------------------------------------


def more_urls(writer):
    return [
        "/cari/?q=belanja",
        "/cari/?q=tidakadayangcocok",
        "/artikel/feed/",
        "/artikel/kategori/keuangan/feed/",
        "/artikel/tag/anggaran/feed/",
        writer.url + "feed/",
    ]


@pytest.mark.parametrize("reader", ["client", "editor"])
def test_search_and_feeds_are_the_same_from_fragments_as_without(
    request, settings, writer, articles, reader
):
    browser = request.getfixturevalue(reader)
    urls = more_urls(writer)
    without = {url: browser.get(url).content.decode() for url in urls}

    settings.FRAGMENT_CACHE_SECONDS = 600
    stored = {url: browser.get(url).content.decode() for url in urls}
    served = {url: browser.get(url).content.decode() for url in urls}

    for url in urls:
        assert stored[url] == without[url], url
        assert served[url] == without[url], url
    assert "Catatan belanja" in served["/cari/?q=belanja"]


def test_a_feed_is_served_whole_from_the_cache(fragments, editor, writer, articles):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for url in more_urls(writer)[2:]:
        with CaptureQueriesContext(connection) as stored:
            first = editor.get(url)
        with CaptureQueriesContext(connection) as served:
            again = editor.get(url)
        assert again.content == first.content, url
        assert again["Content-Type"] == first["Content-Type"], url
        # Routing to the feed only: none of its articles is read.
        assert len(served) < len(stored), url
        for table in ("blog_articlecredit", "images_customrendition"):
            assert not [q for q in served if table in q["sql"]], url


def test_publishing_refreshes_search_results_and_feeds(
    fragments, client, editor, articles, writer
):
    renamed = articles[-1]
    urls = ["/cari/?q=belanja", "/artikel/feed/", "/artikel/tag/anggaran/feed/"]
    for url in urls:
        assert renamed.title in editor.get(url).content.decode(), url

    form = edit_form(renamed, writer, "Catatan belanja yang jujur")
    form["tags"] = "anggaran"
    response = editor.post(reverse("wagtailadmin_pages:edit", args=[renamed.pk]), form)
    assert response.status_code == 302

    for browser in (editor, client):
        for url in urls:
            html = browser.get(url).content.decode()
            assert "Catatan belanja yang jujur" in html, url
            assert renamed.title not in html, url


def test_search_reads_its_fragments_in_one_round_trip(
    fragments, editor, articles, cache_calls
):
    editor.get("/cari/?q=belanja")
    cache_calls.clear()

    editor.get("/cari/?q=belanja")

    assert cache_calls == [
        (
            "get_many",
            ["feed-links", "search-results", "site-footer", "site-header"],
        )
    ]
