"""Structure kept on import and paste: tables, quotes, preformatted text, poems,
nested lists, strike-through, sup/sub, code, relative links.

Bodies in the shapes old blogs really hold (a WordPress classic body with wpautop's
newlines, Gutenberg's figure-wrapped table, Blogger's <div>s and <br>s) and pastes as
people type them (WhatsApp's marks, stanzas parted by blank lines).
"""

from django.urls import reverse

import pytest

from blog.models import ArticlePage
from importer.parsing import parse_html, parse_markdown, parse_text
from tests.importer.exports import wxr, wxr_item
from tests.importer.test_import_command import run
from tests.importer.test_submit_text_view import contributor, save_data


def body_html(article):
    return "".join(
        block["value"] for block in article.body if block["type"] == "paragraph"
    )


def blocks_of(article, kind):
    return [block["value"] for block in article.body if block["type"] == kind]


# --- Old blogs' bodies

GUTENBERG_TABLE = """<!-- wp:paragraph -->
<p>Biaya sebulan untuk kami berdua:</p>
<!-- /wp:paragraph -->
<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>Kebutuhan</th><th>Biaya</th></tr>
</thead><tbody><tr><td>Beras</td><td>Rp300.000</td></tr><tr><td>Listrik<br>dan air</td>
<td>Rp150.000</td></tr></tbody></table><figcaption>Biaya rumah tangga 2023</figcaption>
</figure>
<!-- /wp:table -->"""


def test_a_data_table_becomes_a_table_block():
    article = parse_html(GUTENBERG_TABLE, title_line=False)

    (table,) = blocks_of(article, "table")
    assert table["data"] == [
        ["Kebutuhan", "Biaya"],
        ["Beras", "Rp300.000"],
        ["Listrik\ndan air", "Rp150.000"],
    ]
    assert table["first_row_is_table_header"] is True
    assert table["table_header_choice"] == "row"


def test_a_table_with_row_headers_and_a_caption():
    html = (
        "<table><caption>Jadwal</caption><tr><th>Senin</th><td>Posyandu</td></tr>"
        "<tr><th>Selasa</th><td>Pengajian</td></tr></table>"
    )
    (table,) = blocks_of(parse_html(html, title_line=False), "table")
    assert table["first_col_is_header"] is True
    assert table["first_row_is_table_header"] is False
    assert table["table_caption"] == "Jadwal"


def test_a_table_that_only_lays_out_the_page_is_read_as_text():
    html = (
        "<table><tr><td><p>Satu-satunya sel berisi seluruh tulisan.</p>"
        "<p>Paragraf kedua.</p></td></tr></table>"
    )
    article = parse_html(html, title_line=False)
    assert blocks_of(article, "table") == []
    assert body_html(article) == (
        "<p>Satu-satunya sel berisi seluruh tulisan.</p><p>Paragraf kedua.</p>"
    )


def test_a_table_holding_headings_or_pictures_is_read_as_text():
    html = (
        "<table><tr><td><h2>Bagian Satu</h2></td><td>Isi bagian satu.</td></tr>"
        "<tr><td>Sel</td><td>Sel lain</td></tr></table>"
    )
    article = parse_html(html, title_line=False)
    assert blocks_of(article, "table") == []
    assert article.body[0] == {
        "type": "heading",
        "value": {"text": "Bagian Satu", "level": "h2"},
    }


def test_block_quotes_stay_quotes():
    html = (
        "<p>Kata ibu saya:</p><blockquote><p>Meminta tolong bukan tanda lemah.</p>"
        "<p>Itu tanda sayang pada diri sendiri.</p></blockquote><p>Saya ingat itu.</p>"
    )
    assert body_html(parse_html(html, title_line=False)) == (
        "<p>Kata ibu saya:</p><blockquote>Meminta tolong bukan tanda lemah."
        "</blockquote><blockquote>Itu tanda sayang pada diri sendiri.</blockquote>"
        "<p>Saya ingat itu.</p>"
    )


def test_preformatted_text_keeps_its_spaces_and_lines():
    html = "<p>Anggaran:</p><pre>Beras     300.000\n\tListrik   150.000\n</pre>"
    article = parse_html(html, title_line=False)
    assert blocks_of(article, "preformatted") == [
        "Beras     300.000\n    Listrik   150.000"
    ]


def test_a_classic_wordpress_poem_keeps_its_line_breaks():
    # wpautop's body: a blank line between stanzas, a newline between lines.
    body = (
        "Ibu, engkau pagi\nyang tak pernah lelah\nmenyiapkan bekal\n\n"
        "Dan malam\nyang menunggu kami pulang"
    )
    assert body_html(parse_html(body, title_line=False)) == (
        "<p>Ibu, engkau pagi<br/>yang tak pernah lelah<br/>menyiapkan bekal</p>"
        "<p>Dan malam<br/>yang menunggu kami pulang</p>"
    )


def test_a_blogger_body_of_divs_and_brs_keeps_its_line_breaks():
    body = (
        "<div>Baris pertama<br />baris kedua</div><div><br /></div><div>Bait baru</div>"
    )
    assert body_html(parse_html(body, title_line=False)) == (
        "<p>Baris pertama<br/>baris kedua</p><p>Bait baru</p>"
    )


def test_nested_lists_nest():
    html = (
        "<ul><li>Kebutuhan pokok<ul><li>Beras</li><li>Minyak<ol><li>goreng</li>"
        "</ol></li></ul></li><li>Sekolah</li></ul>"
    )
    assert body_html(parse_html(html, title_line=False)) == (
        "<ul><li>Kebutuhan pokok<ul><li>Beras</li><li>Minyak<ol><li>goreng</li>"
        "</ol></li></ul></li><li>Sekolah</li></ul>"
    )


def test_a_line_break_inside_a_list_item_stays_in_the_item():
    html = "<ol><li>Beras<br>lima kilo</li><li>Minyak</li></ol>"
    assert body_html(parse_html(html, title_line=False)) == (
        "<ol><li>Beras<br/>lima kilo</li><li>Minyak</li></ol>"
    )


def test_strike_through_sup_sub_and_code():
    html = (
        "<p><del>Rp20.000</del> <s>x</s> <strike>y</strike> 1 m<sup>2</sup> "
        "H<sub>2</sub>O <code>print()</code> <kbd>Ctrl</kbd></p>"
    )
    assert body_html(parse_html(html, title_line=False)) == (
        "<p><s>Rp20.000</s> <s>x</s> <s>y</s> 1 m<sup>2</sup> H<sub>2</sub>O "
        "<code>print()</code> <code>Ctrl</code></p>"
    )


def test_relative_links_are_resolved_against_the_old_blog():
    html = '<p>Baca <a href="/2023/05/menabung/">tulisan sebelumnya</a>.</p>'
    article = parse_html(html, title_line=False, base_url="https://blog-lama.example")
    assert body_html(article) == (
        '<p>Baca <a href="https://blog-lama.example/2023/05/menabung/">tulisan '
        "sebelumnya</a>.</p>"
    )
    assert article.warnings == []


def test_relative_links_without_an_address_are_dropped_with_a_warning():
    html = '<p>Baca <a href="../menabung/">tulisan sebelumnya</a>.</p>'
    article = parse_html(html, title_line=False)
    assert body_html(article) == "<p>Baca tulisan sebelumnya.</p>"
    assert article.warnings == [
        "Tautan relatif dibuang (alamat blog lama tidak diketahui): ../menabung/"
    ]


def test_markdown_tables_quotes_code_and_nested_lists():
    text = """---
title: Biaya Sebulan
---
> Hemat pangkal kaya.

- Pokok
  - Beras
  - Minyak

```
Beras    300.000
Listrik  150.000
```

Harga ~~lama~~ baru.
"""
    article = parse_markdown(text)
    html = body_html(article)
    assert "<blockquote>Hemat pangkal kaya.</blockquote>" in html
    assert "<ul><li>Pokok<ul><li>Beras</li><li>Minyak</li></ul></li></ul>" in html
    assert blocks_of(article, "preformatted") == ["Beras    300.000\nListrik  150.000"]


# --- Pastes


def test_a_pasted_poem_keeps_its_lines_and_stanzas():
    text = (
        "Puisi untuk Ibu\n\nIbu, engkau pagi\nyang tak pernah lelah\n\n"
        "Dan malam\nyang menunggu kami pulang"
    )
    assert body_html(parse_text(text)) == (
        "<p>Ibu, engkau pagi<br/>yang tak pernah lelah</p>"
        "<p>Dan malam<br/>yang menunggu kami pulang</p>"
    )


def test_a_paste_without_blank_lines_keeps_a_paragraph_a_line():
    text = "Judul Tulisan\nParagraf pertama yang panjang.\nParagraf kedua."
    assert body_html(parse_text(text)) == (
        "<p>Paragraf pertama yang panjang.</p><p>Paragraf kedua.</p>"
    )


def test_a_pasted_nested_list_and_whatsapp_marks():
    text = (
        "Belanja Bulanan\n\n- Pokok\n  - Beras\n  - Minyak\n- Sekolah\n\n"
        "> Hemat pangkal kaya\n\nHarga ~lama~ *baru* _hari ini_ ```kode```"
    )
    assert body_html(parse_text(text)) == (
        "<ul><li>Pokok<ul><li>Beras</li><li>Minyak</li></ul></li><li>Sekolah</li>"
        "</ul><blockquote>Hemat pangkal kaya</blockquote><p>Harga <s>lama</s> "
        "<b>baru</b> <i>hari ini</i> <code>kode</code></p>"
    )


# --- Through Kirim tulisan and import_articles


@pytest.fixture
def as_alya(client, contributor_index, blog_index):
    client.force_login(contributor(contributor_index, "alya", "Alya Rahma"))
    return client


PASTE_WITH_TABLE = """<h1>Biaya Sebulan</h1>
<p>Biaya sebulan untuk kami berdua.</p>
<table><tr><th>Kebutuhan</th><th>Biaya</th></tr><tr><td>Beras</td><td>Rp300.000</td></tr>
</table>
<ul><li>Pokok<ul><li>Beras</li></ul></li></ul>
<p>Ibu, engkau pagi<br>yang tak pernah lelah</p>"""


@pytest.mark.django_db
def test_kirim_tulisan_keeps_the_structure_in_the_preview_and_the_draft(as_alya):
    url = reverse("importer_submit_text")
    response = as_alya.post(url, {"step": "preview", "text": PASTE_WITH_TABLE})
    assert response.status_code == 200
    preview = response.content.decode().split("data-import-body>")[1]
    assert '<th scope="col"' in preview
    assert "Rp300.000" in preview
    assert "<ul><li>Pokok<ul><li>Beras</li></ul></li></ul>" in preview

    response = as_alya.post(
        url,
        save_data(
            text=PASTE_WITH_TABLE,
            title="Biaya Sebulan",
            credits=[("writer", "Alya Rahma")],
        ),
    )

    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "table",
        "paragraph",
    ]
    assert page.body[1].value["data"][1] == ["Beras", "Rp300.000"]
    assert "Ibu, engkau pagi<br/>yang tak pernah lelah" in str(page.body[2].value)


@pytest.mark.django_db
def test_an_imported_post_keeps_its_table_and_resolves_its_relative_links(
    tmp_path, superuser
):
    path = tmp_path / "blog-lama.xml"
    path.write_text(
        wxr(
            wxr_item(
                11,
                "Biaya Sebulan",
                GUTENBERG_TABLE + '\n\nBaca <a href="/2023/05/menabung/">ini</a>.',
            )
        ),
        encoding="utf-8",
    )

    run(path, "--publish")

    page = ArticlePage.objects.get()
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "table",
        "paragraph",
    ]
    assert 'href="https://blog-lama.example/2023/05/menabung/"' in str(
        page.body[2].value
    )
