"""A pasted text keeps its structure: numbered heading lines and real headings become
heading blocks, lists stay lists, and no empty paragraph is left behind."""

import re

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from blog.models import ArticlePage
from blog.text_structure import heading_from_numbered_line, split_rich_text

from .conftest import article_data, draft_by

# What the page editor made of the community's typed headings: one-item numbered lists.
PASTED_NUMBERED = (
    "<p>Menjadi ibu tunggal berarti belajar banyak hal sekaligus.</p>"
    "<ol><li>Dukungan emosional yang tidak menghakimi</li></ol>"
    "<p>Teman yang mau mendengar tanpa menasihati adalah harta.</p>"
    "<p></p>"
    "<ol><li>Mengatur uang belanja mingguan</li></ol>"
    "<p>Saya menulis anggaran di kertas setiap Minggu malam.</p>"
    "<ul><li>beras dan minyak</li><li>ongkos sekolah</li></ul>"
)
# A paste from Google Docs or Word: real headings, and a real numbered list.
PASTED_FROM_DOCS = (
    "<h2>Waktu untuk diri sendiri</h2>"
    "<p>Sepuluh menit setelah anak tidur itu milik saya.</p>"
    "<h3>Hal kecil yang membantu</h3>"
    "<ol><li>Minum teh hangat.</li><li>Menulis tiga hal baik hari ini.</li></ol>"
)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        (
            "1. Dukungan emosional yang tidak menghakimi",
            "Dukungan emosional yang tidak menghakimi",
        ),
        ("2) Mengatur uang", "Mengatur uang"),
        ("IV. Waktu untuk diri sendiri", "Waktu untuk diri sendiri"),
        ("B. Bekerja dari rumah", "Bekerja dari rumah"),
        ("1. Saya bangun jam empat pagi setiap hari.", None),
        ("Dukungan emosional", None),
    ],
)
def test_numbered_heading_lines(line, heading):
    assert heading_from_numbered_line(line) == heading


def test_split_keeps_lists_and_drops_empty_paragraphs():
    pieces = split_rich_text(PASTED_NUMBERED)

    assert [kind for kind, _ in pieces] == [
        "paragraph",
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert pieces[1][1] == {
        "text": "Dukungan emosional yang tidak menghakimi",
        "level": "h2",
    }
    assert "<p></p>" not in pieces[2][1]
    assert "<ul><li>beras dan minyak</li><li>ongkos sekolah</li></ul>" in pieces[4][1]


def post_body(client, article, writer_page, html):
    data = article_data(
        writer_page, action=None, slug=article.slug, title=article.title
    )
    data.update(
        nested_form_data({"body": streamfield([("paragraph", rich_text(html))])})
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)


def saved_body(article):
    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    return [
        (
            child.block_type,
            child.value["text"]
            if child.block_type == "heading"
            else child.value.source,
        )
        for child in page.body
    ]


def test_pasted_numbered_lines_become_section_headings(client, alya, blog_index):
    article = draft_by(alya, blog_index)
    client.force_login(alya)

    response = post_body(client, article, alya.profile_page, PASTED_NUMBERED)

    assert response.status_code == 302
    body = saved_body(article)
    assert [kind for kind, _ in body] == [
        "paragraph",
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert body[1][1] == "Dukungan emosional yang tidak menghakimi"
    assert body[3][1] == "Mengatur uang belanja mingguan"
    assert not any(kind == "paragraph" and "<p></p>" in value for kind, value in body)
    assert "<ul>" in body[4][1]


def test_pasted_headings_from_docs_become_section_headings(client, alya, blog_index):
    article = draft_by(alya, blog_index)
    client.force_login(alya)

    post_body(client, article, alya.profile_page, PASTED_FROM_DOCS)

    page = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    blocks = list(page.body)
    assert [b.block_type for b in blocks] == [
        "heading",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert blocks[0].value["level"] == "h2"
    assert blocks[2].value["text"] == "Hal kecil yang membantu"
    assert blocks[2].value["level"] == "h3"
    # A real two-item numbered list stays a list.
    source = re.sub(r' data-block-key="[^"]*"', "", blocks[3].value.source)
    assert (
        "<ol><li>Minum teh hangat.</li><li>Menulis tiga hal baik hari ini.</li></ol>"
        in source
    )
