"""The way people end a post (importer.endings through importer.parsing): pure.

Each fixture is shaped like the community's posts: an opening that announces the
sections, numbered section lines, then credit lines, the writer's name and her bio in
whatever order and form the writer typed them.
"""

import io

import docx
import pytest

from blog.models import ArticleCredit
from importer.endings import sent_by
from importer.parsing import ParsedCredit, parse_docx, parse_markdown, parse_text
from tests.real_post import BIO, BODY, OPENING

Role = ArticleCredit.Role

BIO_WITHOUT_NAME = (
    "Ibu tunggal dari dua anak yang tinggal di Bekasi. Ia aktif di komunitas ini "
    "sejak 2019 dan suka menulis tentang keuangan keluarga."
)
WRITER = ParsedCredit(Role.WRITER, "Ratna Sari")
ILLUSTRATOR = ParsedCredit(Role.ILLUSTRATOR, "Nadia Putri")


def body_text(article):
    return " ".join(
        block["value"] if block["type"] == "paragraph" else str(block["value"])
        for block in article.body
    )


def headings(article):
    return [b["value"]["text"] for b in article.body if b["type"] == "heading"]


ENDINGS = {
    # The real failing case: illustrator line, the name with a full stop, a long bio.
    "name with a final full stop after the credit": (
        f"Illustrator: Nadia Putri\n\nRatna Sari.\n\n{BIO}",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "name without a full stop": (
        f"Ilustrator: Nadia Putri\n\nRatna Sari\n\n{BIO}",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "Ilustrator with a space before the colon": (
        f"Ilustrator : Nadia Putri\n\nRatna Sari.\n{BIO}",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "WhatsApp bold name, credit line after the block": (
        f"*Ratna Sari*\n{BIO}\n\nIlustrasi oleh Nadia Putri",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "Markdown bold name with a full stop": (
        f"**Ratna Sari.**\n\n{BIO}\n\nIllustration by Nadia Putri",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "WhatsApp bold credit word and italic bio": (
        f"*Ilustrator:* Nadia Putri\n\n*Ratna Sari.*\n_{BIO}_",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "a dash before the name, no bio": (
        "— Ratna Sari\nIlustrator: Nadia Putri",
        [WRITER, ILLUSTRATOR],
        "",
    ),
    "a dash alone, nothing else": ("– Ratna Sari", [WRITER], ""),
    "Oleh with a colon, then her bio": (
        f"Oleh: Ratna Sari\n\n{BIO}\n\nIlustrator: Nadia Putri",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "Oleh without a colon, at the very end": ("Oleh Ratna Sari", [WRITER], ""),
    "Ditulis oleh and Ilustrasi oleh": (
        "Ditulis oleh Ratna Sari\nIlustrasi oleh Nadia Putri",
        [WRITER, ILLUSTRATOR],
        "",
    ),
    "the bio before the name": (
        f"{BIO}\n\nRatna Sari.\n\nIllustration by Nadia Putri",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "Penulis line first, bio last": (
        f"Penulis: Ratna Sari\nIlustrator: Nadia Putri\n\n{BIO}",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "Penulis line last": (
        "Ilustrator: Nadia Putri\nPenulis: Ratna Sari.",
        [ILLUSTRATOR, WRITER],
        "",
    ),
    "Penulis line matching the name block": (
        f"Penulis: Ratna Sari\n\nRatna Sari.\n{BIO}\n\nIlustrator: Nadia Putri",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "emoji before the credit and the name": (
        f"🎨 Ilustrator: Nadia Putri\n✍️ Ratna Sari\n{BIO}",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "emoji after the name, a bio that does not name her": (
        f"Ilustrator: Nadia Putri\n\nRatna Sari 🌷\n{BIO_WITHOUT_NAME}",
        [WRITER, ILLUSTRATOR],
        BIO_WITHOUT_NAME,
    ),
    "an Instagram handle after the illustrator": (
        f"Illustrator: Nadia Putri (IG: @nadia.gambar)\n\nRatna Sari.\n\n{BIO}",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "a 'Tentang Penulis' label": (
        f"Ilustrator: Nadia Putri\n\nTentang Penulis\nRatna Sari\n{BIO_WITHOUT_NAME}",
        [WRITER, ILLUSTRATOR],
        BIO_WITHOUT_NAME,
    ),
    "name, full stop, credits after, no bio": (
        "Ratna Sari.\nIlustrator: Nadia Putri",
        [WRITER, ILLUSTRATOR],
        "",
    ),
    "a bullet dash before the name": (
        f"- Ratna Sari\n\n{BIO}",
        [WRITER],
        BIO,
    ),
    "a picture's source and hashtags after the bio": (
        f"Ilustrator: Nadia Putri\n\nRatna Sari.\n\n{BIO}\n\nFoto: dok. pribadi\n"
        "#ibutunggal #tetapkuat",
        [WRITER, ILLUSTRATOR],
        BIO,
    ),
    "a byline with words about her after a comma": (
        "Ditulis oleh: Ratna Sari, ibu dua anak dari Bekasi",
        [WRITER],
        "",
    ),
    "her name typed in lower case between a credit and a bio that names her": (
        f"Ilustrator: Nadia Putri\n\nratna sari.\n{BIO}",
        [ParsedCredit(Role.WRITER, "ratna sari"), ILLUSTRATOR],
        BIO,
    ),
    "two illustrators and an editor": (
        "Ilustrator: Nadia Putri & Ans\nPenyunting: Dewi.\n\nRatna Sari.\n" + BIO,
        [
            WRITER,
            ILLUSTRATOR,
            ParsedCredit(Role.ILLUSTRATOR, "Ans"),
            ParsedCredit(Role.EDITOR, "Dewi"),
        ],
        BIO,
    ),
}


@pytest.mark.parametrize(
    ("ending", "credits", "bio"), list(ENDINGS.values()), ids=list(ENDINGS)
)
def test_every_way_of_ending_a_post(ending, credits, bio):
    article = parse_text(f"{BODY}\n\n{ending}\n")

    assert article.credits == credits
    writer = next(c.name for c in credits if c.role == Role.WRITER)
    assert article.writer_name == writer
    assert article.writer_bio == bio
    text = body_text(article)
    # The ending left the body whole, and nothing of it stayed there but what is
    # not about people.
    for kept in ("Foto: dok. pribadi", "#ibutunggal #tetapkuat"):
        if kept in ending:
            assert kept in text
            text = text.replace(kept, "")
    # The two kept lines, a line break apart, leave an empty paragraph behind.
    text = text.replace("<p><br/></p>", "").replace("<p></p>", "")
    assert text.endswith("sekolah anak.</p>")
    for left_out in ("Nadia", "Ratna", "Ilustr", "Illustr", "Penulis", "Oleh"):
        assert left_out.lower() not in text.lower()
    assert headings(article) == [
        "Jangan ragu meminta bantuan",
        "Atur keuangan dengan sederhana",
    ]


def test_the_post_that_failed_has_no_title_line_and_numbered_sections():
    """Plain text, no title line, "1. …" sections, Illustrator:, "Name.", a bio."""
    article = parse_text(
        f"{BODY}\n\nIllustrator: Nadia Putri\n\nRatna Sari.\n\n{BIO}\n".replace(
            "\n\n", "\r\n\r\n"
        )
    )
    assert len(BIO) == 474
    assert article.title_proposed is True
    assert article.title == (
        "Setelah berpisah, banyak dari kita merasa harus kuat sendirian"
    )
    assert article.credits == [WRITER, ILLUSTRATOR]
    assert (article.writer_name, article.writer_bio) == ("Ratna Sari", BIO)
    assert article.ordered_sections is True


@pytest.mark.parametrize(
    "ending",
    [
        # A last section: a short line and its paragraph.
        "Langkah Berikutnya\nBicara dengan satu orang yang kamu percaya, pelan-pelan.",
        # The same, its heading in bold or between emoji.
        "*Langkah Berikutnya*\nBicara dengan satu orang yang kamu percaya, pelan-pelan.",
        "🌸 Tips Hemat 🌸\nSisihkan uang receh setiap malam di toples yang sama.",
        # A closing sentence that starts like a byline.
        "Oleh karena itu, mari kita mulai dari hal kecil.",
        "Terima Kasih.",
        "Semoga Bermanfaat.",
        "*Semangat, Bunda!*",
        # A photo credit that names no one.
        "Foto: dokumentasi pribadi",
        "Ilustrasi: Canva",
    ],
    ids=[
        "last section",
        "last section in bold",
        "last section between emoji",
        "oleh karena itu",
        "terima kasih",
        "semoga",
        "bold",
        "foto",
        "canva",
    ],
)
def test_endings_that_are_the_body(ending):
    article = parse_text(f"{BODY}\n\n{ending}")
    assert article.credits == []
    assert article.writer_name == ""
    assert ending.split()[0].strip("*") in body_text(article)


def test_a_last_sentence_in_lower_case_beside_a_credit_is_not_a_name():
    article = parse_text(f"{BODY}\n\nSampai jumpa lagi.\nIlustrator: Nadia Putri")
    assert article.credits == [ILLUSTRATOR]
    assert article.writer_name == ""
    assert "Sampai jumpa lagi." in body_text(article)


def test_a_last_section_before_a_credit_line_stays_a_section():
    section = "Bicara dengan satu orang yang kamu percaya, pelan-pelan saja."
    article = parse_text(
        f"{BODY}\n\nLangkah Berikutnya\n{section}\n\nIlustrator: Nadia Putri"
    )
    assert article.credits == [ILLUSTRATOR]
    assert article.writer_name == ""
    assert section in body_text(article)
    assert "Langkah Berikutnya" in body_text(article)


def test_the_last_paragraph_is_not_taken_for_a_bio_beside_a_credit():
    closing = "Pelan-pelan saja, yang penting kita tidak berhenti melangkah bersama."
    article = parse_text(f"{BODY}\n\n{closing}\n\nPenulis: Ratna Sari")
    assert article.credits == [WRITER]
    assert article.writer_bio == ""
    assert closing in body_text(article)


def test_a_closing_greeting_vouches_for_the_name_after_it():
    article = parse_text(f"{BODY}\n\nSalam hangat,\nRatna Sari")
    assert article.credits == [WRITER]
    assert "Salam hangat," in body_text(article)


def test_her_own_name_alone_is_her_signature_when_she_sends_it():
    text = f"{BODY}\n\nRatna."
    assert parse_text(text).credits == []
    with sent_by("Ratna", "Ratna Sari"):
        article = parse_text(text)
    assert article.credits == [ParsedCredit(Role.WRITER, "Ratna")]
    assert "Ratna" not in body_text(article)


def test_a_word_file_ends_the_same_way():
    document = docx.Document()
    document.add_paragraph("Dua Hal yang Membantu")
    document.add_paragraph(OPENING)
    document.add_paragraph("Illustrator: Nadia Putri")
    document.add_paragraph().add_run("Ratna Sari.").bold = True
    document.add_paragraph(BIO)
    buffer = io.BytesIO()
    document.save(buffer)
    article = parse_docx(buffer.getvalue())
    assert article.credits == [WRITER, ILLUSTRATOR]
    assert article.writer_bio == BIO


# --- Numbered sections


def test_numbered_sections_keep_their_numbers_as_an_option_not_as_text():
    article = parse_text(f"Dua Hal yang Membantu\n\n{BODY}")
    assert article.ordered_sections is True
    assert headings(article) == [
        "Jangan ragu meminta bantuan",
        "Atur keuangan dengan sederhana",
    ]


def test_an_unnumbered_bold_line_among_numbered_sections_stays_a_bold_line():
    article = parse_text(f"Judul\n\n{BODY}\n\n*Penutup*\nSemoga membantu kita semua.")
    assert article.ordered_sections is True
    assert len(headings(article)) == 2
    assert "<p><b>Penutup</b></p>" in body_text(article)


def test_section_lines_written_as_sentences_are_headings_without_the_stop():
    article = parse_text(
        f"Judul\n\n{OPENING}\n\n1. Jangan ragu meminta bantuan.\nBicara dengan teman.\n\n"
        "2. Atur keuangan dengan sederhana.\nCatat pengeluaran harian."
    )
    assert article.ordered_sections is True
    assert headings(article) == [
        "Jangan ragu meminta bantuan",
        "Atur keuangan dengan sederhana",
    ]


def test_a_numbered_list_is_a_list_not_sections():
    article = parse_text(
        f"Judul\n\n{OPENING}\n\n1. Catat pengeluaran.\n2. Sisihkan tabungan.\n\n"
        "Begitulah caranya."
    )
    assert article.ordered_sections is False
    assert headings(article) == []
    assert "<ol><li>Catat pengeluaran.</li><li>Sisihkan tabungan.</li></ol>" in (
        body_text(article)
    )


def test_a_single_numbered_heading_does_not_number_the_article():
    article = parse_text(f"Judul\n\n{OPENING}\n\n1. Satu-satunya bagian\nIsinya.")
    assert headings(article) == ["Satu-satunya bagian"]
    assert article.ordered_sections is False


def test_markdown_headings_with_typed_numbers():
    article = parse_markdown(
        "# Dua Hal\n\nPembuka.\n\n## 1. Meminta bantuan\n\nIsi.\n\n"
        "## 2) Mengatur uang\n\nIsi lagi.\n"
    )
    assert headings(article) == ["Meminta bantuan", "Mengatur uang"]
    assert article.ordered_sections is True


# --- A byline under the title


@pytest.mark.parametrize(
    "byline",
    ["Oleh: Ratna Sari", "Oleh Ratna Sari", "— Penulis: Ratna Sari", "*Oleh:* Ratna"],
)
def test_a_byline_under_the_title(byline):
    article = parse_text(f"Dua Hal yang Membantu\n{byline}\n\n{BODY}")
    assert article.title == "Dua Hal yang Membantu"
    assert [c.role for c in article.credits] == [Role.WRITER]
    assert article.credits[0].name.startswith("Ratna")
    assert "Oleh" not in body_text(article)
    assert body_text(article).startswith("<p>Setelah berpisah")


def test_a_byline_and_a_writer_block_name_her_once():
    article = parse_text(
        f"Dua Hal yang Membantu\nOleh: Ratna Sari\n\n{BODY}\n\n"
        f"Ilustrator: Nadia Putri\n\nRatna Sari.\n{BIO}"
    )
    assert article.credits == [WRITER, ILLUSTRATOR]
    assert article.writer_bio == BIO


def test_her_bold_name_before_a_bio_that_does_not_name_her_when_she_sends_it():
    text = f"{BODY}\n\n*Ratna Sari*\n{BIO_WITHOUT_NAME}"
    # Bold and a paragraph could be a last section: alone, they stay text …
    assert parse_text(text).credits == []
    # … but her own name says it is her signature.
    with sent_by("Ratna Sari"):
        article = parse_text(text)
    assert article.credits == [WRITER]
    assert article.writer_bio == BIO_WITHOUT_NAME
