"""RSS feeds: the whole blog, one category, one contributor; credits in every item."""

import xml.etree.ElementTree as ET

from wagtail.models import PageViewRestriction

import pytest

from blog.models import FEED_ITEMS
from demo.factories import ArticlePageFactory
from tests.site_builder import article, category, contributor, pen_name_writer

pytestmark = pytest.mark.django_db

DC_CREATOR = "{http://purl.org/dc/elements/1.1/}creator"


def items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)  # noqa: S314 - our own feed
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel"), root.findall("channel/item")


@pytest.fixture
def people(contributor_index):
    return {
        "ayu": contributor(contributor_index, "Ayu Lestari", slug="ayu-lestari"),
        "bunga": pen_name_writer(contributor_index),
        "dewi": contributor(contributor_index, "Dewi Anggraini"),
    }


def test_blog_feed_items_carry_full_credits(client, blog_index, people):
    page = article(
        blog_index,
        title="Mengatur uang belanja",
        excerpt="Mencatat setiap rupiah.",
        writers=[people["ayu"], people["bunga"]],
        illustrators=[people["dewi"]],
        category=category("Keuangan"),
    )

    channel, (item,) = items(client, "/artikel/feed/")

    assert channel.findtext("link") == "http://testserver/artikel/"
    assert item.findtext("title") == "Mengatur uang belanja"
    assert item.findtext("link") == f"http://testserver{page.url}"
    assert item.findtext("pubDate")
    assert item.findtext("category") == "Keuangan"
    description = item.findtext("description")
    assert "Mencatat setiap rupiah." in description
    assert (
        "Penulis: Ayu Lestari dan Bunga Senja · Ilustrator: Dewi Anggraini"
        in description
    )
    assert [c.text for c in item.findall(DC_CREATOR)] == ["Ayu Lestari", "Bunga Senja"]


def test_feeds_never_name_a_hidden_real_name(client, blog_index, people):
    article(blog_index, writers=[people["bunga"]])

    for url in ("/artikel/feed/", f"{people['bunga'].url}feed/"):
        body = client.get(url).content.decode()
        assert "Bunga Senja" in body
        assert "Siti Rahmawati" not in body


def test_feed_is_newest_first_and_bounded(client, blog_index, people):
    for day in range(FEED_ITEMS + 2):
        article(blog_index, writers=[people["ayu"]], days=day, title=f"Hari {day}")

    _, feed_items = items(client, "/artikel/feed/")

    assert len(feed_items) == FEED_ITEMS
    assert feed_items[0].findtext("title") == f"Hari {FEED_ITEMS + 1}"


def test_feeds_leave_out_drafts_unpublished_and_private(client, blog_index, people):
    keluarga = category("Keluarga")
    article(blog_index, writers=[people["ayu"]], category=keluarga, title="Terbit")
    draft = ArticlePageFactory(
        parent=blog_index, live=False, category=keluarga, title="Draf"
    )
    draft.credits.create(contributor=people["ayu"], role="writer")
    gone = article(
        blog_index, writers=[people["ayu"]], category=keluarga, title="Ditarik"
    )
    gone.unpublish()
    private = article(
        blog_index, writers=[people["ayu"]], category=keluarga, title="Rahasia"
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )

    for url in (
        "/artikel/feed/",
        "/artikel/kategori/keluarga/feed/",
        f"{people['ayu'].url}feed/",
    ):
        _, feed_items = items(client, url)
        assert [i.findtext("title") for i in feed_items] == ["Terbit"], url


def test_category_feed(client, blog_index, people):
    keluarga = category("Keluarga")
    article(blog_index, writers=[people["ayu"]], category=keluarga, title="Makan")
    article(blog_index, writers=[people["ayu"]], title="Lain")

    channel, feed_items = items(client, "/artikel/kategori/keluarga/feed/")

    assert [i.findtext("title") for i in feed_items] == ["Makan"]
    assert "Keluarga" in channel.findtext("title")
    assert channel.findtext("link") == "http://testserver/artikel/kategori/keluarga/"


def test_tag_feed(client, blog_index, people):
    article(blog_index, writers=[people["ayu"]], tags=["anggaran"], title="Belanja")
    article(blog_index, writers=[people["ayu"]], title="Lain")

    _, feed_items = items(client, "/artikel/tag/anggaran/feed/")

    assert [i.findtext("title") for i in feed_items] == ["Belanja"]


def test_contributor_feed_has_her_work_in_any_role(client, blog_index, people):
    article(blog_index, writers=[people["dewi"]], title="Tulisan Dewi", days=1)
    article(
        blog_index,
        writers=[people["ayu"]],
        illustrators=[people["dewi"]],
        title="Gambar Dewi",
        days=2,
    )
    article(blog_index, writers=[people["ayu"]], title="Bukan karya Dewi")

    channel, feed_items = items(client, f"{people['dewi'].url}feed/")

    assert [i.findtext("title") for i in feed_items] == ["Gambar Dewi", "Tulisan Dewi"]
    assert "Dewi Anggraini" in channel.findtext("title")


def test_listing_pages_name_their_feed(client, blog_index, people):
    article(blog_index, writers=[people["ayu"]], category=category("Keluarga"))

    index_html = client.get("/artikel/").content.decode()
    profile = client.get(people["ayu"].url)

    assert 'type="application/rss+xml"' in index_html
    assert "/artikel/feed/" in index_html
    assert profile.context["feed_url"] == f"{people['ayu'].url}feed/"
    assert f"{people['ayu'].url}feed/" in profile.content.decode()
