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
