"""oEmbed for articles: discovery on the page, the endpoint at /oembed/, as the spec
(https://oembed.com/) says, and nothing more public than the article's own page."""

import re
from html import unescape
from urllib.parse import urlencode

from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest

from demo.factories import ArticlePageFactory
from tests.site_builder import PEN_NAME, REAL_NAME, article, contributor, image
from tests.site_builder import pen_name_writer as make_pen_name_writer

pytestmark = pytest.mark.django_db


def oembed(client, url, **params):
    return client.get(f"{reverse('oembed')}?{urlencode({'url': url, **params})}")


@pytest.fixture
def pen_name_writer(contributor_index):
    return make_pen_name_writer(contributor_index)


@pytest.fixture
def page(blog_index, pen_name_writer):
    return article(
        blog_index,
        writers=[pen_name_writer],
        title="Pagi tanpa teriakan 🌸",
        hero_image=image("hero", width=1600, height=900),
    )


def full_url(page):
    return f"http://testserver{page.url}"


def test_the_article_names_its_oembed_endpoint(client, page):
    markup = client.get(page.url).content.decode()

    link = re.search(
        r'<link rel="alternate" type="application/json\+oembed"[^>]*>', markup
    )
    assert link
    href = unescape(re.search(r'href="([^"]*)"', link.group(0)).group(1))
    discovered = client.get(href)
    assert discovered.status_code == 200
    assert discovered.json()["title"] == "Pagi tanpa teriakan 🌸"


def test_the_endpoint_describes_the_article_with_public_names_only(client, page):
    response = oembed(client, full_url(page))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["version"] == "1.0"
    assert data["type"] == "link"
    assert data["title"] == "Pagi tanpa teriakan 🌸"
    assert data["author_name"] == PEN_NAME
    assert data["provider_name"] == "Serambi"
    assert data["thumbnail_url"].startswith("http://testserver/media/")
    assert (data["thumbnail_width"], data["thumbnail_height"]) == (1200, 630)
    assert REAL_NAME not in response.content.decode()


def test_the_thumbnail_keeps_within_maxwidth_and_maxheight(client, page):
    data = oembed(client, full_url(page), maxwidth=700, maxheight=400).json()
    assert data["thumbnail_width"] <= 700
    assert data["thumbnail_height"] <= 400

    tiny = oembed(client, full_url(page), maxwidth=100).json()
    assert "thumbnail_url" not in tiny
    assert tiny["title"] == "Pagi tanpa teriakan 🌸"


def test_xml_is_not_implemented(client, page):
    assert oembed(client, full_url(page), format="xml").status_code == 501


def test_a_missing_address_or_a_bad_size_is_a_clear_400(client, page):
    missing = client.get(reverse("oembed"))
    bad = oembed(client, full_url(page), maxwidth="lebar")

    assert missing.status_code == 400
    assert "url" in missing.content.decode()
    assert bad.status_code == 400
    assert "maxwidth" in bad.content.decode()


def test_nothing_but_a_public_live_article_is_described(
    client, page, blog_index, pen_name_writer
):
    draft = ArticlePageFactory(parent=blog_index, title="Draf", slug="draf", live=False)
    locked = article(blog_index, writers=[pen_name_writer], title="Terkunci")
    PageViewRestriction.objects.create(
        page=locked, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )

    for url in (
        "http://testserver/artikel/tidak-ada/",
        f"http://testserver{blog_index.url}draf/",
        full_url(locked),
        full_url(pen_name_writer),
        full_url(blog_index),
        f"https://elsewhere.example{page.url}",
        "javascript:alert(1)",
    ):
        assert oembed(client, url).status_code == 404, url
    assert not draft.live


def test_an_unicode_address_is_found(client, blog_index, contributor_index):
    writer = contributor(contributor_index, "Zoë Pérez")
    page = article(blog_index, writers=[writer], slug="pérez-di-bandung")

    assert oembed(client, full_url(page)).json()["author_name"] == "Zoë Pérez"
