"""A summary made from the body is text: escaped once, with spaces between blocks.

It was cut from the paragraph's HTML source with the tags stripped but the character
references kept, so readers saw "Settings &gt; Discussion" in cards, in the meta and
link-preview descriptions, in JSON-LD and in feeds; and paragraphs ran together
("ways.Threaded").
"""

import html
import importlib
import json
import re

from django.apps import apps

import feedparser
import pytest

from blog.models import ArticlePage
from tests.site_builder import article, contributor

pytestmark = pytest.mark.django_db


BODY = (
    "<p>Buka <b>Settings &gt; Discussion</b> &amp; pilih salah satu dari dua ways.</p>"
    "<p>Threaded comments memudahkan &lt;balasan&gt; panjang.</p>"
    "<ul><li>Satu</li><li>Dua</li></ul>"
)
TEXT = (
    "Buka Settings > Discussion & pilih salah satu dari dua ways. Threaded comments "
    "memudahkan <balasan> panjang. Satu Dua"
)


@pytest.fixture
def page(blog_index, contributor_index):
    writer = contributor(contributor_index, "Ayu Lestari")
    return article(
        blog_index,
        writers=[writer],
        title="Komentar bertingkat",
        standfirst="",
        excerpt="",
        body=[("paragraph", BODY)],
    )


def attribute(markup, selector):
    match = re.search(selector + r' content="([^"]*)"', markup)
    assert match, selector
    return html.unescape(match.group(1))


def test_the_summary_is_the_text_of_the_first_paragraph(page):
    assert page.summary == TEXT


def test_cards_show_the_text_escaped_once(client, page, blog_index):
    markup = client.get(blog_index.url).content.decode()

    assert html.escape(TEXT, quote=False) in markup
    assert "&amp;gt;" not in markup
    assert "ways.Threaded" not in markup


def test_meta_link_previews_and_json_ld_carry_the_same_text(client, page):
    markup = client.get(page.url).content.decode()

    assert attribute(markup, '<meta name="description"') == TEXT
    assert attribute(markup, '<meta property="og:description"') == TEXT
    assert attribute(markup, '<meta name="twitter:description"') == TEXT
    script = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', markup, re.S
    ).group(1)
    structured = next(i for i in json.loads(script) if i["@type"] == "Article")
    assert structured["description"] == TEXT


def test_feed_readers_show_the_same_text(client, page, blog_index):
    feed = feedparser.parse(client.get(f"{blog_index.url}feed/").content)

    assert feed.bozo == 0
    summary = html.unescape(feed.entries[0].summary)
    assert summary.startswith(TEXT)


def test_the_migration_remakes_summaries_kept_before_the_fix(page):
    ArticlePage.objects.filter(pk=page.pk).update(
        body_summary="Buka Settings &gt; Discussion &amp; pilih salah satu dari dua "
        "ways.Threaded comments"
    )

    migration = importlib.import_module("blog.migrations.0012_plain_text_summaries")
    migration.remake_summaries(apps, None)

    assert ArticlePage.objects.get(pk=page.pk).body_summary == TEXT
