"""`manage.py import_articles` on small exports and files that the tests write."""

import io
import tracemalloc
from datetime import UTC, datetime

from django.core.management import CommandError, call_command

from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model

import docx
import pytest
from docx.shared import Cm

from blog.models import ArticleCredit, ArticlePage, Category
from contributors.models import ContributorIndexPage, ContributorPage
from demo.factories import ArticlePageFactory, ContributorPageFactory
from importer.models import ImportedPost
from importer.sources import count_posts, iter_posts
from tests.importer.exports import (
    blogger,
    blogger_entry,
    blogger_settings_entry,
    png_bytes,
    wxr,
    wxr_item,
)

pytestmark = pytest.mark.django_db

FIRST_POST = """Hari itu saya merasa sendirian. Anak saya demam dan gaji belum turun.

1. Dukungan Emosional yang Kita Butuhkan
Teman-teman di grup membantu saya bangkit. <strong>Sangat</strong> membantu.
<script>alert("x")</script>
<img src="https://blog-lama.example/wp-content/uploads/2023/05/dapur-300x200.png" alt="Ibu dan anak di dapur">

2. Mengatur Keuangan
Mulai dari <a href="https://contoh.id/anggaran">catatan kecil</a> setiap hari.

Ilustrator: Ans

Rina Marlina
Rina adalah ibu dua anak di Bandung yang menulis tentang pengasuhan dan pekerjaan."""

SECOND_POST = """<p>Menyusun jadwal pagi membuat rumah lebih tenang.</p>
<ul><li>Bangun lebih awal</li><li>Siapkan bekal malam sebelumnya</li></ul>
<p>Penulis: Rina Marlina</p>"""


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts():
    return {
        "articles": ArticlePage.objects.count(),
        "contributors": ContributorPage.objects.count(),
        "categories": Category.objects.count(),
        "tags": Tag.objects.count(),
        "redirects": Redirect.objects.count(),
        "images": get_image_model().objects.count(),
        "imported": ImportedPost.objects.count(),
        "credits": ArticleCredit.objects.count(),
    }


@pytest.fixture
def wordpress_export(tmp_path):
    uploads = tmp_path / "wp-content" / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True)
    (uploads / "dapur.png").write_bytes(png_bytes())
    path = tmp_path / "blog-lama.xml"
    path.write_text(
        wxr(
            wxr_item(
                101,
                "Menjadi Ibu Tunggal Tanpa Kehilangan Diri",
                FIRST_POST,
                slug="ibu-tunggal",
                categories=["Dukungan Emosional"],
                tags=["keluarga", "Kesehatan Mental"],
            ),
            wxr_item(
                102,
                "Pagi yang Tenang",
                SECOND_POST,
                slug="pagi-tenang",
                categories=["Keseharian"],
                tags=["keluarga"],
            ),
            wxr_item(
                103, "Draf yang Belum Selesai", "<p>Masih ditulis.</p>", status="draft"
            ),
            wxr_item(104, "foto.png", "", post_type="attachment"),
        ),
        encoding="utf-8",
    )
    return path


def test_wordpress_export_becomes_articles_with_credits_and_taxonomy(
    wordpress_export, superuser
):
    out, _err = run(wordpress_export)

    assert (
        "Selesai: 3 dibuat, 0 diperbarui, 0 tidak berubah, 1 dilewati, 0 gagal." in out
    )
    assert "Bukan tulisan, tidak dijadikan artikel: 1 lampiran." in out
    article = ArticlePage.objects.get(title="Menjadi Ibu Tunggal Tanpa Kehilangan Diri")
    assert article.live is False
    assert article.owner == superuser
    assert article.slug == "ibu-tunggal"
    assert [
        (b.block_type, b.value["text"])
        for b in article.body
        if b.block_type == "heading"
    ] == [
        ("heading", "Dukungan Emosional yang Kita Butuhkan"),
        ("heading", "Mengatur Keuangan"),
    ]
    raw = str(article.body.raw_data)
    assert "script" not in raw and "alert" not in raw
    assert "Ilustrator" not in raw and "Rina adalah" not in raw
    assert '<a href="https://contoh.id/anggaran">catatan kecil</a>' in raw
    image_block = next(b for b in article.body if b.block_type == "image")
    assert image_block.value["image"].description == "Ibu dan anak di dapur"
    credits = [
        (c.role, c.contributor.title) for c in article.credits.order_by("sort_order")
    ]
    assert credits == [
        (ArticleCredit.Role.WRITER, "Rina Marlina"),
        (ArticleCredit.Role.ILLUSTRATOR, "Ans"),
    ]
    rina = ContributorPage.objects.get(title="Rina Marlina")
    # Not published: no article crediting her is live yet.
    assert rina.live is False and rina.user is None
    assert rina.get_latest_revision_as_object().short_bio.startswith("Rina adalah")
    assert article.category.name == "Dukungan Emosional"
    assert sorted(article.tags.names()) == ["Kesehatan Mental", "keluarga"]
    second = ArticlePage.objects.get(title="Pagi yang Tenang")
    assert "<ul><li>Bangun lebih awal</li>" in str(second.body.raw_data)
    assert [c.contributor for c in second.credits.all()] == [rina]
    assert ArticlePage.objects.get(title="Draf yang Belum Selesai").live is False
    # Drafts: their old addresses wait until they are live (importer.signals).
    assert not Redirect.objects.exists()
    assert "/2023/05/ibu-tunggal" in ImportedPost.objects.get(page=article).old_paths


def test_running_it_again_changes_nothing_and_never_duplicates(
    wordpress_export, superuser
):
    run(wordpress_export)
    before = counts()
    out, _err = run(wordpress_export)

    assert (
        "Selesai: 0 dibuat, 0 diperbarui, 3 tidak berubah, 1 dilewati, 0 gagal." in out
    )
    assert counts() == before
    assert before["contributors"] == 2  # Rina Marlina, Ans
    assert before["categories"] == 2
    assert before["images"] == 1


def test_publish_keeps_original_dates_and_old_links_redirect(
    wordpress_export, superuser, client
):
    run(wordpress_export, "--publish")

    article = ArticlePage.objects.get(slug="ibu-tunggal")
    assert article.live is True
    assert article.first_published_at == datetime(2023, 5, 14, 2, 30, tzinfo=UTC)
    assert ArticlePage.objects.get(title="Draf yang Belum Selesai").live is False
    response = client.get("/?p=101")
    assert response.status_code == 301
    assert response["Location"] == article.url
    response = client.get("/2023/05/ibu-tunggal/")
    assert response.status_code == 301
    assert response["Location"] == article.url
    assert client.get("/").status_code == 200
    assert client.get("/?p=999").status_code == 200


def test_dry_run_writes_nothing(wordpress_export, superuser):
    before = counts()
    out, _err = run(wordpress_export, "--dry-run")

    assert counts() == before
    assert "BARU Menjadi Ibu Tunggal Tanpa Kehilangan Diri" in out
    assert "kontributor baru: Ans, Rina Marlina" in out
    assert "/?p=101" in out
    assert "tidak ada yang disimpan: 3 baru, 0 diperbarui, 0 tidak berubah" in out


def test_a_broken_post_is_reported_and_the_others_go_on(tmp_path, superuser):
    path = tmp_path / "rusak.xml"
    path.write_text(
        wxr(
            wxr_item(201, "Tulisan Baik", "<p>Isi yang bisa dibaca dengan baik.</p>"),
            wxr_item(202, "Tulisan Kosong", "<script>alert(1)</script>"),
        ),
        encoding="utf-8",
    )
    with pytest.raises(CommandError, match="1 dibuat, .* 1 gagal"):
        run(path)
    assert list(ArticlePage.objects.values_list("title", flat=True)) == ["Tulisan Baik"]


def test_a_broken_post_reported_with_which_and_why(tmp_path, superuser):
    path = tmp_path / "rusak.xml"
    path.write_text(wxr(wxr_item(202, "Tulisan Kosong", "<p> </p>")), encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert (
        "GAGAL rusak.xml, tulisan 202 \u201cTulisan Kosong\u201d: Tulisan ini kosong"
        in err.getvalue()
    )


def test_an_export_with_entity_expansion_is_refused_whole(tmp_path, superuser):
    path = tmp_path / "bom.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<rss><channel>'
        "<item><title>&b;</title></item></channel></rss>",
        encoding="utf-8",
    )
    with pytest.raises(CommandError):
        run(path)
    assert ArticlePage.objects.count() == 0


def test_blogger_export(tmp_path, superuser, client):
    path = tmp_path / "blogger.xml"
    path.write_text(
        blogger(
            blogger_settings_entry(),
            blogger_entry(
                5001,
                "Belajar Menerima Bantuan",
                "<div>Awalnya saya malu meminta tolong.<br><br><b>Langkah Pertama</b>"
                "<br>Bicara dengan satu orang yang dipercaya.</div>"
                "<div>Foto: Sekar</div>",
                labels=["Dukungan", "Cerita"],
            ),
            blogger_entry(5002, "Draf Blogger", "<p>Belum jadi.</p>", draft=True),
        ),
        encoding="utf-8",
    )
    out, _err = run(path, "--publish")

    assert "Selesai: 2 dibuat" in out
    assert "1 pengaturan" in out
    article = ArticlePage.objects.get(title="Belajar Menerima Bantuan")
    assert article.live is True
    assert [b.value["text"] for b in article.body if b.block_type == "heading"] == [
        "Langkah Pertama"
    ]
    # Blogger has labels only: the first is the category, the rest are tags.
    assert article.category.name == "Dukungan"
    assert sorted(article.tags.names()) == ["Cerita"]
    assert sorted((c.role, c.contributor.title) for c in article.credits.all()) == [
        (ArticleCredit.Role.PHOTOGRAPHER, "Sekar"),
        (ArticleCredit.Role.WRITER, "Sari Lestari"),
    ]
    assert ArticlePage.objects.get(title="Draf Blogger").live is False
    response = client.get("/2022/11/5001-judul.html?m=1")
    assert response.status_code == 301
    assert response["Location"] == article.url


def test_markdown_folder_and_text_file(tmp_path, superuser):
    folder = tmp_path / "tulisan"
    (folder / "2024").mkdir(parents=True)
    (folder / "2024" / "resep.md").write_text(
        "---\ntitle: Resep Hemat Minggu Ini\nslug: resep-hemat\ndate: 2024-02-03\n"
        "tags: [dapur, hemat]\ncategories:\n  - Keseharian\nauthor: Dewi Anggraini\n"
        "aliases:\n  - /resep-hemat.html\n---\n"
        "Masak sekali untuk dua hari.\n\n## Bahan\n\n- tempe\n- kangkung\n\n"
        "Ilustrasi: Sekar\n",
        encoding="utf-8",
    )
    # Windows-1252, as Notepad saves it.
    (folder / "catatan.txt").write_bytes(
        "Catatan Akhir Pekan\n\nKami pergi ke taman \u2013 anak tertawa lagi.\n".encode(
            "cp1252"
        )
    )
    out, _err = run(folder, "--publish")

    assert "Selesai: 2 dibuat" in out
    recipe = ArticlePage.objects.get(slug="resep-hemat")
    assert recipe.live is True
    assert recipe.title == "Resep Hemat Minggu Ini"
    assert sorted(recipe.tags.names()) == ["dapur", "hemat"]
    assert recipe.category.name == "Keseharian"
    assert [b.value["text"] for b in recipe.body if b.block_type == "heading"] == [
        "Bahan"
    ]
    assert sorted((c.role, c.contributor.title) for c in recipe.credits.all()) == [
        (ArticleCredit.Role.ILLUSTRATOR, "Sekar"),
        (ArticleCredit.Role.WRITER, "Dewi Anggraini"),
    ]
    assert (
        Redirect.objects.get(old_path="/resep-hemat.html").redirect_page_id == recipe.pk
    )
    note = ArticlePage.objects.get(title="Catatan Akhir Pekan")
    assert "taman \u2013 anak" in str(note.body.raw_data)


def test_single_text_file_with_a_title(tmp_path, superuser):
    path = tmp_path / "tanpa-judul.txt"
    path.write_text(
        "Saya menulis ini di sela pekerjaan. Semoga ada yang merasa ditemani.\n",
        encoding="utf-8",
    )
    run(path, "--title", "Untukmu yang Sedang Lelah")
    assert ArticlePage.objects.get().title == "Untukmu yang Sedang Lelah"


def test_title_is_for_one_file_only(wordpress_export, superuser):
    with pytest.raises(CommandError, match="--title hanya bisa"):
        run(wordpress_export, "--title", "Satu Judul")


def test_unknown_owner_is_refused(wordpress_export, superuser):
    with pytest.raises(CommandError, match="Pengguna 'siapa' tidak ada"):
        run(wordpress_export, "--owner", "siapa")


def test_docx_file_with_styles_lists_and_an_image(tmp_path, superuser):
    image_path = tmp_path / "ilustrasi.png"
    image_path.write_bytes(png_bytes((90, 160, 120)))
    document = docx.Document()
    document.add_heading("Ketika Anak Bertanya tentang Ayahnya", level=0)
    document.add_paragraph("Pertanyaan itu datang saat makan malam.")
    document.add_heading("Menjawab dengan Jujur", level=1)
    paragraph = document.add_paragraph("Jawaban ")
    paragraph.add_run("yang sederhana").bold = True
    paragraph.add_run(" lebih mudah diterima.")
    document.add_paragraph("Dengarkan dulu", style="List Bullet")
    document.add_paragraph("Jawab sesuai usianya", style="List Bullet")
    document.add_picture(str(image_path), width=Cm(4))
    bold = document.add_paragraph()
    bold.add_run("Penutup").bold = True
    document.add_paragraph("Kita tidak harus punya semua jawaban hari ini.")
    document.add_paragraph("Penyunting: Maya")
    path = tmp_path / "anak-bertanya.docx"
    document.save(path)

    run(path)

    article = ArticlePage.objects.get()
    assert article.title == "Ketika Anak Bertanya tentang Ayahnya"
    assert [b.block_type for b in article.body] == [
        "paragraph",
        "heading",
        "paragraph",
        "image",
        "heading",
        "paragraph",
    ]
    raw = str(article.body.raw_data)
    assert "Jawaban <b>yang sederhana</b> lebih mudah diterima." in raw
    assert "<ul><li>Dengarkan dulu</li><li>Jawab sesuai usianya</li></ul>" in raw
    assert "Penyunting" not in raw
    assert [(c.role, c.contributor.title) for c in article.credits.all()] == [
        (ArticleCredit.Role.EDITOR, "Maya")
    ]
    assert get_image_model().objects.count() == 1


def test_a_ten_thousand_post_export_is_streamed(tmp_path):
    path = tmp_path / "besar.xml"
    with path.open("w", encoding="utf-8") as export:
        export.write(wxr().replace("</channel>\n</rss>\n", ""))
        for n in range(10_000):
            export.write(wxr_item(n + 1, f"Tulisan {n}", "<p>Isi pendek.</p>" * 20))
        export.write("</channel>\n</rss>\n")

    tracemalloc.start()
    assert count_posts(path) == 10_000
    labels = [post.label for post in iter_posts(path)]
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(labels) == 10_000
    assert labels[-1] == "besar.xml, tulisan 10000 \u201cTulisan 9999\u201d"
    # The export is ~10 MB; the parsed tree is never held whole.
    assert path.stat().st_size > 9 * 1024 * 1024
    assert peak < 5 * 1024 * 1024


def test_credits_match_existing_contributors_by_pen_name_any_case(tmp_path, superuser):
    senja = ContributorPageFactory(
        parent=ContributorIndexPage.objects.get(),
        title="Sri Wahyuni",
        pen_name="Bunda Senja",
        use_pen_name_only=True,
        slug="bunda-senja",
        short_bio="Menulis tentang malam-malam panjang bersama anak.",
    )
    sekar = ContributorPageFactory(
        parent=ContributorIndexPage.objects.get(), title="Sekar Ayu", slug="sekar-ayu"
    )
    path = tmp_path / "senja.txt"
    path.write_text(
        "Malam yang Panjang\n\nAnak saya terbangun tiga kali malam ini.\n\n"
        "ilustrator: SEKAR-AYU\n\nbunda senja\n"
        "Bunda Senja adalah ibu tunggal yang menulis di sela jaga malam.\n",
        encoding="utf-8",
    )
    before = ContributorPage.objects.count()
    _out, err = run(path)

    article = ArticlePage.objects.get()
    assert ContributorPage.objects.count() == before
    assert [(c.role, c.contributor) for c in article.credits.all()] == [
        (ArticleCredit.Role.WRITER, senja),
        (ArticleCredit.Role.ILLUSTRATOR, sekar),
    ]
    # Her bio was not empty: it stays hers, the imported one is only a suggestion.
    senja.refresh_from_db()
    assert senja.short_bio == "Menulis tentang malam-malam panjang bersama anak."
    assert (
        "bio penulis di profilnya tidak diubah; usulan dari tulisan: Bunda Senja "
        "adalah ibu tunggal yang menulis di sela jaga malam."
    ) in err


def test_page_id_links_redirect_too(client, blog_index):
    article = ArticlePageFactory(
        parent=blog_index, title="Tentang Kami", slug="tentang"
    )
    Redirect.objects.create(old_path="/?page_id=7", redirect_page=article)

    response = client.get("/?page_id=7")
    assert response.status_code == 301
    assert response["Location"] == article.url
