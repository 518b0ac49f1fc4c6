""" "Kirim tulisan" on a 375 px phone: paste the community's text, check, save, edit."""

from pathlib import Path

from django.urls import reverse

import pytest

from blog.models import ArticlePage
from demo.factories import ContributorPageFactory
from tests.editorial.conftest import make_user

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 20_000
LAST_SCREEN = Path(".pytest_cache") / "submit_text_on_a_phone_last_screen.png"

TEXT = """Bangkit Setelah Berpisah

Perpisahan tidak pernah mudah, apalagi ketika anak-anak masih kecil. Tulisan ini \
berisi hal-hal kecil yang membantu saya bertahan di tahun pertama.

1. Dukungan Emosional yang Bisa Dicari

Saya belajar bercerita kepada sahabat dan bergabung dengan kelompok sesama ibu \
tunggal. Ternyata banyak yang mengalami hal serupa.

2. Mengatur Keuangan Sendirian

Setiap malam saya mencatat pengeluaran di buku kecil, lalu menyisihkan uang receh \
untuk tabungan sekolah anak.

Ilustrator: Ans

Ratna Dewi

Ratna adalah ibu dua anak di Yogyakarta yang menulis tentang keseharian dan keuangan \
keluarga.
"""


def no_sideways_scroll(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_contributor_pastes_checks_and_saves_her_text_on_a_phone(
    live_server, phone_page, blog_index, contributor_index
):
    page = phone_page
    writer = make_user("ratna", "Contributors")
    ContributorPageFactory(
        parent=contributor_index,
        title="Ratna Dewi",
        slug="ratna-dewi",
        user=writer,
        short_bio="",
    )
    submit_url = reverse("importer_submit_text")
    try:
        page.goto(f"{live_server.url}{reverse('wagtailadmin_login')}")
        page.fill("#id_username", "ratna")
        page.fill("#id_password", "kata-sandi-uji")
        page.click("button[type=submit]")
        page.wait_for_url(
            f"{live_server.url}{reverse('wagtailadmin_home')}", timeout=TIMEOUT
        )

        # The dashboard offers it.
        page.locator(f"main a.button[href='{submit_url}']").click()
        page.wait_for_url(f"{live_server.url}{submit_url}", timeout=TIMEOUT)
        page.fill("textarea[name='text']", TEXT)
        page.get_by_role("button", name="Lihat hasilnya").click()

        # Step 2: how Serambi understood it; nothing saved yet.
        body = page.locator("[data-import-body]")
        body.wait_for(state="visible", timeout=TIMEOUT)
        assert page.locator("input[name='title']").input_value() == (
            "Bangkit Setelah Berpisah"
        )
        # Her numbered sections: the preview shows her numbers, the headings hold none.
        assert body.locator("h3").all_inner_texts() == [
            "1. Dukungan Emosional yang Bisa Dicari",
            "2. Mengatur Keuangan Sendirian",
        ]
        credits = page.locator("[data-import-credits]")
        names = [
            credits.locator(f"input[name='credits-{i}-name']").input_value()
            for i in range(2)
        ]
        assert sorted(names) == ["Ans", "Ratna Dewi"]
        assert credits.locator("[data-match='new']").count() == 1
        assert page.locator("[data-bio-plan='fills']").is_visible()
        assert no_sideways_scroll(page)
        assert ArticlePage.objects.count() == 0

        save = page.get_by_role("button", name="Simpan sebagai draf")
        box = save.bounding_box()
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= PHONE["width"]
        save.click()

        # She lands in the page editor with her sections as heading blocks.
        page.wait_for_url("**/edit/", timeout=TIMEOUT)
        article = ArticlePage.objects.get()
        assert page.url == live_server.url + reverse(
            "wagtailadmin_pages:edit", args=[article.pk]
        )
        page.wait_for_function(
            """() => Array.from(document.querySelectorAll("input"))
                .some((input) => input.value === "Mengatur Keuangan Sendirian")""",
            timeout=TIMEOUT,
        )
        assert article.owner == writer
        assert [
            block.value["text"]
            for block in article.body
            if block.block_type == "heading"
        ] == ["Dukungan Emosional yang Bisa Dicari", "Mengatur Keuangan Sendirian"]
        assert page.console_errors == []
    except BaseException:
        # The last screen of a failed run, to read the failure by.
        LAST_SCREEN.parent.mkdir(exist_ok=True)
        page.screenshot(path=str(LAST_SCREEN), full_page=True)
        raise
