""" "Kirim tulisan" through the real admin view: paste or upload, check, save or submit."""

import io
import zipfile
from datetime import timedelta

from django.contrib.auth.models import Permission
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from blog.models import ArticleCredit, ArticlePage
from contributors.models import ContributorPage
from demo.factories import ContributorPageFactory
from importer.models import PendingUpload
from tests.editorial.conftest import make_user

pytestmark = pytest.mark.django_db

COMMUNITY_TEXT = """Menjadi Ibu Tunggal Tanpa Kehilangan Diri

Menjadi ibu tunggal bukan akhir dari segalanya. Ada hari yang berat, tetapi ada juga \
dukungan yang bisa kita cari bersama.

1. Dukungan Emosional yang Bisa Dicari

Bicaralah dengan teman yang kamu percaya. Kelompok sesama ibu tunggal juga membantu \
kita merasa tidak sendirian.

2. Mengatur Keuangan Sendirian

Catat pengeluaran setiap hari, sekecil apa pun, lalu sisihkan sedikit untuk tabungan.

Ilustrator: Ans

Alya Rahma

Alya adalah ibu dua anak yang menulis tentang keseharian dan keuangan keluarga.
"""

URL = "importer_submit_text"


def url():
    return reverse(URL)


def contributor(index, username, name, **profile):
    user = make_user(username, "Contributors")
    user.profile_page = ContributorPageFactory(
        parent=index, title=name, slug=username, user=user, **profile
    )
    return user


@pytest.fixture
def alya(contributor_index):
    # Her profile has no bio yet: the one at the end of her text will fill it.
    return contributor(contributor_index, "alya", "Alya Rahma", short_bio="")


@pytest.fixture
def bunga(contributor_index):
    return contributor(contributor_index, "bunga", "Bunga Lestari")


@pytest.fixture
def eka(db):
    return make_user("eka", "Editors")


@pytest.fixture
def as_alya(client, alya, blog_index):
    client.force_login(alya)
    return client


@pytest.fixture
def as_eka(client, eka, blog_index):
    client.force_login(eka)
    return client


def preview(client, text=COMMUNITY_TEXT, **extra):
    return client.post(url(), {"step": "preview", "text": text, **extra})


def save_data(
    text=COMMUNITY_TEXT,
    title="Menjadi Ibu Tunggal Tanpa Kehilangan Diri",
    credits=(("illustrator", "Ans"), ("writer", "Alya Rahma")),
    **extra,
):
    data = {
        "step": "save",
        "text": text,
        "title": title,
        "credits-TOTAL_FORMS": str(len(credits)),
        "credits-INITIAL_FORMS": str(len(credits)),
        "credits-MIN_NUM_FORMS": "0",
        "credits-MAX_NUM_FORMS": "20",
        "action-draft": "",
    }
    for index, (role, name) in enumerate(credits):
        data[f"credits-{index}-role"] = role
        data[f"credits-{index}-name"] = name
    data.update(extra)
    return data


def credit_pairs(page):
    return sorted(
        (credit.role, credit.contributor.title)
        for credit in ArticleCredit.objects.filter(page=page).select_related(
            "contributor"
        )
    )


def docx_bytes(paragraphs):
    """A minimal Word file, written by hand: the three parts Word needs."""
    body = "".join(
        f'<w:p><w:pPr><w:pStyle w:val="{style}"/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>'
        if style
        else f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
        for style, text in paragraphs
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-'
            'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/'
            'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
            'org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
            f'2006/main"><w:body>{body}</w:body></w:document>',
        )
    return buffer.getvalue()


# --- Who may -----------------------------------------------------------------------


def test_contributor_finds_it_on_her_dashboard_and_in_the_menu(as_alya):
    response = as_alya.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'href="{url()}"' in content
    assert "importer-submit-text" in content  # the admin menu item

    response = as_alya.get(url())
    assert response.status_code == 200
    assert 'name="text"' in response.content.decode()
    assert 'name="upload"' in response.content.decode()


def test_someone_who_may_not_add_articles_is_refused(client, blog_index):
    guest = make_user("tamu")
    guest.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(guest)

    assert client.get(url()).status_code == 403
    assert preview(client).status_code == 403
    assert ArticlePage.objects.count() == 0
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert url() not in home


def test_anonymous_is_sent_to_log_in(client, blog_index):
    response = client.get(url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_the_form_needs_its_csrf_token(alya, blog_index):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alya)
    assert preview(client).status_code == 403


# --- Step 2: how Serambi understood it, nothing saved -------------------------------


def test_paste_shows_title_sections_credits_and_bio_and_saves_nothing(as_alya):
    pages_before = ContributorPage.objects.count()
    response = preview(as_alya)

    assert response.status_code == 200
    assert response.templates[0].name == "importer/preview.html"
    content = response.content.decode()
    assert 'value="Menjadi Ibu Tunggal Tanpa Kehilangan Diri"' in content
    # She numbered her sections: the preview shows her numbers, the headings hold none.
    number = '<span class="serambi-import__number">{}.</span> '
    assert (
        '<h3 class="serambi-import__heading">'
        f"{number.format(1)}Dukungan Emosional yang Bisa Dicari</h3>" in content
    )
    assert (
        '<h3 class="serambi-import__heading">'
        f"{number.format(2)}Mengatur Keuangan Sendirian</h3>" in content
    )
    assert "Catat pengeluaran setiap hari" in content
    # Credit lines and the writer's block are not body text.
    body = content.split("data-import-body>")[1].split("</div>")[0]
    assert "Ilustrator" not in body
    assert "Alya adalah ibu dua anak" not in body
    # Credits: her own profile matched, the illustrator new.
    rows = content.split("data-import-credits>")[1].split("</ol>")[0]
    assert 'value="Ans"' in rows
    assert 'value="Alya Rahma"' in rows
    assert rows.count('data-match="new"') == 1
    assert rows.count('data-match="existing"') == 1
    # Her profile bio is empty, so the bio will fill it.
    assert 'data-bio-plan="fills"' in content
    assert "Alya adalah ibu dua anak" in content
    # The text rides along for step 3, and nothing exists yet.
    assert response.context["form"]["text"].value() == COMMUNITY_TEXT
    assert ArticlePage.objects.count() == 0
    assert ContributorPage.objects.count() == pages_before


def test_bio_is_a_suggestion_when_her_profile_has_one(as_alya, alya):
    alya.profile_page.short_bio = "Penulis dan penjahit dari Bandung."
    alya.profile_page.save()
    response = preview(as_alya)
    assert 'data-bio-plan="suggestion"' in response.content.decode()


def test_a_text_without_a_title_line_asks_for_one(as_alya):
    text = COMMUNITY_TEXT.split("\n\n", 1)[1]
    response = preview(as_alya, text=text)
    assert response.status_code == 200
    assert response.context["form"]["title"].value() in ("", None)
    assert "tidak punya baris judul" in response.content.decode()

    response = as_alya.post(url(), save_data(text=text, title=""))
    assert response.status_code == 400
    assert "Tulisan ini belum punya judul" in response.content.decode()
    assert ArticlePage.objects.count() == 0

    response = as_alya.post(url(), save_data(text=text, title="Bertahan dan bertumbuh"))
    page = ArticlePage.objects.get()
    assert page.title == "Bertahan dan bertumbuh"
    assert response.status_code == 302


# --- Step 3: a draft, or straight to review ----------------------------------------


def test_contributor_saves_a_draft_she_owns_with_headings_and_credits(as_alya, alya):
    response = as_alya.post(url(), save_data())

    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.owner == alya
    assert page.title == "Menjadi Ibu Tunggal Tanpa Kehilangan Diri"
    assert not page.live
    assert page.latest_revision is not None
    assert page.latest_revision.user == alya
    assert [
        block.block_type for block in page.body if block.block_type == "heading"
    ] == [
        "heading",
        "heading",
    ]
    assert [b.value["text"] for b in page.body if b.block_type == "heading"] == [
        "Dukungan Emosional yang Bisa Dicari",
        "Mengatur Keuangan Sendirian",
    ]
    assert credit_pairs(page) == [("illustrator", "Ans"), ("writer", "Alya Rahma")]
    assert page.current_workflow_state is None

    editor = as_alya.get(response["Location"])
    assert editor.status_code == 200
    assert "disimpan sebagai draf" in editor.content.decode()


def test_she_fixes_the_title_and_a_credit_before_saving(as_alya, bunga):
    as_alya.post(
        url(),
        save_data(
            title="Ibu Tunggal, Tetap Jadi Diri Sendiri",
            credits=(
                ("illustrator", "bunga lestari"),
                ("writer", "Alya Rahma"),
                ("editor", ""),
            ),
        ),
    )
    page = ArticlePage.objects.get()
    assert page.title == "Ibu Tunggal, Tetap Jadi Diri Sendiri"
    # Matched without regard to case: Bunga's own profile, no new "Ans", no empty row.
    assert credit_pairs(page) == [
        ("illustrator", "Bunga Lestari"),
        ("writer", "Alya Rahma"),
    ]
    assert not ContributorPage.objects.filter(title="Ans").exists()


def test_save_and_submit_puts_it_in_review_at_once(as_alya, alya):
    data = save_data()
    del data["action-draft"]
    data["action-submit"] = ""
    response = as_alya.post(url(), data)

    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    state = page.current_workflow_state
    assert state is not None
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == alya
    assert state.current_task_state.revision == page.latest_revision
    assert page.owner == alya


def test_editor_saves_on_behalf_of_a_contributor(as_eka, eka, alya, bunga):
    response = preview(as_eka)
    assert response.status_code == 200
    owner = response.context["form"]["owner"]
    # The writer credit names Alya, who has an account: she is proposed as owner.
    assert owner.value() == alya.pk

    response = as_eka.post(url(), save_data(owner=str(bunga.pk)))
    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert page.owner == bunga
    assert page.latest_revision is not None


def test_a_contributor_cannot_pick_another_owner(as_alya, alya, bunga):
    as_alya.post(url(), save_data(owner=str(bunga.pk)))
    assert ArticlePage.objects.get().owner == alya


# --- Uploads ----------------------------------------------------------------------


def upload(client, name, data):
    return client.post(
        url(),
        {"step": "preview", "text": "", "upload": SimpleUploadedFile(name, data)},
    )


def test_uploaded_text_file_waits_server_side_and_is_dropped_after_use(as_alya, alya):
    response = upload(as_alya, "tulisan.txt", COMMUNITY_TEXT.encode("utf-8"))
    assert response.status_code == 200
    token = response.context["form"]["upload_token"].value()
    assert token
    kept = PendingUpload.objects.get(token=token)
    assert (kept.user, kept.filename) == (alya, "tulisan.txt")
    content = response.content.decode()
    assert "Dukungan Emosional yang Bisa Dicari" in content
    assert 'name="text"' in content  # the hidden field, empty: the bytes stay here
    assert COMMUNITY_TEXT[:60] not in content.split("data-import-body>")[0]

    response = as_alya.post(url(), save_data(text="", upload_token=token))
    page = ArticlePage.objects.get()
    assert response.status_code == 302
    assert page.owner == alya
    assert not PendingUpload.objects.exists()


def test_an_upload_outlives_the_cache_between_the_steps(as_alya, alya):
    # Another web worker's local-memory cache, or Redis flushed or down: the file
    # she uploaded must still be there when she saves.
    response = upload(as_alya, "tulisan.txt", COMMUNITY_TEXT.encode("utf-8"))
    token = response.context["form"]["upload_token"].value()
    cache.clear()

    response = as_alya.post(url(), save_data(text="", upload_token=token))

    assert response.status_code == 302
    assert "Dukungan Emosional yang Bisa Dicari" in str(ArticlePage.objects.get().body)


def test_uploaded_word_file_is_understood(as_alya):
    data = docx_bytes(
        [
            ("Title", "Menabung Sedikit demi Sedikit"),
            ("", "Setiap minggu saya menyisihkan uang receh di toples."),
            ("Heading1", "Mulai dari yang kecil"),
            ("", "Sepuluh ribu seminggu pun berarti bila dilakukan terus."),
        ]
    )
    response = upload(as_alya, "menabung.docx", data)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Mulai dari yang kecil" in content
    assert "Setiap minggu saya menyisihkan uang receh" in content


def test_someone_elses_upload_token_is_refused(as_alya, client, bunga):
    response = upload(as_alya, "tulisan.txt", COMMUNITY_TEXT.encode("utf-8"))
    token = response.context["form"]["upload_token"].value()

    other = Client()
    other.force_login(bunga)
    response = other.post(url(), save_data(text="", upload_token=token))
    assert response.status_code == 400
    assert "Unggah sekali lagi" in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_an_expired_upload_asks_for_the_file_again(as_alya):
    response = upload(as_alya, "tulisan.txt", COMMUNITY_TEXT.encode("utf-8"))
    token = response.context["form"]["upload_token"].value()
    PendingUpload.objects.filter(token=token).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )

    response = as_alya.post(url(), save_data(text="", upload_token=token))
    assert response.status_code == 400
    assert "Unggah sekali lagi" in response.content.decode()
    assert ArticlePage.objects.count() == 0
    # The next upload, by anyone, takes the stale one with it.
    upload(as_alya, "lagi.txt", COMMUNITY_TEXT.encode("utf-8"))
    assert list(PendingUpload.objects.values_list("filename", flat=True)) == [
        "lagi.txt"
    ]


# --- Bad input: a clear message, a 4xx, nothing created ---------------------------


def assert_refused(response, status, words):
    assert response.status_code == status
    content = response.content.decode()
    assert "data-import-error" in content
    assert words in content
    assert ArticlePage.objects.count() == 0


def test_empty_paste(as_alya):
    assert_refused(preview(as_alya, text="   \n\n  "), 400, "Tempel tulisan Anda")


def test_wrong_file_type(as_alya):
    response = upload(as_alya, "tulisan.pdf", b"%PDF-1.4 ...")
    assert_refused(response, 400, "Berkas ini tidak bisa dibaca")


def test_empty_file(as_alya):
    assert_refused(upload(as_alya, "kosong.txt", b""), 400, "Berkas ini kosong")


def test_file_over_five_megabytes(as_alya):
    data = b"Paragraf panjang tentang hari-hari kami.\n\n" * 130_000
    assert len(data) > 5 * 1024 * 1024
    assert_refused(upload(as_alya, "besar.txt", data), 413, "paling besar 5 MB")


def test_paste_over_the_limit(as_alya):
    text = "Paragraf panjang tentang hari-hari kami.\n\n" * 130_000
    assert_refused(preview(as_alya, text=text), 413, "paling besar 5 MB")


def test_both_a_paste_and_a_file(as_alya):
    response = as_alya.post(
        url(),
        {
            "step": "preview",
            "text": COMMUNITY_TEXT,
            "upload": SimpleUploadedFile("tulisan.txt", b"Judul\n\nIsi."),
        },
    )
    assert_refused(response, 400, "Pilih salah satu")
    # Her paste comes back to her.
    assert response.context["form"]["text"].value() == COMMUNITY_TEXT


def test_corrupt_word_file(as_alya):
    response = upload(as_alya, "rusak.docx", b"PK\x03\x04 ini bukan berkas Word")
    assert response.status_code == 400
    assert "data-import-error" in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_password_protected_word_file(as_alya):
    # Word saves an encrypted document as an OLE compound file, not a zip.
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048
    response = upload(as_alya, "rahasia.docx", data)
    assert response.status_code == 400
    assert "data-import-error" in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_word_file_that_is_a_zip_bomb(as_alya):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (300 * 1024 * 1024))
    data = buffer.getvalue()
    assert len(data) < 5 * 1024 * 1024
    response = upload(as_alya, "bom.docx", data)
    assert response.status_code == 400
    assert "data-import-error" in response.content.decode()
    assert ArticlePage.objects.count() == 0


def test_html_and_script_are_stripped(as_alya):
    text = COMMUNITY_TEXT.replace(
        "Catat pengeluaran setiap hari",
        '<script>alert("x")</script><img src=x onerror="alert(1)">Catat pengeluaran setiap hari',
    )
    response = preview(as_alya, text=text)
    assert response.status_code == 200
    body = response.content.decode().split("data-import-body>")[1].split("</div>")[0]
    assert "<script" not in body
    assert "onerror" not in body
    assert "Catat pengeluaran setiap hari" in body

    as_alya.post(url(), save_data(text=text))
    stored = str(ArticlePage.objects.get().body.raw_data)
    assert "<script" not in stored
    assert "onerror" not in stored
    assert "Catat pengeluaran setiap hari" in stored


def picture_docx():
    """A Word file with one picture, written by python-docx as Word would."""
    from docx import Document
    from PIL import Image

    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 120, 80)).save(picture, format="PNG")
    picture.seek(0)
    document = Document()
    document.add_heading("Pagi di Pasar", level=0)
    document.add_paragraph(
        "Saya dan anak berbelanja sayur sebelum ia berangkat sekolah."
    )
    document.add_picture(picture)
    document.add_paragraph("Harga cabai naik lagi, tetapi kami tetap tertawa.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_she_writes_the_alt_text_of_each_picture_in_a_word_file(as_alya):
    response = upload(as_alya, "pasar.docx", picture_docx())
    assert response.status_code == 200
    form = response.context["form"]
    assert form.image_fields == ["alt_0"]
    assert 'name="alt_0"' in response.content.decode()
    token = form["upload_token"].value()

    alt = "Seorang ibu dan anaknya memilih sayur di pasar pagi"
    response = as_alya.post(
        url(),
        save_data(text="", upload_token=token, title="Pagi di Pasar", alt_0=alt),
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get()
    images = [
        block.value["image"] for block in page.body if block.block_type == "image"
    ]
    assert len(images) == 1
    assert images[0].description == alt


def test_she_goes_back_to_change_her_text_without_losing_it(as_alya):
    data = save_data()
    del data["action-draft"]
    data["action-edit"] = ""
    response = as_alya.post(url(), data)
    assert response.status_code == 200
    assert response.templates[0].name == "importer/submit_text.html"
    assert response.context["form"]["text"].value() == COMMUNITY_TEXT
    assert ArticlePage.objects.count() == 0


def test_editor_sees_whose_draft_it_will_be_and_a_contributor_does_not(
    as_eka, alya, client
):
    content = preview(as_eka).content.decode()
    assert 'name="owner"' in content
    assert "Alya Rahma (alya)" in content

    client.force_login(alya)
    assert 'name="owner"' not in preview(client).content.decode()


def test_a_fault_in_the_parser_is_a_400_that_keeps_her_text(as_alya, monkeypatch):
    def broken(text):
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr("importer.views.parse_text", broken)
    response = preview(as_alya)
    assert_refused(response, 400, "Tulisan Anda tidak hilang")
    assert response.context["form"]["text"].value() == COMMUNITY_TEXT


@pytest.fixture
def bunda_senja(contributor_index):
    """A contributor published under her pen name only; her real name is Siti Aminah."""
    return contributor(
        contributor_index,
        "siti",
        "Siti Aminah",
        pen_name="Bunda Senja",
        use_pen_name_only=True,
    )


def test_the_preview_never_ties_a_real_name_to_a_pen_name(
    as_alya, bunda_senja, eka, client
):
    by_real_name = COMMUNITY_TEXT.replace("Ilustrator: Ans", "Ilustrator: Siti Aminah")
    content = preview(as_alya, text=by_real_name).content.decode()
    rows = content.split("data-import-credits>")[1].split("</ol>")[0]
    assert 'data-match="editors"' in rows
    assert "Bunda Senja" not in content

    by_pen_name = COMMUNITY_TEXT.replace("Ilustrator: Ans", "Ilustrator: bunda senja")
    content = preview(as_alya, text=by_pen_name).content.decode()
    assert "Sudah ada: Bunda Senja" in content
    assert "Siti Aminah" not in content

    # Editors know both names.
    client.force_login(eka)
    rows = preview(client, text=by_real_name).content.decode()
    rows = rows.split("data-import-credits>")[1].split("</ol>")[0]
    assert rows.count('data-match="existing"') == 2


def test_a_saved_draft_never_ties_a_real_name_to_a_pen_name(
    as_alya, alya, bunda_senja, eka, client
):
    hidden = ContributorPage.objects.get(pen_name="Bunda Senja")
    by_real_name = (("illustrator", "Siti Aminah"), ("writer", "Alya Rahma"))
    as_alya.post(url(), save_data(credits=by_real_name))

    page = ArticlePage.objects.get()
    illustrator = page.credits.get(role="illustrator").contributor
    # A new draft profile for the editors to check, not the pen-name profile, so
    # neither the draft nor its editor shows her the pen name.
    assert illustrator != hidden
    assert illustrator.title == "Siti Aminah"
    assert not illustrator.live
    editor_view = as_alya.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert editor_view.status_code == 200
    assert "Bunda Senja" not in editor_view.content.decode()

    # An editor, who knows both names, gets her existing profile.
    client.force_login(eka)
    client.post(url(), save_data(credits=by_real_name, owner=str(alya.pk)))
    latest = ArticlePage.objects.order_by("-pk").first()
    assert latest != page
    assert latest.credits.get(role="illustrator").contributor == hidden
