"""An editor renames both section indexes in the admin; the whole public site follows.

Nothing may still point at /artikel/ or /kontributor/: not a link, nav item, chip,
feed (its links and its self URL), sitemap entry, JSON-LD URL or breadcrumb, nor the
CDN purge that publishing an article sends.
"""

import json
import re
from collections import deque
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.contrib.auth import get_user_model
from django.test import Client, override_settings
from django.urls import reverse

from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from blog.models import ArticlePage, BlogIndexPage
from contributors.models import ContributorIndexPage
from tests.site_builder import article, category, contributor, kept_for_the_module
from tests.website.test_caching import edit_form

pytestmark = pytest.mark.django_db

OLD_PREFIXES = ("/artikel/", "/kontributor/")
INTERNAL_HOSTS = {"", "testserver"}
NOT_PUBLIC = ("/admin/", "/static/", "/media/", "/_util/")
PURGED = []


class RecordingBackend(BaseBackend):
    """A CDN that writes down what it is told to forget."""

    def purge(self, url):
        PURGED.append(url)


class LinkCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []
        self.json_ld = []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link") and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form" and attrs.get("action"):
            self.links.append(attrs["action"])
        self._in_json_ld = tag == "script" and attrs.get("type") == (
            "application/ld+json"
        )

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def json_urls(value):
    if isinstance(value, dict):
        return [url for item in value.values() for url in json_urls(item)]
    if isinstance(value, list):
        return [url for item in value for url in json_urls(item)]
    if isinstance(value, str) and value.startswith("http"):
        return [value]
    return []


def links_in(response, url):
    """Every URL the response names: <a>, <link>, forms, JSON-LD, feed and sitemap XML."""
    content = response.content.decode()
    if response["Content-Type"].startswith("text/html"):
        collector = LinkCollector()
        collector.feed(content)
        found = collector.links + [
            found for data in collector.json_ld for found in json_urls(data)
        ]
    else:
        found = re.findall(r"<(?:link|loc|guid)>([^<]+)</", content)
        found += re.findall(r'<atom:link[^>]*href="([^"]+)"', content)
        found += re.findall(r"^Sitemap: (\S+)$", content, re.MULTILINE)
    return [urljoin(url, link) for link in found]


def internal_path(url):
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in INTERNAL_HOSTS:
        return None
    if parts.path.startswith(NOT_PUBLIC) or "{" in url:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def walk(client, start_paths):
    """Follow every internal link from the start pages; {path: status}, and every URL seen."""
    statuses, seen_urls = {}, set()
    queue = deque(start_paths)
    while queue:
        path = queue.popleft()
        if path in statuses:
            continue
        response = client.get(path)
        statuses[path] = response.status_code
        if response.status_code != 200:
            continue
        for url in links_in(response, "http://testserver" + path):
            seen_urls.add(url)
            target = internal_path(url)
            if target is not None and target not in statuses:
                queue.append(target)
    return statuses, seen_urls


def rename(admin_browser, index, slug):
    response = admin_browser.post(
        reverse("wagtailadmin_pages:edit", args=[index.pk]),
        nested_form_data(
            {
                "title": index.title,
                "slug": slug,
                "intro": rich_text("<p>Semua tulisan komunitas.</p>"),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302
    return type(index).objects.get(pk=index.pk)


@pytest.fixture(scope="module", autouse=True)
def built_site(django_db_setup, django_db_blocker):
    """The site, its two sections renamed in the admin, built once for the module;
    every test of the module sees it, in whatever order it runs
    (tests/site_builder.py). The article's pictures are made by a first visit."""
    with kept_for_the_module(django_db_blocker):
        blog_index = BlogIndexPage.objects.get()
        contributor_index = ContributorIndexPage.objects.get()
        keuangan = category("Keuangan")
        writer = contributor(
            contributor_index, "Ayu Lestari", slug="ayu-lestari", photo=True
        )
        illustrator = contributor(contributor_index, "Sekar Ayu", slug="sekar-ayu")
        story = article(
            blog_index,
            title="Mengatur uang belanja",
            slug="uang-belanja",
            writers=[writer],
            illustrators=[illustrator],
            tags=["anggaran"],
            category=keuangan,
            hero=True,
        )
        article(
            blog_index,
            title="Amplop untuk setiap kebutuhan",
            slug="amplop",
            writers=[writer],
            tags=["anggaran"],
            category=keuangan,
            days=1,
        )
        # Not the `superuser` fixture's account, which a test may create for itself.
        editor = get_user_model().objects.create_superuser(
            username="redaksi-nama", email="nama@serambi.test", password="rahasia"
        )
        browser = Client()
        browser.force_login(editor)
        blog = rename(browser, blog_index, "tulisan")
        people = rename(browser, contributor_index, "penulis")
        assert Client().get("/tulisan/uang-belanja/").status_code == 200
        yield {"blog": blog, "people": people, "article": story, "writer": writer}


@pytest.fixture
def renamed_site(db, built_site):
    return {
        name: type(page).objects.get(pk=page.pk) for name, page in built_site.items()
    }


def test_the_admin_rename_is_published(renamed_site):
    assert BlogIndexPage.objects.get().url == "/tulisan/"
    assert ContributorIndexPage.objects.get().url == "/penulis/"
    assert renamed_site["article"].__class__.objects.get(
        pk=renamed_site["article"].pk
    ).url == ("/tulisan/uang-belanja/")


def test_every_link_from_home_follows_the_new_slugs(renamed_site):
    statuses, urls = walk(Client(), ["/", "/sitemap.xml", "/robots.txt"])

    old = sorted(url for url in urls if urlsplit(url).path.startswith(OLD_PREFIXES))
    assert old == []
    assert {path: status for path, status in statuses.items() if status != 200} == {}
    # The walk reached every kind of page from the home page alone.
    for path in [
        "/tulisan/",
        "/tulisan/uang-belanja/",
        "/tulisan/kategori/keuangan/",
        "/tulisan/tag/anggaran/",
        "/tulisan/feed/",
        "/tulisan/kategori/keuangan/feed/",
        "/penulis/",
        "/penulis/ayu-lestari/",
        "/penulis/ayu-lestari/feed/",
        "/sitemap.xml",
    ]:
        assert statuses[path] == 200, path


def test_structured_data_and_feeds_name_the_new_addresses(renamed_site):
    client = Client()
    article_html = client.get("/tulisan/uang-belanja/")
    collector = LinkCollector()
    collector.feed(article_html.content.decode())
    crumbs = next(
        data for data in collector.json_ld[0] if data["@type"] == "BreadcrumbList"
    )
    assert [item["item"] for item in crumbs["itemListElement"]] == [
        "http://testserver/",
        "http://testserver/tulisan/",
        "http://testserver/tulisan/kategori/keuangan/",
        "http://testserver/tulisan/uang-belanja/",
    ]

    feed = client.get("/tulisan/feed/").content.decode()
    assert "<link>http://testserver/tulisan/</link>" in feed
    assert 'href="http://testserver/tulisan/feed/"' in feed
    assert "/artikel/" not in feed and "/kontributor/" not in feed

    home = client.get("/").content.decode()
    assert 'href="/tulisan/"' in home and 'href="/penulis/"' in home
    assert 'href="/tulisan/feed/"' in home
    assert 'href="/tulisan/kategori/keuangan/"' in home


def test_the_cdn_purge_for_an_article_names_the_new_urls(
    admin_browser, renamed_site, django_capture_on_commit_callbacks
):
    story, writer = renamed_site["article"], renamed_site["writer"]
    PURGED.clear()
    cdn = {
        "recorder": {"BACKEND": "tests.website.test_renamed_sections.RecordingBackend"}
    }
    with (
        override_settings(WAGTAILFRONTENDCACHE=cdn),
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = admin_browser.post(
            reverse("wagtailadmin_pages:edit", args=[story.pk]),
            {
                **edit_form(story, writer, "Mengatur uang belanja bulanan"),
                "tags": "anggaran",
            },
        )
    assert response.status_code == 302
    assert ArticlePage.objects.get(pk=story.pk).title == "Mengatur uang belanja bulanan"

    purged = set(PURGED)
    assert {
        "http://testserver/tulisan/uang-belanja/",
        "http://testserver/tulisan/",
        "http://testserver/tulisan/feed/",
        "http://testserver/tulisan/kategori/keuangan/",
        "http://testserver/tulisan/tag/anggaran/",
        "http://testserver/tulisan/tag/anggaran/feed/",
        "http://testserver/penulis/ayu-lestari/",
        "http://testserver/penulis/ayu-lestari/feed/",
    } <= purged
    assert (
        sorted(url for url in purged if "/artikel/" in url or "/kontributor/" in url)
        == []
    )
