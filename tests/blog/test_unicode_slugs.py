"""Tags and categories with slugs that are not ASCII, as the admin and imports make them.

Typing "Pérez" as a tag gives it the slug "pérez" (taggit keeps unicode); the tag
route accepted ASCII only, so every article carrying it answered 500, its tag page
was unreachable, and the article's URL was in sitemap.xml all the same. A tag of
emoji only ("🌸") got an empty slug, which no URL can carry.
"""

import importlib
from urllib.parse import quote

from django.apps import apps

from taggit.models import Tag

import pytest

from demo.factories import CategoryFactory
from tests.site_builder import article, contributor

pytestmark = pytest.mark.django_db


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Zoë Pérez")


def tag_url(blog_index, slug):
    return f"{blog_index.url}tag/{quote(slug)}/"


def test_an_article_with_an_accented_tag_opens_and_links_to_its_tag(
    client, blog_index, writer
):
    page = article(blog_index, writers=[writer], tags=["Pérez"], title="Cerita Pérez")

    response = client.get(page.url)

    assert response.status_code == 200
    assert Tag.objects.get(name="Pérez").slug == "pérez"
    assert f'href="{tag_url(blog_index, "pérez")}"' in response.content.decode()


def test_the_accented_tag_has_its_listing_and_its_feed(client, blog_index, writer):
    article(blog_index, writers=[writer], tags=["Pérez"], title="Cerita Pérez")

    listing = client.get(tag_url(blog_index, "pérez"))
    feed = client.get(tag_url(blog_index, "pérez") + "feed/")

    assert listing.status_code == 200
    assert "Cerita Pérez" in listing.content.decode()
    assert feed.status_code == 200
    assert "Cerita Pérez" in feed.content.decode()


def test_a_tag_of_emoji_only_gets_a_slug_its_listing_can_be_reached_by(
    client, blog_index, writer
):
    page = article(blog_index, writers=[writer], tags=["🌸", "🌧️"], title="Bunga")

    slugs = sorted(
        Tag.objects.filter(name__in=["🌸", "🌧️"]).values_list("slug", flat=True)
    )

    assert slugs == ["tag", "tag-2"]
    assert client.get(page.url).status_code == 200
    listing = client.get(tag_url(blog_index, "tag-2"))
    assert listing.status_code == 200
    assert "Bunga" in listing.content.decode()


def test_a_category_with_a_unicode_slug_has_its_listing(client, blog_index, writer):
    category = CategoryFactory(name="Pérez & Ñoño", slug="pérez-ñoño")
    page = article(blog_index, writers=[writer], category=category, title="Di Ñoño")

    listing = client.get(f"{blog_index.url}kategori/{quote('pérez-ñoño')}/")

    assert client.get(page.url).status_code == 200
    assert listing.status_code == 200
    assert "Di Ñoño" in listing.content.decode()
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get(blog_index.url).status_code == 200


def test_the_migration_gives_tags_without_a_usable_slug_one(blog_index, writer):
    article(blog_index, writers=[writer], tags=["🌸", "Pérez", "a b"])
    # As left by taggit before the fix, or set by hand.
    Tag.objects.filter(name="🌸").update(slug="")
    Tag.objects.filter(name="a b").update(slug="a b")

    migration = importlib.import_module("blog.migrations.0011_routable_tag_slugs")
    migration.give_tags_routable_slugs(apps, None)

    assert dict(Tag.objects.values_list("name", "slug")) == {
        "🌸": "tag",
        "Pérez": "pérez",
        "a b": "a-b",
    }
