"""Images whose file is gone or is no image, and images smaller than the sizes asked for.

A file lost from media (a move, a restore without media) or an upload that is not
really an image answered 500 on the article, on every listing showing its card and
on the writer's page. Small images listed the same width twice in a srcset, which
HTML forbids; and every <time datetime> carried microseconds, which HTML refuses too.
"""

import json
import re
from html.parser import HTMLParser

from django.core.files.base import ContentFile

import pytest

from tests.site_builder import article, contributor, image

pytestmark = pytest.mark.django_db

VALID_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


class Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.srcsets, self.datetimes, self.json_ld, self.meta = [], [], [], {}
        self._script = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "srcset" in attrs:
            self.srcsets.append(attrs["srcset"])
        if tag == "time":
            self.datetimes.append(attrs.get("datetime"))
        if tag == "meta" and (attrs.get("property") or attrs.get("name")):
            self.meta[attrs.get("property") or attrs.get("name")] = attrs.get("content")
        if tag == "script" and attrs.get("type") == "application/ld+json":
            self._script = []

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.json_ld.extend(json.loads("".join(self._script)))
            self._script = None


def collect(response):
    assert response.status_code == 200
    collector = Collector()
    collector.feed(response.content.decode())
    return collector


def missing_file(name="hilang"):
    picture = image(name, width=800, height=500)
    picture.file.storage.delete(picture.file.name)
    return picture


def not_an_image(name="rusak"):
    picture = image(name, width=800, height=500)
    storage, file_name = picture.file.storage, picture.file.name
    storage.delete(file_name)
    storage.save(file_name, ContentFile(b"\x89PNG\r\n\x1a\n but no picture here"))
    return picture


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari")


@pytest.mark.parametrize("broken", [missing_file, not_an_image])
def test_an_article_whose_illustration_is_broken_still_opens(
    client, blog_index, writer, broken
):
    hero = broken()
    page = article(
        blog_index,
        writers=[writer],
        hero_image=hero,
        body=[("image", {"image": broken("isi"), "caption": "Di dalam isi"})],
    )

    html = collect(client.get(page.url))

    assert "og:image" not in html.meta
    assert not any("not-found" in srcset for srcset in html.srcsets)
    structured = next(item for item in html.json_ld if item["@type"] == "Article")
    assert structured["image"] == ["http://testserver/static/images/serambi-share.png"]
    assert "Di dalam isi" in client.get(page.url).content.decode()


@pytest.mark.parametrize("broken", [missing_file, not_an_image])
def test_listings_and_the_writers_page_survive_a_broken_image(
    client, blog_index, contributor_index, broken
):
    writer = contributor(contributor_index, "Sri", photo=broken("foto"))
    article(blog_index, writers=[writer], hero_image=broken(), title="Kartu")

    for url in ("/", blog_index.url, contributor_index.url, writer.url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "not-found" not in response.content.decode(), url


def test_a_small_image_lists_each_width_once(client, blog_index, writer):
    small = image("kecil", width=120, height=80)
    page = article(
        blog_index,
        writers=[writer],
        hero_image=small,
        body=[("image", {"image": small, "caption": ""})],
    )

    for url in (page.url, blog_index.url):
        for srcset in collect(client.get(url)).srcsets:
            widths = [candidate.split()[-1] for candidate in srcset.split(", ")]
            assert len(widths) == len(set(widths)), srcset
            assert all(width.endswith("w") for width in widths), srcset


def test_time_elements_carry_a_valid_html_datetime(client, blog_index, writer):
    page = article(blog_index, writers=[writer], title="Pagi")
    # The admin stamps publication times with microseconds.
    type(page).objects.filter(pk=page.pk).update(
        first_published_at=page.first_published_at.replace(microsecond=123456)
    )

    for url in (page.url, blog_index.url, "/cari/?q=Pagi"):
        datetimes = collect(client.get(url)).datetimes
        assert datetimes, url
        assert all(VALID_DATETIME.match(value) for value in datetimes), datetimes
