"""An article without an intro is summarised by its first paragraph.

Without one, its card was empty and WhatsApp's preview quoted the site's tagline.
"""

import xml.etree.ElementTree as ET

import pytest

from demo.factories import ArticlePageFactory
from tests.site_builder import contributor

pytestmark = pytest.mark.django_db

FIRST = (
    "Malam itu anak saya demam dan saya sendirian. Saya belajar bahwa meminta "
    "tolong tetangga bukan tanda kalah, melainkan cara kami bertahan."
)


def article_without_intro(blog_index, writer, **kwargs):
    page = ArticlePageFactory(
        parent=blog_index,
        slug="malam-demam",
        title="Malam ketika anak demam",
        standfirst="",
        excerpt="",
        body=[
            ("heading", {"text": "Sendirian", "level": "h2"}),
            ("paragraph", f"<p>{FIRST}</p>"),
            ("paragraph", "<p>Paragraf kedua tidak ikut diringkas.</p>"),
        ],
        writer=writer,
        **kwargs,
    )
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def writer(contributor_index):
    return contributor(contributor_index, "Ayu Lestari")


def test_the_first_paragraph_is_the_summary(blog_index, writer):
    page = article_without_intro(blog_index, writer)

    assert page.summary == FIRST


def test_whatsapp_preview_quotes_the_first_paragraph(client, blog_index, writer):
    page = article_without_intro(blog_index, writer)

    html = client.get(page.url).content.decode()

    assert f'<meta property="og:description" content="{FIRST}">' in html
    assert f'<meta name="description" content="{FIRST}">' in html


def test_cards_show_the_first_paragraph(client, blog_index, writer):
    article_without_intro(blog_index, writer)

    html = client.get(blog_index.url).content.decode()

    assert "Malam itu anak saya demam dan saya sendirian." in html
    assert "Paragraf kedua" not in html


def test_the_feed_describes_it_with_the_first_paragraph(client, blog_index, writer):
    article_without_intro(blog_index, writer)

    feed = ET.fromstring(  # noqa: S314 - our own feed
        client.get(f"{blog_index.url}feed/").content
    )
    description = feed.find("channel/item/description").text

    assert description.startswith(FIRST)


def test_an_intro_still_wins(blog_index, writer):
    page = article_without_intro(blog_index, writer)
    page.standfirst = "Tentang berani meminta tolong."
    page.save_revision().publish()
    page.refresh_from_db()

    assert page.summary == "Tentang berani meminta tolong."


def test_a_long_first_paragraph_is_cut_at_a_word(blog_index, writer):
    page = article_without_intro(blog_index, writer)
    page.body = [("paragraph", "<p>" + "kata " * 200 + "</p>")]
    page.save_revision().publish()
    page.refresh_from_db()

    assert len(page.summary) <= 240
    assert page.summary.endswith("…")
    assert not page.summary.endswith(" …")
