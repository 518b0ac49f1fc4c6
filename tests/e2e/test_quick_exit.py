""" "Keluar cepat" on a phone: one tap (or Escape) replaces the page with the neutral
site so Back does not return to it; without JavaScript the plain link goes to the same
place without a referrer. Nothing Serambi keeps in the browser outlives the tab."""

import re

import pytest

from demo.factories import ArticlePageFactory
from tests.e2e.conftest import PHONE
from tests.e2e.test_public_pages import axe_violations
from tests.website.helplines import SAPA, set_helplines
from website.models import QUICK_EXIT_DEFAULT_URL

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Headless Chromium names itself in its user agent, which the read beacon ignores.
PHONE_UA = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)
NEUTRAL_HOST = re.compile(r"^https://www\.google\.com/")
STUB = "<!DOCTYPE html><title>Cuaca</title><h1>Cuaca hari ini: cerah berawan</h1>"


@pytest.fixture
def hard_article(home_page, blog_index):
    set_helplines(home_page.get_site(), SAPA)
    return ArticlePageFactory(
        parent=blog_index,
        title="Keluar dari rumah yang tidak aman",
        slug="keluar-dari-rumah",
        content_note="kekerasan dalam rumah tangga",
        body=[("paragraph", "<p>Malam itu saya memutuskan pergi bersama anak.</p>")],
    )


@pytest.fixture
def light_article(blog_index):
    return ArticlePageFactory(
        parent=blog_index,
        title="Resep sayur asem",
        slug="resep-sayur-asem",
        body=[("paragraph", "<p>Sayur asem yang segar untuk makan siang.</p>")],
    )


def phone(browser, **options):
    """A phone's browser whose requests to the neutral site get a local stub page;
    `asked` records them (url, referer)."""
    context = browser.new_context(
        viewport=PHONE,
        locale="id-ID",
        has_touch=True,
        is_mobile=True,
        user_agent=PHONE_UA,
        **options,
    )
    context.asked = []

    def answer(route):
        context.asked.append((route.request.url, route.request.headers.get("referer")))
        route.fulfill(status=200, body=STUB, content_type="text/html")

    context.route(NEUTRAL_HOST, answer)
    return context, context.new_page()


def on_serambi(page, live_server):
    return page.url.startswith(live_server.url)


def test_a_tap_leaves_for_the_neutral_site_and_back_does_not_return(
    browser, live_server, hard_article
):
    context, page = phone(browser)
    page.goto(live_server.url + hard_article.url)
    button = page.get_by_role("link", name="Keluar cepat")
    assert button.is_visible()
    box = button.bounding_box()
    # Large enough for a thumb, and inside the screen at 375 px.
    assert box["height"] >= 44
    assert box["x"] + box["width"] <= PHONE["width"]

    button.tap()
    page.wait_for_url(QUICK_EXIT_DEFAULT_URL)

    assert page.locator("h1").inner_text() == "Cuaca hari ini: cerah berawan"
    assert context.asked == [(QUICK_EXIT_DEFAULT_URL, None)]
    # The article's entry was replaced: Back goes to the blank page the tab began
    # with, not to Serambi.
    page.go_back()
    page.wait_for_url("about:blank")
    assert not on_serambi(page, live_server)
    context.close()


def test_escape_does_the_same_and_back_skips_the_page_left(
    browser, live_server, hard_article
):
    context, page = phone(browser)
    page.goto(live_server.url + "/")
    page.goto(live_server.url + hard_article.url)
    page.wait_for_selector("a[data-quick-exit]")

    page.keyboard.press("Escape")
    page.wait_for_url(QUICK_EXIT_DEFAULT_URL)

    assert context.asked == [(QUICK_EXIT_DEFAULT_URL, None)]
    # Back goes to the page before the article, never to the article itself
    # (/baca-aman/ says so: earlier pages of the tab stay in its history).
    page.go_back()
    page.wait_for_url(live_server.url + "/")
    assert page.url != live_server.url + hard_article.url
    page.go_forward()
    page.wait_for_url(QUICK_EXIT_DEFAULT_URL)
    context.close()


def test_escape_does_nothing_where_there_is_no_quick_exit(
    browser, live_server, light_article
):
    context, page = phone(browser)
    page.goto(live_server.url + light_article.url)
    page.wait_for_load_state("networkidle")
    assert page.locator("a[data-quick-exit]").count() == 0

    page.keyboard.press("Escape")

    page.wait_for_load_state("networkidle")
    assert page.url == live_server.url + light_article.url
    assert context.asked == []
    context.close()


def test_without_javascript_the_link_leaves_without_a_referrer(
    browser, live_server, hard_article
):
    context, page = phone(browser, java_script_enabled=False)
    page.goto(live_server.url + "/bantuan/")

    page.get_by_role("link", name="Keluar cepat").tap()
    page.wait_for_url(QUICK_EXIT_DEFAULT_URL)

    assert context.asked == [(QUICK_EXIT_DEFAULT_URL, None)]
    # Same tab: no second page was opened.
    assert context.pages == [page]
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_safe_reading_page_and_hard_article_pass_axe(
    browser, live_server, hard_article, scheme
):
    context, page = phone(browser, color_scheme=scheme)
    found = {}
    for url in ("/baca-aman/", hard_article.url, "/bantuan/"):
        page.goto(live_server.url + url)
        page.wait_for_selector("a[data-quick-exit]")
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        serious = [
            v for v in axe_violations(page) if "(serious)" in v or "(critical)" in v
        ]
        if serious or overflow > 0:
            found[url] = (serious, overflow)
    assert found == {}
    context.close()


STORAGE = """async () => ({
  cookie: document.cookie,
  local: window.localStorage.length,
  databases: (await indexedDB.databases()).length,
  caches: (await caches.keys()).length,
})"""


def test_nothing_serambi_keeps_in_the_browser_outlives_the_tab(
    browser, live_server, hard_article, light_article
):
    context, page = phone(browser)
    page.clock.install()
    for url in (
        "/",
        light_article.url,
        "/cari/?q=sayur",
        hard_article.url,
        "/bantuan/",
        "/baca-aman/",
    ):
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        if "artikel" in url:
            # Read long enough to be counted: the only thing kept is a tab's flag.
            page.clock.run_for(11_000)
            flag = page.evaluate("sessionStorage.length")
            assert flag >= 1, url
        assert page.evaluate(STORAGE) == {
            "cookie": "",
            "local": 0,
            "databases": 0,
            "caches": 0,
        }, url
    assert context.cookies() == []
    # The search form, submitted as a reader does, sets nothing either.
    page.goto(live_server.url + "/cari/")
    page.get_by_role("searchbox").fill("asem")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"/cari/\?q=asem"))
    assert context.cookies() == []

    # The quick exit takes the tab's read flags with it.
    page.goto(live_server.url + hard_article.url)
    page.clock.run_for(11_000)
    assert page.evaluate("sessionStorage.length") == 2
    page.keyboard.press("Escape")
    page.wait_for_url(QUICK_EXIT_DEFAULT_URL)
    page.go_back()
    page.wait_for_url(re.compile(r"/cari/\?q=asem"))
    assert page.evaluate("sessionStorage.length") == 0
    assert context.cookies() == []
    context.close()
