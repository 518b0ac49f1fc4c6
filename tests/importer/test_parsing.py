"""The import rules (importer.parsing): pure, no database."""

import io
import zipfile

import docx
import pytest

from blog.models import ArticleCredit
from importer.parsing import (
    MAX_TEXT_CHARS,
    ParsedCredit,
    UnreadableText,
    parse_docx,
    parse_html,
    parse_markdown,
    parse_text,
    parse_upload,
)

Role = ArticleCredit.Role

COMMUNITY_POST = """Menjadi Ibu Tunggal Tanpa Kehilangan Diri

Hari itu saya merasa dunia runtuh. Anak saya masih kecil dan saya harus bekerja.

1. Dukungan Emosional yang Kita Butuhkan
Teman-teman di komunitas membantu saya bangkit. *Sangat* membantu.

2) Mengatur Keuangan
Belanja kebutuhan:
- beras
- minyak
1. Catat pengeluaran setiap hari.
2. Sisihkan tabungan walau sedikit.

*Penutup*
Semoga bermanfaat. Baca juga https://contoh.id/anggaran.

ILUSTRATOR: Ans
Photographer: Dewi dan Sekar

Rina Marlina
Rina adalah ibu dua anak yang tinggal di Bandung dan menulis tentang pengasuhan.
"""


def headings(article):
    return [b["value"]["text"] for b in article.body if b["type"] == "heading"]


def body_html(article):
    return "".join(b["value"] for b in article.body if b["type"] == "paragraph")


def test_the_community_layout_is_understood():
    article = parse_text(COMMUNITY_POST)

    assert article.title == "Menjadi Ibu Tunggal Tanpa Kehilangan Diri"
    assert article.title_proposed is False
    assert headings(article) == [
        "Dukungan Emosional yang Kita Butuhkan",
        "Mengatur Keuangan",
    ]
    # She numbered her sections: the article numbers them, and her unnumbered
    # bold line stays a bold line rather than a section numbered 3.
    assert article.ordered_sections is True
    html = body_html(article)
    assert "<p><b>Penutup</b></p>" in html
    assert "<b>Sangat</b>" in html
    assert "<ul><li>beras</li><li>minyak</li></ul>" in html
    assert (
        "<ol><li>Catat pengeluaran setiap hari.</li>"
        "<li>Sisihkan tabungan walau sedikit.</li></ol>"
    ) in html
    assert '<a href="https://contoh.id/anggaran">' in html
    assert article.credits == [
        ParsedCredit(Role.WRITER, "Rina Marlina"),
        ParsedCredit(Role.ILLUSTRATOR, "Ans"),
        ParsedCredit(Role.PHOTOGRAPHER, "Dewi"),
        ParsedCredit(Role.PHOTOGRAPHER, "Sekar"),
    ]
    assert article.writer_name == "Rina Marlina"
    assert article.writer_bio.startswith("Rina adalah ibu dua anak")
    for left_out in ("ILUSTRATOR", "Photographer", "Rina Marlina", "Rina adalah"):
        assert left_out not in html


@pytest.mark.parametrize(
    ("line", "role"),
    [
        ("Ilustrator: Ans", Role.ILLUSTRATOR),
        ("illustrator: Ans", Role.ILLUSTRATOR),
        ("Ilustrasi: Ans", Role.ILLUSTRATOR),
        ("FOTO: Ans", Role.PHOTOGRAPHER),
        ("Fotografer: Ans", Role.PHOTOGRAPHER),
        ("Penerjemah: Ans", Role.TRANSLATOR),
        ("Translator: Ans", Role.TRANSLATOR),
        ("Penyunting: Ans", Role.EDITOR),
        ("editor: Ans", Role.EDITOR),
        ("Penulis: Ans", Role.WRITER),
        ("Writer: Ans", Role.WRITER),
    ],
)
def test_credit_lines_in_both_languages_any_case(line, role):
    article = parse_text(f"Judul Tulisan\n\nIsi tulisan yang cukup panjang.\n\n{line}")
    assert article.credits == [ParsedCredit(role, "Ans")]
    assert "Ans" not in body_html(article)


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("1. Dukungan Emosional", "Dukungan Emosional"),
        ("1) Dukungan Emosional", "Dukungan Emosional"),
        ("IV. Dukungan Emosional", "Dukungan Emosional"),
        ("B. Dukungan Emosional", "Dukungan Emosional"),
        ("# Dukungan Emosional", "Dukungan Emosional"),
        ("## Dukungan Emosional", "Dukungan Emosional"),
        ("*Dukungan Emosional*", "Dukungan Emosional"),
    ],
)
def test_heading_lines(line, heading):
    article = parse_text(f"Judul\n\nPembuka tulisan.\n\n{line}\nIsi bagian ini.")
    assert headings(article) == [heading]


def test_a_last_section_is_not_taken_for_a_writer_block():
    article = parse_text(
        "Judul\n\nPembuka tulisan.\n\nLangkah Berikutnya\n"
        "Bicara dengan satu orang yang kamu percaya, pelan-pelan saja."
    )
    assert article.writer_name == ""
    assert "pelan-pelan" in body_html(article)


def test_no_title_line_proposes_one_from_the_first_sentence():
    article = parse_text(
        "Saya menulis ini di sela pekerjaan. Semoga ada yang merasa ditemani."
    )
    assert article.title == "Saya menulis ini di sela pekerjaan"
    assert article.title_proposed is True
    assert article.warnings == [
        "Judul diambil dari kalimat pertama. Periksa dan perbaiki bila perlu."
    ]


def test_html_and_script_never_survive():
    article = parse_text(
        '<p>Judul Tulisan</p><p onclick="x()">Isi <script>alert(1)</script>'
        '<b>tebal</b> <a href="javascript:alert(2)">tautan</a> '
        '<iframe src="https://jahat.example"></iframe><span style="x">biasa</span>.</p>'
    )
    html = body_html(article)
    assert html == "<p>Isi <b>tebal</b> tautan biasa.</p>"


def test_plain_text_angle_brackets_are_text():
    article = parse_text("Judul\n\nAku sayang kamu <3 selalu.")
    assert body_html(article) == "<p>Aku sayang kamu &lt;3 selalu.</p>"


def test_html_body_without_title_line():
    article = parse_html(
        "Paragraf pertama.\n\nParagraf kedua<br>Ilustrator: Ans", title_line=False
    )
    assert article.title == ""
    assert body_html(article) == "<p>Paragraf pertama.</p><p>Paragraf kedua</p>"
    assert article.credits == [ParsedCredit(Role.ILLUSTRATOR, "Ans")]


def test_markdown_with_front_matter():
    article = parse_markdown(
        "---\ntitle: Resep Hemat\nslug: resep-hemat\ndate: 2024-02-03\n"
        "tags: [dapur, hemat]\ndraft: true\n---\n"
        "Masak **sekali** untuk _dua_ hari, lihat [catatan](https://contoh.id).\n\n"
        "## Bahan\n\n1. tempe\n2. kangkung\n\n### Cara\n\nTumis saja.\n"
    )
    assert article.title == "Resep Hemat"
    assert article.slug == "resep-hemat"
    assert article.tags == ["dapur", "hemat"]
    assert article.status == "draft"
    assert article.published_at.date().isoformat() == "2024-02-03"
    assert [b["value"] for b in article.body if b["type"] == "heading"] == [
        {"text": "Bahan", "level": "h2"},
        {"text": "Cara", "level": "h3"},
    ]
    html = body_html(article)
    assert "<b>sekali</b>" in html and "<i>dua</i>" in html
    assert '<a href="https://contoh.id">catatan</a>' in html
    assert "<ol><li>tempe</li><li>kangkung</li></ol>" in html


def test_markdown_first_heading_is_the_title_without_front_matter():
    article = parse_markdown("# Resep Hemat\n\nMasak sekali untuk dua hari.\n")
    assert article.title == "Resep Hemat"
    assert headings(article) == []


def docx_bytes(build):
    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_styles_bold_italic_and_numbered_lists():
    def build(document):
        document.add_paragraph("Ketika Anak Bertanya")
        document.add_paragraph("Pertanyaan itu datang saat makan malam.")
        document.add_heading("Menjawab", level=1)
        document.add_heading("Dengan Jujur", level=2)
        paragraph = document.add_paragraph("Jawaban ")
        paragraph.add_run("sederhana").italic = True
        document.add_paragraph("Dengarkan", style="List Number")
        document.add_paragraph("Jawab", style="List Number")
        document.add_paragraph("Ilustrator: Ans\nFoto: Dewi")

    article = parse_docx(docx_bytes(build))
    assert article.title == "Ketika Anak Bertanya"
    assert [b["value"] for b in article.body if b["type"] == "heading"] == [
        {"text": "Menjawab", "level": "h2"},
        {"text": "Dengan Jujur", "level": "h3"},
    ]
    assert (
        "<p>Jawaban <i>sederhana</i></p><ol><li>Dengarkan</li><li>Jawab</li></ol>"
        in (body_html(article))
    )
    assert article.credits == [
        ParsedCredit(Role.ILLUSTRATOR, "Ans"),
        ParsedCredit(Role.PHOTOGRAPHER, "Dewi"),
    ]


# --- Bad input


@pytest.mark.parametrize("text", ["", "   \n\n  ", "<script>alert(1)</script>"])
def test_empty_text(text):
    with pytest.raises(UnreadableText, match="kosong|Tidak ada isi"):
        parse_text(text)


def test_a_five_megabyte_paste_is_refused():
    with pytest.raises(UnreadableText, match="terlalu panjang"):
        parse_text("Isi tulisan. " * (5 * 1024 * 1024 // 13))
    assert MAX_TEXT_CHARS < 5 * 1024 * 1024


def test_windows_1252_and_latin_1_files():
    article = parse_upload(
        "catatan.txt",
        "Judul \u201cKita\u201d\n\nKami pergi \u2013 anak tertawa.".encode("cp1252"),
    )
    assert article.title == "Judul \u201cKita\u201d"
    article = parse_upload(
        "catatan.txt", "Judul\n\nCaf\xe9 \xb1 teh.".encode("latin-1")
    )
    assert body_html(article) == "<p>Caf\xe9 \xb1 teh.</p>"


def test_unsupported_and_binary_uploads():
    with pytest.raises(UnreadableText, match="tidak didukung"):
        parse_upload("foto.pdf", b"%PDF-1.4")
    with pytest.raises(UnreadableText, match="simpan sebagai .docx"):
        parse_upload("lama.doc", b"\xd0\xcf\x11\xe0")
    with pytest.raises(UnreadableText, match="bukan teks biasa"):
        parse_upload("aneh.txt", b"\x00\x01\x02binary")


def test_corrupt_docx():
    with pytest.raises(UnreadableText, match="rusak"):
        parse_upload("tulisan.docx", b"PK\x03\x04 bukan zip yang utuh")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "bukan dokumen Word")
    with pytest.raises(UnreadableText, match="rusak"):
        parse_upload("tulisan.docx", buffer.getvalue())


def test_password_protected_docx():
    # Word saves an encrypted document as an OLE container.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512
    with pytest.raises(UnreadableText, match="dilindungi kata sandi"):
        parse_upload("rahasia.docx", data)


def test_zip_bomb_docx_is_not_unpacked():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (20 * 1024 * 1024))
    assert len(buffer.getvalue()) < 100 * 1024
    with pytest.raises(UnreadableText, match="demi keamanan"):
        parse_upload("bom.docx", buffer.getvalue())
