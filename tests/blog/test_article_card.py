"""The article card ({% article_card %}) as readers meet it on the listing, the home
page and under an article: what it names, links and shows, and its picture."""

import re
from zoneinfo import ZoneInfo

import pytest

from blog.models import BlogIndexPage
from contributors.models import ContributorIndexPage
from tests.site_builder import (
    PEN_NAME,
    REAL_NAME,
    article,
    category,
    contributor,
    image,
    pen_name_writer,
)

pytestmark = pytest.mark.django_db

CARD = re.compile(r'<article class="card">.*?</article>', re.S)


@pytest.fixture
def listed():
    people = ContributorIndexPage.objects.get()
    ayu = contributor(people, "Ayu & Rani")
    bunga = pen_name_writer(people)
    keuangan = category("Keuangan")
    blog = BlogIndexPage.objects.get()
    long_summary = " ".join(f"kata{n}" for n in range(40))
    older = article(
        blog,
        title="Dana darurat dari sepuluh ribu",
        writers=[ayu],
        category=keuangan,
        excerpt=long_summary,
        days=1,
    )
    newest = article(
        blog,
        title="Anggaran <amplop> untuk sebulan",
        writers=[ayu, bunga],
        category=keuangan,
        excerpt="Satu amplop untuk setiap kebutuhan.",
        content_note="perceraian",
        hero_image=image("amplop", width=1600, height=900),
        days=2,
    )
    return newest, older


def cards(html):
    return CARD.findall(html)


def test_a_card_names_links_and_dates_its_article(client, listed):
    newest, older = listed
    first, second = cards(client.get("/artikel/").content.decode())

    assert (
        f'<h2 class="card__title"><a href="{newest.url}">'
        "Anggaran &lt;amplop&gt; untuk sebulan</a></h2>"
    ) in first
    assert '<p class="card__kicker">Keuangan</p>' in first
    assert '<p class="card__note">Catatan konten: perceraian</p>' in first
    assert '<p class="card__summary">Satu amplop untuk setiap kebutuhan.</p>' in first
    # Her public names only, escaped, in a sentence; never a real name kept private.
    assert f"<span>Ayu &amp; Rani dan {PEN_NAME}</span> · " in first
    assert REAL_NAME not in first
    published = newest.first_published_at.astimezone(ZoneInfo("Asia/Jakarta"))
    assert (
        f'<time datetime="{published.replace(microsecond=0).isoformat()}">'
        f"{published.day} Januari 2026</time>"
    ) in first
    # A long summary stops at 32 words.
    summary = re.search(r'<p class="card__summary">(.*?)</p>', second).group(1)
    assert summary.split() == [f"kata{n}" for n in range(32)] + ["…"]
    assert older.url in second


def test_the_picture_offers_small_formats_first_and_loads_lazily_below_the_top(
    client, listed
):
    newest, _older = listed
    html = client.get("/artikel/").content.decode()
    first = cards(html)[0]

    sources = re.findall(
        r'<source sizes="[^"]+" srcset="([^"]+)" type="([^"]+)">', first
    )
    assert [kind for _srcset, kind in sources] == ["image/avif", "image/webp"]
    for srcset, _kind in sources:
        assert [entry.split()[-1] for entry in srcset.split(", ")] == ["400w", "800w"]
    img = re.search(r"<img[^>]*>", first).group(0)
    assert 'sizes="(min-width: 70rem) 22rem, (min-width: 40rem) 45vw, 100vw"' in img
    assert 'height="225"' in img
    assert 'width="400"' in img
    assert "fill-400x225.format-jpeg.jpg 400w" in img
    # The first card of the listing is at the top of a phone's screen.
    assert 'loading="eager"' in img
    assert 'decoding="async"' in img
    # On the home page it is a smaller heading, and lazy below the first.
    home = cards(client.get("/").content.decode())
    assert all('class="card__title"' in card for card in home)
    assert '<h3 class="card__title">' in home[0]


def test_a_category_listing_leaves_out_the_kicker(client, listed):
    html = client.get("/artikel/kategori/keuangan/").content.decode()

    assert len(cards(html)) == 2
    assert "card__kicker" not in html


def test_a_card_without_a_usable_picture_still_shows(client, listed):
    newest, _older = listed
    newest.hero_image.file.storage.delete(newest.hero_image.file.name)
    newest.hero_image.renditions.all().delete()

    first = cards(client.get("/artikel/").content.decode())[0]

    assert "<picture>" not in first
    assert newest.url in first
