"""The public site in a real browser: accessibility, layout at phone width, sharing, no-JS."""

from urllib.parse import urlparse

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, axe_violations_found
from tests.site_builder import build_public_site

# The live server runs in another thread, so the data is committed; serialized
# rollback puts back the pages the data migrations created for the tests after these.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(home_page, blog_index, contributor_index):
    home_page.invitation_text = "Tulis ceritamu untuk Serambi."
    home_page.save()
    return build_public_site(home_page, blog_index, contributor_index)


def public_urls(site):
    return {
        "beranda": "/",
        "indeks": "/artikel/",
        "kategori": f"/artikel/kategori/{site.category.slug}/",
        "artikel": site.article.url,
        "kontributor": "/kontributor/",
        "profil": site.writer.url,
        "profil nama pena": site.pen_name_writer.url,
        "cari": "/cari/?q=uang",
        "cari kosong": "/cari/?q=zzzxqy",
        "404": "/tidak-ada/",
    }


def axe_violations(page):
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
        for v in axe_violations_found(page)
    ]


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_public_pages_are_accessible_and_fit_the_screen(
    browser, live_server, site, viewport, scheme
):
    """axe finds nothing, nothing scrolls sideways, nothing logs an error, and (the
    check test_content_security_policy.py made on the same walk for an anonymous
    reader) every page is sent with the Content-Security-Policy and raises not one
    violation of it."""
    from tests.e2e.test_content_security_policy import watch_for_violations

    context = browser.new_context(
        viewport=viewport, locale="id-ID", color_scheme=scheme
    )
    page = context.new_page()
    violations = watch_for_violations(context, page)
    errors = []
    page.on(
        "console", lambda msg: errors.append(msg.text) if msg.type == "error" else None
    )
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    problems = {}
    for name, url in public_urls(site).items():
        response = page.goto(live_server.url + url)
        assert response.status == (404 if name == "404" else 200), name
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
        found = axe_violations(page)
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth"
        )
        if overflow > 0:
            found.append(f"scrolls sideways by {overflow}px")
        # The 404 page's own status is the one console error a browser must log.
        real_errors = [e for e in errors if name != "404" or "404" not in e]
        if real_errors:
            found.append(f"console: {real_errors}")
        errors.clear()
        if found:
            problems[name] = found
    context.close()
    assert problems == {}
    assert violations == []


def test_share_links_whatsapp_first_and_copy_link(browser, live_server, site):
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(live_server.url + site.article.url)
    share = page.locator(".share")
    links = share.locator("a")
    hosts = [
        urlparse(links.nth(i).get_attribute("href")).netloc
        for i in range(links.count())
    ]
    assert hosts == ["wa.me", "www.facebook.com", "x.com"]
    assert links.first.inner_text().startswith("WhatsApp")
    assert links.first.is_visible()
    copy = share.get_by_role("button", name="Salin tautan")
    assert copy.is_visible()
    copy.click()
    page.get_by_text("Tautan disalin.").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == (
        live_server.url + site.article.url
    )
    # Headless Chromium on Linux has no share sheet: the button stays hidden there.
    has_native_share = page.evaluate("typeof navigator.share === 'function'")
    assert share.locator("[data-native-share]").is_visible() == has_native_share
    context.close()


def test_public_site_works_with_javascript_off(browser, live_server, site):
    context = browser.new_context(
        viewport=PHONE, locale="id-ID", java_script_enabled=False
    )
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Navigasi utama").get_by_role(
        "link", name="Cari"
    ).click()
    page.get_by_label("Kata kunci").fill("uang belanja")
    page.get_by_label("Kata kunci").press("Enter")
    page.wait_for_url("**/cari/?q=uang+belanja")
    assert page.get_by_label("Kata kunci").input_value() == "uang belanja"
    page.get_by_role("link", name=site.article.title).first.click()
    page.wait_for_url(f"**{site.article.url}")
    assert page.get_by_role("heading", level=1).inner_text() == site.article.title
    whatsapp = page.locator(".share a").first
    assert whatsapp.is_visible() and whatsapp.inner_text().startswith("WhatsApp")
    # Buttons that need JavaScript are not offered without it.
    assert not page.get_by_role("button", name="Salin tautan").is_visible()
    page.get_by_role("link", name="Ayu Lestari").first.click()
    page.wait_for_url(f"**{site.writer.url}")
    assert page.get_by_role("heading", level=1).inner_text() == "Ayu Lestari"
    context.close()


def test_skip_link_moves_focus_to_the_content(browser, live_server, site):
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    page.goto(live_server.url + site.article.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Langsung ke isi")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    context.close()


def test_article_prints_without_navigation_or_sharing(browser, live_server, site):
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    page.goto(live_server.url + site.article.url)
    page.emulate_media(media="print")
    for selector in [".site-nav", ".share", ".site-footer", ".related"]:
        locator = page.locator(selector)
        assert locator.count() == 0 or not locator.first.is_visible(), selector
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.locator(".credits").is_visible()
    context.close()


def test_axe_check_catches_a_real_violation(browser, live_server, site):
    """Guards the checks above: an image without alt text must be reported."""
    context = browser.new_context(viewport=PHONE, locale="id-ID")
    page = context.new_page()
    page.goto(live_server.url + site.article.url)
    page.evaluate(
        "document.querySelector('main').insertAdjacentHTML('beforeend',"
        " '<img src=\"/static/icons/serambi.svg\" width=10 height=10>')"
    )
    assert any(v.startswith("image-alt") for v in axe_violations(page))
    context.close()
