"""A crawl of the whole public site, as real clients that nobody here wrote see it.

The seeded demo site plus hostile-but-legal content (tests/website/hostile_site.py)
is crawled once for the module: every URL reachable from /, the sitemap and the
feeds. Then: no answer is a 5xx; every HTML page passes the Nu HTML Checker; every
feed parses with feedparser without complaint; every public article's JSON-LD is a
complete schema.org Article. A failure lists what failed where.
"""

import io
from urllib.parse import unquote

from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.test.utils import override_settings

import pytest

from blog.models import ArticlePage
from tests.rendition_files import renditions_made_once
from tests.website.crawl import (
    crawl,
    feed_errors,
    json_ld_blocks,
    nu_errors,
    server_errors,
    vnu_command,
)
from tests.website.hostile_site import build_hostile_site

pytestmark = [pytest.mark.django_db, pytest.mark.seeded_demo]

START_URLS = [
    "/",
    "/sitemap.xml",
    "/robots.txt",
    "/artikel/feed/",
    "/cari/?q=P%C3%A9rez",
    "/cari/?q=%F0%9F%8C%B8",
]


def report(title, lines):
    return f"{title} ({len(lines)}):\n" + "\n".join(f"  {line}" for line in lines)


@pytest.fixture(scope="module")
def site_crawl(django_db_setup, django_db_blocker):
    """The demo and the hostile content, crawled; rolled back when the module ends.

    Its renditions are encoded at the fastest effort (tests/conftest.py).
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            for cache in caches.all():
                cache.clear()
            with override_settings(DEBUG=True):
                call_command("seed_demo", stdout=io.StringIO())
            site = build_hostile_site()
            articles = list(ArticlePage.objects.live().public())
            # Behind a password, so no listing links to it: asked for by name.
            starts = [*START_URLS, unquote(site.protected.url)]
            # The demo's pictures are the seeded demo's (test_seed_demo.py): their
            # rendition files are made once for the run.
            with renditions_made_once():
                result = crawl(Client(raise_request_exception=False), starts)
            yield {"site": site, "articles": articles, "crawl": result}
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            for cache in caches.all():
                cache.clear()


def test_the_crawl_reaches_every_kind_of_page(site_crawl):
    fetched = site_crawl["crawl"].fetched
    site = site_crawl["site"]
    reached = set(fetched)
    missing = [
        article.url
        for article in site_crawl["articles"]
        if unquote(article.url) not in reached
    ]
    assert not missing, report("Public articles the crawl did not reach", missing)
    assert unquote(site.protected.url) in reached
    assert any("/tag/" in url for url in reached)
    assert any("/kategori/" in url for url in reached)
    assert "/sitemap.xml" in reached
    assert len(site_crawl["crawl"].html_pages) > 60
    assert len(site_crawl["crawl"].feeds) > 5


def test_no_public_url_answers_a_server_error(site_crawl):
    errors = server_errors(site_crawl["crawl"])

    assert not errors, report("URLs answering 5xx", errors)


def test_every_html_page_passes_the_nu_html_checker(site_crawl):
    command, reason = vnu_command()
    if command is None:
        pytest.skip(f"The Nu HTML Checker cannot run: {reason}")

    errors = nu_errors(site_crawl["crawl"].html_pages, command)

    pages = len(site_crawl["crawl"].html_pages)
    assert not errors, report(f"Nu HTML Checker errors on {pages} pages", errors)


def test_every_feed_parses_cleanly_with_feedparser(site_crawl):
    feeds = site_crawl["crawl"].feeds

    errors = feed_errors(feeds)

    assert not errors, report("Feeds feedparser complains of", errors)


def test_every_article_has_complete_article_json_ld(site_crawl):
    fetched = site_crawl["crawl"].fetched
    problems = []
    for article in site_crawl["articles"]:
        page = fetched.get(unquote(article.url))
        if page is None or not page.is_html:
            problems.append(f"{article.url}: not fetched")
            continue
        blocks = [b for b in json_ld_blocks(page) if b.get("@type") == "Article"]
        if len(blocks) != 1:
            problems.append(f"{article.url}: {len(blocks)} Article blocks")
            continue
        data = blocks[0]
        names = [writer.public_name for writer in article.writers]
        for key in ("headline", "datePublished", "image", "publisher", "author"):
            if not data.get(key):
                problems.append(f"{article.url}: no {key}")
        authors = [author.get("name") for author in data.get("author") or []]
        if authors != names:
            problems.append(f"{article.url}: authors {authors}, expected {names}")
        if (data.get("publisher") or {}).get("name") != "Serambi":
            problems.append(f"{article.url}: publisher {data.get('publisher')}")

    assert not problems, report("Articles with incomplete JSON-LD", problems)
