"""WordPress's WXR as WordPress writes it: the rules `import_articles` keeps.

Fixtures copy the shapes of WordPress's own theme unit test export and of
self-hosted exports (tests/importer/exports.py): https namespaces, pages,
attachments, menu items, password-protected, private and sticky posts, several
categories, excerpts, two posts with one GUID.
"""

import io

from django.core.management import CommandError, call_command

from wagtail.models import PageViewRestriction

import pytest

from blog.models import ArticlePage
from importer.models import ImportedPost
from tests.importer.exports import (
    SITE,
    png_bytes,
    wxr,
    wxr_attachment,
    wxr_head,
    wxr_item,
    wxr_menu_item,
)
from website.models import HomePage

pytestmark = pytest.mark.django_db

TEXT = "<p>Kami belajar menabung sedikit demi sedikit setiap pekan.</p>"
SECRET = "Rahasia kecil kami: tabungan di kaleng biskuit."


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def export(tmp_path, *items, head=None, name="ekspor.xml"):
    path = tmp_path / name
    path.write_text(wxr(*items, head=head or wxr_head()), encoding="utf-8")
    return path


@pytest.mark.parametrize("version", ["1.0", "1.1", "1.2"])
@pytest.mark.parametrize("scheme", ["http", "https"])
def test_every_wxr_version_under_either_namespace_is_read(
    tmp_path, superuser, version, scheme
):
    path = export(
        tmp_path,
        wxr_item(7, "Menabung Pelan-Pelan", TEXT, slug="menabung", categories=["Uang"]),
        head=wxr_head(version, scheme),
    )
    run(path, "--publish")

    article = ArticlePage.objects.get()
    assert (article.title, article.slug, article.live) == (
        "Menabung Pelan-Pelan",
        "menabung",
        True,
    )
    assert article.category.name == "Uang"
    assert [c.contributor.title for c in article.credits.all()] == ["Rina Marlina"]


def test_only_posts_become_articles_the_rest_is_counted(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(10, "Tulisan Pertama", TEXT, comments=2),
        wxr_item(11, "Tentang Kami", TEXT, post_type="page", slug="tentang"),
        wxr_attachment(12, f"{SITE}/wp-content/uploads/2023/05/foto.jpg"),
        wxr_menu_item(13),
        wxr_menu_item(14),
        wxr_item(15, "Produk Toko", TEXT, post_type="product"),
        wxr_item(16, "Dibuang", TEXT, status="trash"),
    )
    out, _err = run(path, "--publish")

    assert list(ArticlePage.objects.values_list("title", flat=True)) == [
        "Tulisan Pertama"
    ]
    assert (
        "Bukan tulisan, tidak dijadikan artikel: 1 lampiran, 2 komentar, "
        "2 item menu, 1 halaman, 1 post (trash), 1 product." in out
    )
    assert (
        "Selesai: 1 dibuat, 0 diperbarui, 0 tidak berubah, 8 dilewati, 0 gagal." in out
    )


def test_private_post_stays_a_draft(tmp_path, superuser):
    path = export(tmp_path, wxr_item(20, "Catatan Pribadi", TEXT, status="private"))
    run(path, "--publish")
    assert ArticlePage.objects.get().live is False


def test_sticky_post_is_featured_on_the_home_page(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(21, "Selamat Datang di Blog Kami", TEXT, sticky=True),
        wxr_item(22, "Tulisan Biasa", TEXT),
    )
    run(path, "--publish")

    home = HomePage.objects.get()
    sticky = ArticlePage.objects.get(title="Selamat Datang di Blog Kami")
    assert [f.article for f in home.featured_articles.all()] == [sticky]
    assert home.has_unpublished_changes is False


def test_every_category_is_kept_the_first_as_category_the_rest_as_tags(
    tmp_path, superuser
):
    path = export(
        tmp_path,
        wxr_item(
            30,
            "Hari Pertama Sekolah",
            TEXT,
            categories=[
                "Pengasuhan",
                "Sekolah",
                "Cerita Ibu",
                ("Uncategorized", "uncategorized"),
            ],
            tags=["anak"],
        ),
    )
    run(path)

    article = ArticlePage.objects.get()
    assert article.category.name == "Pengasuhan"
    assert sorted(article.tags.names()) == ["Cerita Ibu", "Sekolah", "anak"]


def test_the_excerpt_is_kept_as_the_article_excerpt(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(
            31,
            "Belanja Bulanan",
            TEXT,
            excerpt="<p>Cara kami <em>membagi</em> uang belanja.</p>",
        ),
    )
    run(path)
    assert ArticlePage.objects.get().excerpt == "Cara kami membagi uang belanja."


def test_two_posts_sharing_a_guid_stay_two(tmp_path, superuser):
    # WordPress copies a post's GUID when a post is duplicated (the theme unit
    # test has two: ?p=568 on posts 568 and 1158).
    shared = f"{SITE}/?p=40"
    path = export(
        tmp_path,
        wxr_item(40, "Gambar Bertaut", TEXT, guid=shared),
        wxr_item(41, "Gambar Saja", TEXT, guid=shared),
    )
    out, _err = run(path)

    assert "2 dibuat" in out
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "Gambar Bertaut",
        "Gambar Saja",
    ]
    assert ImportedPost.objects.count() == 2


def test_two_posts_sharing_an_id_stay_two_and_stay_apart_on_a_second_run(
    tmp_path, superuser
):
    # A hand-edited export (Pelican's test file has two posts numbered 175).
    path = export(
        tmp_path,
        wxr_item(50, "Kode dalam Daftar", TEXT),
        wxr_item(50, "Entitas HTML di Judul", TEXT),
    )
    run(path)
    out, _err = run(path)

    assert ArticlePage.objects.count() == 2
    assert "0 dibuat, 0 diperbarui, 2 tidak berubah" in out


def test_featured_and_inline_images_come_from_the_attachments(tmp_path, superuser):
    uploads = tmp_path / "wp-content" / "uploads" / "2023" / "05"
    uploads.mkdir(parents=True)
    (uploads / "sampul.png").write_bytes(png_bytes((10, 120, 200)))
    (uploads / "dapur.png").write_bytes(png_bytes((200, 20, 20)))
    body = (
        f'{TEXT}<p><img src="{SITE}/wp-content/uploads/2023/05/dapur-300x200.png" '
        'alt="Dapur kecil kami"></p>'
    )
    path = export(
        tmp_path,
        wxr_item(60, "Dapur Kami", body, meta=[("_thumbnail_id", "61")]),
        wxr_attachment(61, f"{SITE}/wp-content/uploads/2023/05/sampul.png", parent=60),
    )
    run(path)

    article = ArticlePage.objects.get()
    assert article.hero_image.file.name.split("/")[-1].startswith("sampul")
    inline = next(b for b in article.body if b.block_type == "image").value["image"]
    assert inline.description == "Dapur kecil kami"
    assert inline.pk != article.hero_image.pk


def test_a_missing_featured_image_is_said(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(62, "Tanpa Sampul", TEXT, meta=[("_thumbnail_id", "63")]),
        wxr_attachment(63, f"{SITE}/wp-content/uploads/2023/05/hilang.jpg"),
    )
    _out, err = run(path)
    assert "Gambar utama tidak ditemukan dan dilewati: hilang.jpg" in err
    assert ArticlePage.objects.get().hero_image is None


def test_a_scheduled_post_is_scheduled_for_its_date(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(64, "Nanti Terbit", TEXT, status="future", date="2099-01-01 12:00:00"),
    )
    run(path, "--publish")

    article = ArticlePage.objects.get()
    assert article.live is False
    assert article.go_live_at.year == 2099
    assert article.get_latest_revision().approved_go_live_at.year == 2099


def test_relative_links_are_resolved_against_the_old_blog(tmp_path, superuser):
    body = (
        '<p>Baca juga <a href="/2022/01/02/resep-murah/">resep murah</a> dan '
        '<a href="../panduan/">panduan</a>.</p>'
    )
    path = export(tmp_path, wxr_item(65, "Tautan Lama", body, slug="tautan-lama"))
    run(path)

    raw = str(ArticlePage.objects.get().body.raw_data)
    assert f'<a href="{SITE}/2022/01/02/resep-murah/">resep murah</a>' in raw
    assert f'<a href="{SITE}/2023/05/14/panduan/">panduan</a>' in raw


# --- Password-protected posts: a Wagtail password restriction, never public


@pytest.fixture
def protected(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(
            70,
            "Kisah yang Dijaga",
            f"<p>{SECRET}</p>",
            slug="kisah-dijaga",
            password="kaleng",
            categories=["Cerita"],
            excerpt=SECRET,
        ),
        wxr_item(
            71, "Kisah Terbuka", TEXT, slug="kisah-terbuka", categories=["Cerita"]
        ),
    )
    run(path, "--publish")
    return ArticlePage.objects.get(slug="kisah-dijaga")


def test_a_password_protected_post_keeps_its_password(protected):
    restriction = PageViewRestriction.objects.get(page=protected)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "kaleng"
    assert protected.live is True


def test_its_text_is_not_in_the_page_without_the_password(protected, client):
    response = client.get(protected.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert SECRET not in html
    assert 'name="password"' in html


def test_its_text_is_shown_with_the_password(protected, client):
    restriction = PageViewRestriction.objects.get(page=protected)
    form_url = f"/_util/authenticate_with_password/{restriction.pk}/{protected.pk}/"
    response = client.post(
        form_url, {"password": "kaleng", "return_url": protected.url}
    )
    assert response.status_code == 302
    assert SECRET in client.get(protected.url).content.decode()


@pytest.mark.parametrize(
    "url",
    ["/artikel/feed/", "/sitemap.xml", "/cari/?q=kaleng", "/artikel/", "/"],
)
def test_its_text_is_in_no_public_listing_feed_sitemap_or_search(
    protected, client, url
):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert SECRET not in body
    assert "Kisah yang Dijaga" not in body


def test_its_text_is_not_in_its_category_listing(protected, client):
    response = client.get("/artikel/kategori/cerita/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Kisah Terbuka" in body
    assert SECRET not in body and "Kisah yang Dijaga" not in body


def test_its_old_address_leads_to_the_password_form_not_the_text(protected, client):
    response = client.get("/?p=70", follow=True)
    assert response.redirect_chain == [(protected.url, 301)]
    assert SECRET not in response.content.decode()


# --- A failed post, an unexpected error: named, and the summary always said


def test_an_unexpected_error_in_one_post_is_reported_and_the_rest_go_on(
    tmp_path, superuser, monkeypatch
):
    import importer.saving

    original = importer.saving._tag_names

    def broken(parsed, category):
        if parsed.title == "Yang Rusak":
            raise KeyError("sesuatu yang tak terduga")
        return original(parsed, category)

    monkeypatch.setattr(importer.saving, "_tag_names", broken)
    path = export(
        tmp_path,
        wxr_item(80, "Yang Baik", TEXT),
        wxr_item(81, "Yang Rusak", TEXT),
        wxr_item(82, "Yang Baik Juga", TEXT),
    )
    err = io.StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)

    assert str(raised.value) == (
        "Selesai: 2 dibuat, 0 diperbarui, 0 tidak berubah, 0 dilewati, 1 gagal."
    )
    assert (
        "GAGAL ekspor.xml, tulisan 81 \u201cYang Rusak\u201d: "
        "'sesuatu yang tak terduga'" in err.getvalue()
    )
    assert ArticlePage.objects.count() == 2


def test_a_broken_export_is_failed_with_its_reason_printed(tmp_path, superuser):
    path = tmp_path / "rusak.xml"
    path.write_text(wxr(wxr_item(90, "Judul", TEXT))[:-40], encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError, match="1 gagal"):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert "GAGAL " in err.getvalue()
    assert "rusak.xml tidak bisa dibaca sebagai ekspor XML: " in err.getvalue()


def test_a_post_with_only_a_missing_image_says_so(tmp_path, superuser):
    path = export(
        tmp_path,
        wxr_item(
            91, "Foto Saja", f'<img src="{SITE}/wp-content/uploads/foto.jpg?w=604">'
        ),
    )
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_articles", str(path), stdout=io.StringIO(), stderr=err)
    assert (
        "GAGAL ekspor.xml, tulisan 91 \u201cFoto Saja\u201d: Tulisan ini tidak berisi "
        "teks, hanya gambar yang tidak ada di folder ekspor: foto.jpg."
    ) in err.getvalue()
