"""Word files as Word writes them: what of a .docx an article keeps.

The files are built part by part (tests/importer/word_files.py) in the shapes of the
real ones in ../shared/corpora/docx: styles, numbering, footnotes and endnotes, text
boxes, pictures, hyperlinks, tables, strict OOXML.
"""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import pytest

from blog.models import ArticleCredit, ArticlePage
from importer.parsing import ParsedCredit, UnreadableText, parse_upload
from tests.importer.exports import png_bytes
from tests.importer.test_import_command import run as import_articles
from tests.importer.test_submit_text_view import contributor, save_data
from tests.importer.word_files import BULLETS, DECIMAL, WordFile, run

Role = ArticleCredit.Role


def body_html(article):
    return "".join(
        block["value"] for block in article.body if block["type"] == "paragraph"
    )


def types(article):
    return [block["type"] for block in article.body]


def community_post(word_file):
    """The community's own shape: a title, sections, an illustrator, her name, bio."""
    word_file.title("Menabung Sedikit demi Sedikit")
    word_file.paragraph("Setiap minggu saya menyisihkan uang receh di toples.")
    return word_file


def ending(word_file):
    word_file.paragraph("Ilustrator: Sekar Ayu")
    word_file.paragraph("Alya Rahma")
    word_file.paragraph(
        "Alya adalah ibu dua anak yang menulis tentang keseharian dan keuangan."
    )
    return word_file


def test_headings_sections_and_subsections():
    word_file = community_post(WordFile())
    word_file.heading("Mulai dari yang Kecil", 1)
    word_file.paragraph("Sepuluh ribu seminggu pun berarti.")
    word_file.heading("Toples di Dapur", 2)
    word_file.paragraph("Letakkan di tempat yang terlihat.")

    article = parse_upload("menabung.docx", word_file.data())

    assert article.title == "Menabung Sedikit demi Sedikit"
    assert [b["value"] for b in article.body if b["type"] == "heading"] == [
        {"text": "Mulai dari yang Kecil", "level": "h2"},
        {"text": "Toples di Dapur", "level": "h3"},
    ]


def test_nested_lists_keep_their_levels_and_kinds():
    word_file = community_post(WordFile())
    word_file.paragraph("Kebutuhan pokok", style="ListParagraph", numbered=(BULLETS, 0))
    word_file.paragraph("Beras", style="ListParagraph", numbered=(BULLETS, 1))
    word_file.paragraph("Minyak", style="ListParagraph", numbered=(BULLETS, 1))
    word_file.paragraph("Sekolah", style="ListParagraph", numbered=(BULLETS, 0))
    word_file.paragraph("Langkah pertama", style="ListParagraph", numbered=(DECIMAL, 0))
    word_file.paragraph("Langkah kedua", style="ListParagraph", numbered=(DECIMAL, 0))

    article = parse_upload("daftar.docx", word_file.data())

    assert (
        "<ul><li>Kebutuhan pokok<ul><li>Beras</li><li>Minyak</li></ul></li>"
        "<li>Sekolah</li></ul><ol><li>Langkah pertama</li><li>Langkah kedua</li></ol>"
    ) in body_html(article)


def test_a_table_becomes_a_table_block_with_its_header_row():
    word_file = community_post(WordFile())
    word_file.table(
        [
            ["Kebutuhan", "Biaya per bulan"],
            ["Beras", "Rp300.000"],
            ["Listrik\n\nair", "Rp150.000"],
        ]
    )
    word_file.paragraph("Sisanya untuk tabungan.")

    article = parse_upload("biaya.docx", word_file.data())

    assert types(article) == ["paragraph", "table", "paragraph"]
    table = article.body[1]["value"]
    assert table["data"] == [
        ["Kebutuhan", "Biaya per bulan"],
        ["Beras", "Rp300.000"],
        ["Listrik\nair", "Rp150.000"],
    ]
    assert table["first_row_is_table_header"] is True
    assert table["first_col_is_header"] is False


def test_links_in_the_text_are_kept():
    word_file = community_post(WordFile())
    word_file.paragraph(
        "Baca juga ",
        word_file.link("panduan menabung", "https://contoh.example/panduan"),
        " dari komunitas.",
    )

    article = parse_upload("tautan.docx", word_file.data())

    assert (
        '<p>Baca juga <a href="https://contoh.example/panduan">panduan menabung</a>'
        " dari komunitas.</p>"
    ) in body_html(article)


def test_footnotes_and_endnotes_become_notes_at_the_end_after_her_credits():
    word_file = community_post(WordFile())
    word_file.paragraph(
        "Setengah dari ibu tunggal bekerja di sektor informal",
        word_file.footnote("Survei komunitas, 2023."),
        " dan menabung tanpa rekening bank",
        word_file.endnote("Lihat juga laporan OJK tentang inklusi keuangan."),
        ".",
    )
    ending(word_file)

    article = parse_upload("catatan.docx", word_file.data())

    # Her credits and name block at the end are still hers: the notes do not hide them.
    assert article.credits == [
        ParsedCredit(Role.WRITER, "Alya Rahma"),
        ParsedCredit(Role.ILLUSTRATOR, "Sekar Ayu"),
    ]
    assert article.body[-2] == {
        "type": "heading",
        "value": {"text": "Catatan", "level": "h2"},
    }
    assert article.body[-1] == {
        "type": "paragraph",
        "value": "<ol><li>Survei komunitas, 2023.</li>"
        "<li>Lihat juga laporan OJK tentang inklusi keuangan.</li></ol>",
    }
    assert "informal<sup>[1]</sup> dan menabung" in body_html(article)
    assert "bank<sup>[2]</sup>." in body_html(article)


def test_a_proposed_title_leaves_out_the_note_markers():
    word_file = WordFile()
    word_file.paragraph(
        "Ibu tunggal bekerja di sektor informal", word_file.footnote("Survei."), "."
    )
    word_file.paragraph("Kebanyakan dari kami menabung tanpa rekening bank.")

    article = parse_upload("tanpa-judul.docx", word_file.data())

    assert article.title == "Ibu tunggal bekerja di sektor informal"
    assert article.title_proposed


def test_text_in_a_text_box_is_read_once():
    word_file = community_post(WordFile())
    word_file.paragraph(
        run("Sebelum membaca:"), word_file.text_box("Tulisan ini memuat angka.")
    )

    article = parse_upload("kotak.docx", word_file.data())

    html = body_html(article)
    assert "Tulisan ini memuat angka." in html
    assert html.count("Tulisan ini memuat angka.") == 1


def test_a_picture_comes_with_its_alt_text():
    word_file = community_post(WordFile())
    word_file.paragraph(
        word_file.picture(png_bytes(), "Toples berisi uang receh di meja dapur")
    )
    word_file.paragraph("Toples itu kini hampir penuh.")

    article = parse_upload("gambar.docx", word_file.data())

    assert types(article) == ["paragraph", "image", "paragraph"]
    (image,) = article.images
    assert image.data == png_bytes()
    assert image.alt_text == "Toples berisi uang receh di meja dapur"
    assert image.filename.endswith(".png")


def test_a_linked_picture_is_never_fetched():
    # A picture linked (not embedded) points outside the file: to a server's own
    # files, say. It is left out; nothing is read from the disk.
    word_file = community_post(WordFile())
    for target in ("file:///etc/passwd", "../../../../etc/passwd", "gambar.png"):
        word_file.paragraph(word_file.picture(b"", "gambar", linked_to=target))
    word_file.paragraph("Toples itu kini hampir penuh.")

    article = parse_upload("tertaut.docx", word_file.data())

    assert article.images == []
    assert "root:" not in str(article)
    assert types(article) == ["paragraph"]
    assert any("3 gambar hanya ditautkan" in warning for warning in article.warnings)


def test_a_file_of_only_a_picture_is_refused_with_that_reason():
    word_file = WordFile()
    word_file.paragraph(word_file.picture(png_bytes(), "Toples"))

    with pytest.raises(UnreadableText, match="hanya berisi gambar, tanpa teks"):
        parse_upload("gambar-saja.docx", word_file.data())


def test_strict_ooxml_is_read_not_called_damaged():
    word_file = community_post(WordFile(strict=True))
    word_file.heading("Mulai dari yang Kecil", 1)
    word_file.paragraph("Sepuluh ribu ", run("seminggu", bold=True), " pun berarti.")

    article = parse_upload("ketat.docx", word_file.data())

    assert article.title == "Menabung Sedikit demi Sedikit"
    assert article.body[1] == {
        "type": "heading",
        "value": {"text": "Mulai dari yang Kecil", "level": "h2"},
    }
    assert "<p>Sepuluh ribu <b>seminggu</b> pun berarti.</p>" in body_html(article)


def test_strike_through_superscript_and_subscript():
    word_file = community_post(WordFile())
    word_file.paragraph(
        "Harga ",
        run("Rp20.000", strike=True),
        " Rp15.000 untuk 1 m",
        run("2", vert="superscript"),
        " dan H",
        run("2", vert="subscript"),
        "O.",
    )

    article = parse_upload("harga.docx", word_file.data())

    assert (
        "<p>Harga <s>Rp20.000</s> Rp15.000 untuk 1 m<sup>2</sup> dan H<sub>2</sub>O.</p>"
    ) in body_html(article)


def test_a_poem_keeps_its_line_breaks_and_a_quote_its_style():
    word_file = community_post(WordFile())
    word_file.paragraph(
        run("Ibu, engkau pagi\nyang tak pernah lelah\nmenyiapkan bekal")
    )
    word_file.paragraph("Meminta tolong bukan tanda lemah.", style="Quote")

    article = parse_upload("puisi.docx", word_file.data())

    html = body_html(article)
    assert (
        "<p>Ibu, engkau pagi<br/>yang tak pernah lelah<br/>menyiapkan bekal</p>" in html
    )
    assert "<blockquote>Meminta tolong bukan tanda lemah.</blockquote>" in html


def test_preformatted_text_keeps_every_space():
    word_file = community_post(WordFile())
    word_file.paragraph("Anggaran   Rp", style="HTMLPreformatted")
    word_file.paragraph("  beras    300", style="HTMLPreformatted")

    article = parse_upload("kode.docx", word_file.data())

    assert {"type": "preformatted", "value": "Anggaran   Rp\n  beras    300"} in (
        article.body
    )


def test_a_damaged_word_file_is_still_called_damaged():
    word_file = community_post(WordFile())
    parts = word_file.parts()
    parts["word/document.xml"] = parts["word/document.xml"][:200]  # cut short

    from tests.importer.word_files import zipped

    with pytest.raises(UnreadableText, match="rusak"):
        parse_upload("rusak.docx", zipped(parts))


# --- Through Kirim tulisan and import_articles, to the public page


def report_file():
    word_file = community_post(WordFile())
    word_file.heading("Biaya Sebulan", 1)
    word_file.table([["Kebutuhan", "Biaya"], ["Beras", "Rp300.000"]])
    word_file.paragraph(
        "Kami menabung tanpa rekening bank", word_file.footnote("Survei 2023."), "."
    )
    word_file.paragraph("Pokok", style="ListParagraph", numbered=(BULLETS, 0))
    word_file.paragraph("Beras", style="ListParagraph", numbered=(BULLETS, 1))
    return ending(word_file).data()


@pytest.fixture
def as_alya(client, contributor_index, blog_index):
    client.force_login(contributor(contributor_index, "alya", "Alya Rahma"))
    return client


@pytest.mark.django_db
def test_a_word_upload_keeps_its_table_and_notes_to_the_public_page(as_alya):
    url = reverse("importer_submit_text")
    response = as_alya.post(
        url,
        {
            "step": "preview",
            "text": "",
            "upload": SimpleUploadedFile("biaya.docx", report_file()),
        },
    )
    assert response.status_code == 200
    preview = response.content.decode().split("data-import-body>")[1]
    assert '<th scope="col"' in preview
    assert "Survei 2023." in preview
    token = response.context["form"]["upload_token"].value()

    response = as_alya.post(
        url,
        save_data(
            text="",
            upload_token=token,
            title="Menabung Sedikit demi Sedikit",
            credits=[("writer", "Alya Rahma"), ("illustrator", "Sekar Ayu")],
            **{"action-draft": ""},
        ),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "heading",
        "table",
        "paragraph",
        "heading",
        "paragraph",
    ]
    page.save_revision().publish()

    html = as_alya.get(page.url).content.decode()
    assert '<div class="table-scroll" role="region" tabindex="0"' in html
    assert "<ul><li>Pokok<ul><li>Beras</li></ul></li></ul>" in html
    assert "<ol><li>Survei 2023.</li></ol>" in html


@pytest.mark.django_db
def test_import_articles_reads_a_word_file_with_its_table_and_notes(
    tmp_path, superuser
):
    path = tmp_path / "biaya.docx"
    path.write_bytes(report_file())

    import_articles(path, "--publish")
    import_articles(path, "--publish")  # a second run changes nothing

    page = ArticlePage.objects.get()
    assert page.title == "Menabung Sedikit demi Sedikit"
    assert [block.block_type for block in page.body] == [
        "paragraph",
        "heading",
        "table",
        "paragraph",
        "heading",
        "paragraph",
    ]
    assert page.body[4].value["text"] == "Catatan"
    assert sorted(
        (credit.role, credit.contributor.title) for credit in page.credits.all()
    ) == [(Role.ILLUSTRATOR, "Sekar Ayu"), (Role.WRITER, "Alya Rahma")]
