"""What readers, crawlers and chat apps get from the public pages' HTML."""

import gzip
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.test import Client, RequestFactory

import pytest
from PIL import Image

from demo.factories import ArticlePageFactory
from tests.site_builder import (
    PEN_NAME,
    REAL_NAME,
    build_public_site_in_place,
    kept_for_the_module,
    reloaded,
)
from website import views

pytestmark = pytest.mark.django_db


class Document(HTMLParser):
    """Just enough of the DOM for these tests: tags with attributes, headings, text."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.elements = []
        self.headings = []
        self.text = []
        self._heading = None
        self._skip = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        if tag in {"script", "style"}:
            self._skip += 1

    def handle_endtag(self, tag):
        if re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None
        if tag in {"script", "style"}:
            self._skip -= 1

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data
        if not self._skip:
            self.text.append(data)

    def find_all(self, tag, **attrs):
        return [
            a
            for t, a in self.elements
            if t == tag and all(a.get(k) == v for k, v in attrs.items())
        ]

    def meta(self, key):
        for _tag, attrs in self.elements:
            if _tag == "meta" and key in (attrs.get("name"), attrs.get("property")):
                return attrs.get("content")
        return None

    @property
    def plain_text(self):
        return " ".join(" ".join(self.text).split())


def json_ld_blocks(html):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S
    )
    items = []
    for block in blocks:
        data = json.loads(block)
        items.extend(data if isinstance(data, list) else [data])
    return items


@pytest.fixture(scope="module", autouse=True)
def built_site(django_db_setup, django_db_blocker):
    """The public site, built once for the module with its article's renditions made
    (a first visit). Every test of the module sees it, in whatever order a worker
    runs them (the listing's own thirteen articles come on top of its four)."""
    with kept_for_the_module(django_db_blocker):
        site = build_public_site_in_place()
        assert Client().get(site.article.url).status_code == 200
        yield site


@pytest.fixture
def site(db, built_site):
    return reloaded(built_site)


@pytest.fixture
def article_response(client, site):
    response = client.get(site.article.url)
    assert response.status_code == 200
    return response


@pytest.fixture
def article_doc(article_response):
    return Document(article_response.content.decode())


def test_every_public_page_declares_indonesian(client, site):
    for url in [
        "/",
        "/artikel/",
        site.article.url,
        "/kontributor/",
        site.writer.url,
        "/cari/?q=uang",
    ]:
        html = client.get(url).content.decode()
        assert '<html lang="id">' in html, url


def test_article_meta_description_and_canonical(article_doc, site):
    assert article_doc.meta("description") == site.article.excerpt
    canonical = article_doc.find_all("link", rel="canonical")
    assert canonical == [
        {"rel": "canonical", "href": "http://testserver/artikel/mengatur-uang-belanja/"}
    ]
    assert article_doc.meta("og:url") == canonical[0]["href"]
    assert article_doc.meta("og:type") == "article"
    assert article_doc.meta("twitter:card") == "summary_large_image"


def test_og_image_is_an_absolute_1200_by_630_rendition(client, article_doc, site):
    url = article_doc.meta("og:image")
    assert url.startswith("http://testserver/media/images/")
    assert (
        article_doc.meta("og:image:width"),
        article_doc.meta("og:image:height"),
    ) == (
        "1200",
        "630",
    )
    # What a chat app fetches for the preview: a real 1200×630 picture.
    served = client.get(urlparse(url).path)
    assert served.status_code == 200
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as picture:
        assert picture.size == (1200, 630)
    assert article_doc.meta("og:image:alt") == site.article.hero_image.description


def test_article_json_ld_names_writers_as_authors(article_response, site):
    items = json_ld_blocks(article_response.content.decode())
    article = next(item for item in items if item["@type"] == "Article")
    assert article["headline"] == site.article.title
    assert [a["name"] for a in article["author"]] == ["Ayu Lestari", PEN_NAME]
    assert [c["name"] for c in article["contributor"]] == ["Dewi Anggraini"]
    assert article["author"][0]["url"] == "http://testserver/kontributor/ayu-lestari/"
    assert article["publisher"]["name"] == "Serambi"
    assert article["datePublished"].startswith("2026-08-17T09:30:00")
    assert "dateModified" in article
    assert article["image"][0].startswith("http://testserver/media/images/")
    crumbs = next(item for item in items if item["@type"] == "BreadcrumbList")
    assert [c["name"] for c in crumbs["itemListElement"]] == [
        "Beranda",
        "Artikel",
        "Keuangan keluarga",
        site.article.title,
    ]


def test_json_ld_cannot_be_closed_by_a_title(client, site):
    site.article.title = "Judul </script><script>alert(1)</script>"
    site.article.save()
    html = client.get(site.article.url).content.decode()
    assert "<script>alert(1)" not in html
    article = next(i for i in json_ld_blocks(html) if i["@type"] == "Article")
    assert article["headline"] == "Judul </script><script>alert(1)</script>"


def test_byline_date_and_reading_time_in_indonesian(article_doc):
    text = article_doc.plain_text
    assert "Oleh Ayu Lestari dan Bunga Senja" in text
    assert "17 Agustus 2026" in text
    assert re.search(r"\b\d+ menit baca\b", text)


def test_credits_block_lists_every_role_in_order(article_doc):
    text = article_doc.plain_text
    writers = text.index("Penulis: Ayu Lestari dan Bunga Senja")
    illustrator = text.index("Ilustrator: Dewi Anggraini")
    assert writers < illustrator
    assert text.index("#anggaran") < writers  # tags come before the credits


def test_bio_card_for_each_writer_with_photo_unless_pen_name(article_response, site):
    html = article_response.content.decode()
    cards = re.findall(r'<section class="bio-card".*?</section>', html, flags=re.S)
    assert len(cards) == 2
    ayu, bunga = cards
    assert "Ayu Lestari" in ayu and site.writer.short_bio in ayu
    assert 'href="/kontributor/ayu-lestari/"' in ayu
    assert "<img" in ayu
    assert PEN_NAME in bunga and "<img" not in bunga
    assert 'href="/kontributor/bunga-senja/"' in bunga


def test_pen_name_hides_real_name_and_photo_everywhere(client, site):
    photo_stem = "foto-rahasia"
    for url in [
        site.article.url,
        site.pen_name_writer.url,
        "/kontributor/",
        "/artikel/",
        "/cari/?q=Bunga",
    ]:
        html = client.get(url).content.decode()
        assert REAL_NAME not in html, url
        assert photo_stem not in html, url
    assert PEN_NAME in client.get(site.pen_name_writer.url).content.decode()


def test_images_are_responsive_webp_with_dimensions_and_alt(article_doc, site):
    images = article_doc.find_all("img")
    assert images
    hero, *others = images
    assert hero["alt"] == site.article.hero_image.description
    assert hero["fetchpriority"] == "high"
    assert "loading" not in hero
    assert hero["src"].endswith(".jpg")  # the JPEG fallback of its <picture>
    assert len(hero["srcset"].split(",")) >= 3
    assert "sizes" in hero
    for img in images:
        assert "alt" in img
        assert img["width"].isdigit() and img["height"].isdigit()
    for img in others:
        assert img["loading"] == "lazy"


def test_hero_credit_is_shown_under_the_illustration(article_response):
    html = article_response.content.decode()
    assert re.search(
        r'<figure class="hero">.*<figcaption>Ilustrasi: Dewi Anggraini</figcaption>',
        html,
        flags=re.S,
    )


def test_share_links_put_whatsapp_first(article_doc, site):
    links = [
        a["href"]
        for a in article_doc.find_all("a")
        if "share__link" in a.get("class", "")
    ]
    assert urlparse(links[0]).netloc == "wa.me"
    text = parse_qs(urlparse(links[0]).query)["text"][0]
    assert text == f"{site.article.title} http://testserver{site.article.url}"
    assert [urlparse(link).netloc for link in links[1:]] == [
        "www.facebook.com",
        "x.com",
    ]
    # The copy and native share buttons wait for JavaScript to reveal them.
    buttons = article_doc.find_all("button")
    assert {"data-copy-url", "hidden"} <= set(buttons[0])
    assert {"data-native-share", "hidden"} <= set(buttons[1])


def test_one_h1_and_no_skipped_heading_levels(client, site):
    for url in ["/", "/artikel/", site.article.url, "/kontributor/", site.writer.url]:
        levels = [
            level
            for level, _text in Document(client.get(url).content.decode()).headings
        ]
        assert levels.count(1) == 1 and levels[0] == 1, url
        for previous, current in zip(levels, levels[1:], strict=False):
            assert current <= previous + 1, (url, levels)


def test_feeds_are_announced(article_doc):
    feeds = article_doc.find_all("link", rel="alternate", type="application/rss+xml")
    assert "/artikel/feed/" in [feed["href"] for feed in feeds]


def test_related_articles_show_up_to_three(article_doc, site):
    assert "Baca juga" in [t for _level, t in article_doc.headings]
    titles = [t for _level, t in article_doc.headings if t.startswith("Tulisan lain")]
    # The three others share its category, newest first.
    assert titles == [other.title for other in site.others]


def test_article_page_weighs_under_50_kb_compressed(article_response):
    html = article_response.content
    total = len(gzip.compress(html))
    static_paths = re.findall(
        rf'(?:href|src)="{settings.STATIC_URL}([^"]+\.(?:css|js))"', html.decode()
    )
    assert {"css/serambi.css", "js/serambi.js"} <= set(static_paths)
    for path in static_paths:
        source = settings.BASE_DIR / "static" / path
        total += len(gzip.compress(source.read_bytes()))
    assert total < 50 * 1024


def test_home_shows_featured_article_and_invitation(client, site, home_page):
    home_page.invitation_text = "Kirim ceritamu, kami bantu menyunting."
    home_page.save()
    doc = Document(client.get("/").content.decode())
    assert site.article.title in [t for _level, t in doc.headings]
    assert "Kirim ceritamu, kami bantu menyunting." in doc.plain_text
    assert any(
        item["@type"] == "WebSite"
        for item in json_ld_blocks(client.get("/").content.decode())
    )


def test_contributor_page_lists_writing_and_illustration_apart(client, site):
    doc = Document(client.get(site.illustrator.url).content.decode())
    headings = [t for _level, t in doc.headings]
    assert "Ilustrasi" in headings
    assert "Tulisan" not in headings
    doc = Document(client.get(site.writer.url).content.decode())
    assert "Tulisan" in [t for _level, t in doc.headings]
    assert "https://instagram.com/ayu.menulis" in [
        a.get("href") for a in doc.find_all("a")
    ]


def test_listing_paginates_with_numbers_and_prev_next(client, blog_index):
    for number in range(13):
        ArticlePageFactory(parent=blog_index, title=f"Artikel {number}")
    first = client.get("/artikel/").content.decode()
    assert 'rel="next" href="?page=2"' in first
    assert 'aria-current="page"' in first
    second = client.get("/artikel/?page=2").content.decode()
    assert 'rel="prev" href="?page=1"' in second
    assert '<link rel="canonical" href="http://testserver/artikel/?page=2">' in second
    assert 'aria-label="Navigasi halaman"' in second


def test_search_escapes_the_query(client, site):
    response = client.get("/cari/", {"q": '<script>alert("x")</script>'})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    assert '<meta name="robots" content="noindex, follow">' in html


def test_search_keeps_the_query_and_counts(client, site):
    doc = Document(client.get("/cari/", {"q": "uang"}).content.decode())
    assert doc.find_all("input", name="q")[0]["value"] == "uang"
    assert re.search(r"\b\d+ hasil untuk “uang”", doc.plain_text)


def test_search_without_results_offers_a_way_on(client, site):
    doc = Document(client.get("/cari/", {"q": "zzzxqy"}).content.decode())
    assert "0 hasil untuk “zzzxqy”" in doc.plain_text
    hrefs = [a.get("href") for a in doc.find_all("a")]
    assert "/artikel/" in hrefs
    assert f"/artikel/kategori/{site.category.slug}/" in hrefs
    assert site.article.title in [text for _level, text in doc.headings]


def test_404_is_indonesian_in_the_site_layout(client, home_page):
    response = client.get("/tidak-ada-halaman-ini/")
    assert response.status_code == 404
    doc = Document(response.content.decode())
    assert [t for level, t in doc.headings if level == 1] == ["Halaman tidak ditemukan"]
    assert doc.find_all("nav", **{"aria-label": "Navigasi utama"})
    assert doc.find_all("html", lang="id")


def test_500_renders_without_request_or_database(django_assert_num_queries):
    request = RequestFactory().get("/")
    with django_assert_num_queries(0):
        response = views.server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="id">' in html
    assert "Maaf, terjadi kesalahan" in html
    assert "<style>" in html
