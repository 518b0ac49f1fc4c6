""" "Kirim tulisan" at 375 px with a post as the community writes it: no title line,
numbered sections, an "Illustrator:" line, her name with a full stop, her bio.

Every action is counted: each tap, each typing or paste, and each scroll needed to
bring a control into view (a control hidden under the action bar counts as out of
view). From log-in to "sent for review" it must take fewer than 10.
"""

from pathlib import Path

from django.urls import reverse

import pytest

from blog.models import ArticleCredit, ArticlePage
from contributors.models import ContributorPage
from tests.real_post import RATNA_ENDING

from .conftest import PHONE

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TIMEOUT = 30_000
SCREENS = Path(".pytest_cache")

POST = f"""Setelah berpisah, banyak dari kita merasa harus kuat sendirian. Dari obrolan \
di grup, saya mencatat tiga hal kecil yang ternyata membantu kami bertahan.

1. Jangan ragu meminta bantuan
Bicara dengan keluarga atau teman yang kamu percaya. Mereka sering menunggu kita \
bercerita lebih dulu, dan satu pesan singkat bisa membuka jalan.

2. Atur keuangan dengan sederhana
Catat pengeluaran harian di buku kecil, lalu sisihkan uang receh untuk tabungan \
sekolah anak. Tidak perlu aplikasi yang rumit.

3. Sisakan waktu untuk diri sendiri
Sepuluh menit minum teh sebelum anak bangun pun berarti. Kita juga perlu diisi \
ulang supaya bisa terus menemani mereka.

{RATNA_ENDING}"""
TITLE = "Tiga Hal Kecil yang Membantu Kami Bertahan"

# What the rule allows and what this journey takes: log in (3), open Kirim tulisan,
# paste, look at the result, type the title, send: no scroll at all.
LIMIT = 10
EXPECTED = 8


class Journey:
    """Drives the page as a person would and writes down every action it took."""

    def __init__(self, page):
        self.page = page
        self.actions = []

    def in_view(self, locator):
        # The centre of the control's visible top must be the control itself: not
        # off screen, not under a sticky bar.
        return locator.evaluate(
            """(el) => {
                const r = el.getBoundingClientRect();
                if (r.height === 0 || r.bottom <= 0 || r.top >= window.innerHeight) {
                    return false;
                }
                const y = Math.max(r.top, 0) + Math.min(r.height / 2, 12);
                const x = r.left + r.width / 2;
                if (x < 0 || x > window.innerWidth) return false;
                const hit = document.elementFromPoint(x, y);
                return !!hit && (hit === el || el.contains(hit));
            }"""
        )

    def reach(self, locator, what):
        locator.wait_for(state="visible", timeout=TIMEOUT)
        if not self.in_view(locator):
            locator.scroll_into_view_if_needed(timeout=TIMEOUT)
            self.actions.append(f"scroll to {what}")

    def tap(self, locator, what):
        self.reach(locator, what)
        locator.click(timeout=TIMEOUT)
        self.actions.append(f"tap {what}")

    def type(self, locator, text, what):
        self.reach(locator, what)
        locator.fill(text, timeout=TIMEOUT)
        self.actions.append(f"type {what}")


def log_in_and_open(journey, live_server):
    page = journey.page
    page.goto(f"{live_server.url}{reverse('wagtailadmin_login')}")
    journey.type(page.locator("#id_username"), "ratna", "username")
    journey.type(page.locator("#id_password"), "kata-sandi-uji", "password")
    journey.tap(page.locator("button[type=submit]"), "Masuk")
    page.wait_for_url(
        f"{live_server.url}{reverse('wagtailadmin_home')}", timeout=TIMEOUT
    )
    submit_url = reverse("importer_submit_text")
    journey.tap(page.locator(f"main a.button[href='{submit_url}']"), "Kirim tulisan")
    page.wait_for_url(f"{live_server.url}{submit_url}", timeout=TIMEOUT)


def preview_post(journey, live_server):
    """Logged in, at Kirim tulisan, her post pasted and previewed: the credits."""
    page = journey.page
    log_in_and_open(journey, live_server)
    journey.type(page.locator("textarea[name='text']"), POST, "paste the post")
    journey.tap(page.get_by_role("button", name="Lihat hasilnya"), "Lihat hasilnya")
    credits = page.locator("[data-import-credits]")
    credits.wait_for(state="attached", timeout=TIMEOUT)
    return credits


def stored_credits():
    """(role, name) of the one article's credits, as saved."""
    article = ArticlePage.objects.get()
    return sorted(
        (c.role, c.contributor.title)
        for c in ArticleCredit.objects.filter(page=article)
    )


def test_a_post_ending_with_credits_and_her_block_is_sent_in_under_ten_actions(
    live_server, phone_page, blog_index, contributor_index, ratna
):
    page = phone_page
    journey = Journey(page)
    profiles_before = ContributorPage.objects.count()
    try:
        credits = preview_post(journey, live_server)
        # How Serambi understood the ending, before she does anything.
        assert credits.locator("input[name='credits-0-name']").input_value() == (
            "Ratna Sari"
        )
        assert credits.locator("input[name='credits-1-name']").input_value() == (
            "Nadia Putri"
        )
        body = page.locator("[data-import-body]")
        assert "Illustrator" not in body.inner_text()
        assert body.locator("h3").all_inner_texts() == [
            "1. Jangan ragu meminta bantuan",
            "2. Atur keuangan dengan sederhana",
            "3. Sisakan waktu untuk diri sendiri",
        ]
        assert page.locator("[data-title-warning]").count() == 1
        # The action bar is on screen at once, however long her text.
        assert journey.in_view(page.get_by_role("button", name="Kirim untuk ditinjau"))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        SCREENS.mkdir(exist_ok=True)
        page.screenshot(path=str(SCREENS / "submit_post_with_ending_preview.png"))
        journey.type(page.locator("input[name='title']"), TITLE, "title")
        journey.tap(
            page.get_by_role("button", name="Kirim untuk ditinjau"),
            "Kirim untuk ditinjau",
        )
        page.wait_for_url(
            f"{live_server.url}{reverse('wagtailadmin_home')}", timeout=TIMEOUT
        )
        page.get_by_text("dikirim ke redaksi").first.wait_for(timeout=TIMEOUT)

        print(f"Kirim tulisan at 375 px: {len(journey.actions)} actions")  # noqa: T201
        for action in journey.actions:
            print(f"  {action}")  # noqa: T201
        assert len(journey.actions) < LIMIT, journey.actions
        assert len(journey.actions) == EXPECTED, journey.actions
        assert not [a for a in journey.actions if a.startswith("scroll")]

        article = ArticlePage.objects.get()
        assert article.title == TITLE
        assert article.owner == ratna
        assert article.current_workflow_state is not None
        assert article.ordered_sections is True
        assert stored_credits() == [
            (ArticleCredit.Role.ILLUSTRATOR, "Nadia Putri"),
            (ArticleCredit.Role.WRITER, "Ratna Sari"),
        ]
        assert ContributorPage.objects.count() == profiles_before + 1
        assert page.console_errors == []
    except BaseException:
        # The last screen of a failed run, to read the failure by.
        SCREENS.mkdir(exist_ok=True)
        page.screenshot(
            path=str(SCREENS / "submit_post_with_ending_last_screen.png"),
            full_page=True,
        )
        raise


def test_she_adds_and_removes_credit_rows_on_a_phone(
    live_server, phone_page, blog_index, contributor_index, ratna
):
    page = phone_page
    journey = Journey(page)
    credits = preview_post(journey, live_server)
    rows_before = credits.locator("[data-credit-row]").count()

    # With JavaScript the row comes at once, without a round trip.
    page.get_by_role("button", name="Tambah kredit").click()
    assert credits.locator("[data-credit-row]").count() == rows_before + 1
    new_row = credits.locator("[data-credit-row]").last
    new_row.locator("select").select_option(ArticleCredit.Role.TRANSLATOR)
    new_row.locator("input[type=text]").fill("Sekar Ayu")
    assert page.locator("input[name='credits-TOTAL_FORMS']").input_value() == str(
        rows_before + 1
    )

    # "Hapus" on the illustrator's row hides it and marks it removed.
    illustrator = credits.locator("[data-credit-row]").nth(1)
    illustrator.get_by_role("button", name="Hapus").click()
    assert illustrator.is_hidden()
    SCREENS.mkdir(exist_ok=True)
    credits.screenshot(path=str(SCREENS / "submit_post_with_ending_credits.png"))

    page.locator("input[name='title']").fill(TITLE)
    page.get_by_role("button", name="Simpan sebagai draf").click()
    page.wait_for_url("**/edit/", timeout=TIMEOUT)
    assert stored_credits() == [
        (ArticleCredit.Role.TRANSLATOR, "Sekar Ayu"),
        (ArticleCredit.Role.WRITER, "Ratna Sari"),
    ]
    assert page.console_errors == []


def test_credit_rows_work_without_javascript(
    live_server, browser, blog_index, contributor_index, ratna
):
    """The form's own buttons and boxes, JavaScript off. Wagtail's admin shell covers
    the page with its loading sidebar without JavaScript, so controls are worked with
    the keyboard here (Enter on a button, Space on a box), as a keyboard user would."""
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}{reverse('wagtailadmin_login')}")
        page.fill("#id_username", "ratna")
        page.fill("#id_password", "kata-sandi-uji")
        page.locator("button[type=submit]").press("Enter")
        page.wait_for_url(
            f"{live_server.url}{reverse('wagtailadmin_home')}", timeout=TIMEOUT
        )
        page.goto(f"{live_server.url}{reverse('importer_submit_text')}")
        page.fill("textarea[name='text']", POST)
        # Each button posts the form and the server answers with a whole new page:
        # rows are counted only once that page has loaded, never while it is parsed.
        with page.expect_navigation(timeout=TIMEOUT):
            page.get_by_role("button", name="Lihat hasilnya").press("Enter")
        credits = page.locator("[data-import-credits]")
        page.locator("input[name='title']").fill(TITLE)
        rows = credits.locator("[data-credit-row]").count()
        assert rows >= 2

        # "Tambah kredit" asks the server for the same preview with one more row.
        with page.expect_navigation(timeout=TIMEOUT):
            page.get_by_role("button", name="Tambah kredit").press("Enter")
        assert credits.locator("[data-credit-row]").count() == rows + 1
        assert page.locator("input[name='title']").input_value() == TITLE
        page.locator(f"select[name='credits-{rows}-role']").select_option(
            ArticleCredit.Role.TRANSLATOR
        )
        page.locator(f"input[name='credits-{rows}-name']").fill("Sekar Ayu")
        # Without JavaScript a row goes with its own box.
        page.locator("input[name='credits-1-DELETE']").press("Space")
        assert page.locator("input[name='credits-1-DELETE']").is_checked()

        page.get_by_role("button", name="Simpan sebagai draf").press("Enter")
        page.wait_for_url("**/edit/", timeout=TIMEOUT)
        assert stored_credits() == [
            (ArticleCredit.Role.TRANSLATOR, "Sekar Ayu"),
            (ArticleCredit.Role.WRITER, "Ratna Sari"),
        ]
    finally:
        context.close()
