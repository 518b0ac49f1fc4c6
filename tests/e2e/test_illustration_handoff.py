"""The hand-off on a 375 px phone, in Chromium: the writer asks for an illustration,
an illustrator takes it, uploads a picture, sets it as the hero image, and the
writer finds it in her draft."""

from django.urls import reverse

import pytest

from blog.models import ArticlePage
from demo.factories import ContributorPageFactory, CustomImageFactory
from editorial.models import IllustrationRequest
from tests.e2e.test_admin_on_a_phone import log_in
from tests.editorial.conftest import draft_by, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 20_000
TITLE = "Hujan di jalan pulang"
BRIEF = "Seorang ibu dan anaknya berbagi satu payung di jalan pulang."


def a_photo(tmp_path):
    """A real photo file, as a phone would send it."""
    image = CustomImageFactory.build()
    path = tmp_path / "payung.jpg"
    path.write_bytes(image.file.read())
    return path


def test_hand_off_on_a_phone(
    live_server, page, blog_index, contributor_index, tmp_path
):
    page.set_default_timeout(TIMEOUT)
    alya = make_user("alya", "Contributors")
    alya.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=alya
    )
    bunga = make_user("bunga", "Contributors")
    ContributorPageFactory(
        parent=contributor_index, title="Bunga Lestari", slug="bunga", user=bunga
    )
    draft = draft_by(
        alya,
        blog_index,
        title=TITLE,
        standfirst="Tentang payung kecil dan tangan yang saling menggenggam.",
    )

    # --- The writer asks, from "Tulisan saya".
    log_in(page, live_server, alya)
    page.locator("[data-editorial-my-articles]").get_by_role(
        "link", name="Butuh ilustrasi"
    ).click()
    page.fill("#id_brief", BRIEF)
    page.fill("#id_mood", "hangat")
    page.get_by_role("button", name="Simpan permintaan").click()
    page.wait_for_url(f"{live_server.url}{reverse('wagtailadmin_home')}")
    request = IllustrationRequest.objects.get(article=draft)
    assert request.status == "open"

    # --- The illustrator sees it and takes it.
    log_in(page, live_server, bunga)
    waiting = page.locator(f"[data-illustration-request='{request.pk}']")
    assert TITLE in waiting.inner_text()
    assert BRIEF in waiting.inner_text()
    waiting.get_by_role("button", name="Ambil").click()
    page.wait_for_url(
        f"{live_server.url}{reverse('editorial_illustrate', args=[request.pk])}"
    )

    # --- She uploads a picture through the hero image's chooser.
    page.locator("#id_hero_image-chooser").get_by_role(
        "button", name="Pilih sebuah gambar"
    ).click()
    page.locator(".modal #tab-label-upload").click()
    page.fill(".modal #id_image-chooser-upload-title", "Dua payung di jalan")
    page.set_input_files(".modal #id_image-chooser-upload-file", str(a_photo(tmp_path)))
    page.locator(".modal #tab-upload button[type=submit]").click()
    page.wait_for_selector(".modal", state="hidden")
    page.get_by_role("button", name="Simpan ilustrasi").click()
    page.wait_for_selector(".messages .success")

    # --- The writer finds it in her draft.
    latest = ArticlePage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert latest.hero_image.title == "Dua payung di jalan"
    assert latest.hero_image.uploaded_by_user == bunga
    log_in(
        page,
        live_server,
        alya,
        then_open=f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=[draft.pk])}",
    )
    assert "Dua payung di jalan" in page.locator("#id_hero_image-chooser").inner_text()
