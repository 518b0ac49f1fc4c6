"""Pictures for phones on mobile data: every content image is a <picture> with AVIF,
WebP and a JPEG fallback, sized for 375–1280 px screens, with its width and height,
lazy below the fold; the renditions are really AVIF and carry no metadata."""

import re

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from PIL import Image as PILImage
from PIL import features

from images.privacy import find_metadata
from tests.site_builder import article, contributor, image

pytestmark = pytest.mark.django_db

PICTURE = re.compile(r"<picture>(.*?)</picture>", re.S)


def pictures(html, after):
    """The <picture> elements that follow the marker `after` in the page."""
    return PICTURE.findall(html[html.index(after) :])


def assert_responsive_picture(picture, *, sizes, lazy):
    avif, webp = re.findall(r"<source ([^>]*)>", picture)
    img = re.search(r"<img ([^>]*)>", picture).group(1)
    assert 'type="image/avif"' in avif
    assert 'type="image/webp"' in webp
    for source in (avif, webp):
        assert f'sizes="{sizes}"' in source
        assert re.search(r'srcset="[^"]+ \d+w, ', source)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert re.search(r'srcset="[^"]+\.jpg \d+w, ', img)
    assert f'sizes="{sizes}"' in img
    assert re.search(r'width="\d+"', img)
    assert re.search(r'height="\d+"', img)
    assert ('loading="lazy"' in img) is lazy
    return avif, webp, img


@pytest.fixture
def writer(contributor_index):
    # Large enough for every size asked for: a smaller image gets one candidate per
    # width it really has (tests/website/test_broken_images.py).
    return contributor(
        contributor_index,
        "Sri Wahyuni",
        photo=image("foto", width=400, height=400),
        short_bio="Ibu dua anak.",
    )


@pytest.fixture
def photo_article(blog_index, writer):
    body_image = image("tubuh", width=1400, height=900)
    return article(
        blog_index,
        writers=[writer],
        hero_image=image("hero", width=1300, height=800),
        title="Teras rumah kami",
        body=[
            ("paragraph", "<p>Pagi di teras.</p>"),
            ("image", {"image": body_image, "caption": "Teras pagi hari"}),
        ],
    )


def test_pillow_writes_avif():
    assert features.check("avif")


def test_article_hero_body_image_and_bio_card(client, photo_article):
    html = client.get(photo_article.url).content.decode()

    (hero, *_rest) = pictures(html, '<figure class="hero">')
    _, _, img = assert_responsive_picture(
        hero, sizes="(min-width: 66rem) 60rem, 100vw", lazy=False
    )
    assert 'fetchpriority="high"' in img

    (body, *_rest) = pictures(html, '<figure class="body-image">')
    assert_responsive_picture(body, sizes="(min-width: 44rem) 42rem, 100vw", lazy=True)
    # A 1400 px original gives 400, 800 and 1200 px files in each format.
    assert re.findall(r"(\d+)w", body.split("<img")[1]) == ["400", "800", "1200"]

    (bio, *_rest) = pictures(html, '<section class="bio-card"')
    assert_responsive_picture(bio, sizes="5rem", lazy=True)


def test_og_image_stays_one_jpeg(client, photo_article):
    html = client.get(photo_article.url).content.decode()

    (og,) = re.findall(r'<meta property="og:image" content="([^"]+)">', html)
    assert og.endswith(".jpg")


def test_cards_are_lazy_after_the_first(client, blog_index, writer):
    for day in range(2):
        article(
            blog_index,
            writers=[writer],
            hero_image=image("hero", width=900, height=500),
            days=day,
        )

    html = client.get(blog_index.url).content.decode()

    first, second = pictures(html, '<div class="card-grid">')[:2]
    sizes = "(min-width: 70rem) 22rem, (min-width: 40rem) 45vw, 100vw"
    _, _, img = assert_responsive_picture(first, sizes=sizes, lazy=False)
    assert 'loading="eager"' in img
    assert_responsive_picture(second, sizes=sizes, lazy=True)


def test_person_cards_and_profile_photo(client, contributor_index, writer):
    index_html = client.get(contributor_index.url).content.decode()
    (card, *_rest) = pictures(index_html, '<li class="person">')
    assert_responsive_picture(card, sizes="4rem", lazy=True)

    profile_html = client.get(writer.url).content.decode()
    (profile, *_rest) = pictures(profile_html, '<header class="profile__header">')
    _, _, img = assert_responsive_picture(profile, sizes="7.5rem", lazy=False)
    assert 'fetchpriority="high"' in img


def test_avif_renditions_are_avif_without_metadata(client, photo_article):
    client.get(photo_article.url)

    hero = photo_article.hero_image
    renditions = [r for r in hero.renditions.all() if "format-avif" in r.filter_spec]
    assert renditions
    for rendition in renditions:
        with rendition.file.open("rb") as handle:
            content = handle.read()
        assert content[4:12] == b"ftypavif"
        assert PILImage.open(rendition.file.path).format == "AVIF"
        assert find_metadata(content) == []


def test_body_images_cost_no_query_per_image(
    client, blog_index, writer, django_assert_num_queries
):
    def with_images(count):
        images = [image(f"isi{n}", width=900, height=600) for n in range(count)]
        page = article(
            blog_index,
            writers=[writer],
            body=[("image", {"image": i, "caption": ""}) for i in images],
        )
        client.get(page.url)  # renditions exist, as on a live site
        cache.clear()
        return page

    one, three = with_images(1), with_images(3)
    with CaptureQueriesContext(connection) as queries_for_one:
        assert client.get(one.url).status_code == 200
    cache.clear()
    # Three body images cost what one does: images in one query, renditions in one.
    with django_assert_num_queries(len(queries_for_one)):
        assert client.get(three.url).status_code == 200
