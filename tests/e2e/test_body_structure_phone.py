"""At 375 px: a wide table and a long preformatted line scroll inside their own box,
the page itself never sideways, and axe finds nothing to fix."""

import pytest

from demo.factories import ArticlePageFactory
from tests.e2e.test_public_pages import axe_violations

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

WIDE_TABLE = {
    "data": [
        ["Bulan", "Beras", "Minyak goreng", "Listrik", "Air", "Sekolah", "Tabungan"],
        [
            "Januari",
            "Rp300.000",
            "Rp45.000",
            "Rp150.000",
            "Rp60.000",
            "Rp250.000",
            "Rp100.000",
        ],
        [
            "Februari",
            "Rp310.000",
            "Rp47.000",
            "Rp160.000",
            "Rp60.000",
            "Rp250.000",
            "Rp120.000",
        ],
    ],  # fmt: skip
    "first_row_is_table_header": True,
    "first_col_is_header": True,
    "table_header_choice": "both",
    "table_caption": "Pengeluaran keluarga",
    "cell": [],
    "mergeCells": [],
}


@pytest.fixture
def article(blog_index):
    return ArticlePageFactory(
        parent=blog_index,
        title="Pengeluaran Sebulan",
        slug="pengeluaran-sebulan",
        body=[
            ("paragraph", "<p>Catatan kami bulan ini.</p>"),
            ("table", WIDE_TABLE),
            ("preformatted", "Beras " + "=" * 80 + " Rp300.000"),
            (
                "paragraph",
                "<ul><li>Pokok<ul><li>Beras</li></ul></li></ul>"
                "<blockquote>Hemat pangkal kaya.</blockquote>",
            ),
        ],
    )


def test_wide_blocks_scroll_in_their_own_box_on_a_phone(
    live_server, phone_page, article
):
    page = phone_page
    response = page.goto(live_server.url + article.url)
    assert response.status == 200

    assert (
        page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    )
    for selector in (".table-scroll", "pre.preformatted"):
        box = page.locator(selector)
        widths = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert widths[0] > widths[1], selector
        assert box.bounding_box()["width"] <= 375, selector

    # A keyboard reaches the table's box and scrolls it.
    box = page.locator(".table-scroll")
    box.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "() => document.querySelector('.table-scroll').scrollLeft > 0", timeout=10_000
    )

    assert axe_violations(page) == []
    assert page.console_errors == []


def test_an_editor_edits_an_imported_table_under_the_admin_policy(
    browser, live_server, article
):
    from django.urls import reverse

    from tests.e2e.conftest import DESKTOP, log_in
    from tests.e2e.test_content_security_policy import watch_for_violations
    from tests.editorial.conftest import make_user

    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    violations = watch_for_violations(context, page)
    log_in(
        page,
        live_server,
        make_user("eka", "Editors"),
        then_open=live_server.url
        + reverse("wagtailadmin_pages:edit", args=[article.pk]),
    )

    # The table editor shows the imported cells, ready to change.
    page.locator(".htCore td", has_text="Minyak goreng").first.wait_for(timeout=30_000)
    context.close()
    assert violations == []
