"""The Content-Security-Policy in a real browser: the public pages and the whole
review cycle in the admin run without a single violation (website/headers.py)."""

import pytest

from tests.e2e import test_public_pages as public_pages
from tests.e2e import test_publishing_workflow as review_cycle
from tests.e2e.conftest import DESKTOP, keep_last_screen
from tests.editorial.conftest import make_user
from tests.site_builder import build_public_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Reported from the page itself as well as from Chromium's own console message, so a
# violation is seen whichever way the browser reports it.
VIOLATION_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`CSP violation: ${event.effectiveDirective} ${event.blockedURI}`);
});
"""


def watch_for_violations(context, page):
    context.add_init_script(VIOLATION_LISTENER)
    violations = []

    def on_console(message):
        text = message.text
        if message.type == "error" and (
            "Content Security Policy" in text or text.startswith("CSP violation")
        ):
            violations.append(f"{page.url}: {text}")

    page.on("console", on_console)
    return violations


@pytest.fixture
def site(home_page, blog_index, contributor_index):
    return build_public_site(home_page, blog_index, contributor_index)


@pytest.mark.parametrize(
    ("viewport", "reader"),
    [(DESKTOP, "editor")],
    ids=["editor-with-userbar"],
)
def test_public_pages_raise_no_csp_violation(
    browser, live_server, site, viewport, reader
):
    """For an editor, with Wagtail's user bar. An anonymous reader's walk of the same
    pages, at 375 and 1280 px, is watched by
    test_public_pages.test_public_pages_are_accessible_and_fit_the_screen, with the
    same checks."""
    context = browser.new_context(viewport=viewport, locale="id-ID")
    page = context.new_page()
    violations = watch_for_violations(context, page)
    if reader == "editor":
        # Wagtail's user bar (edit links, the accessibility checker) rides along.
        review_cycle.log_in(page, live_server, make_user("eka", "Editors"))
    for name, url in public_pages.public_urls(site).items():
        response = page.goto(live_server.url + url)
        assert response.status == (404 if name == "404" else 200), name
        assert "script-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("load")
    context.close()
    assert violations == []


@pytest.fixture
def watched_page(browser, request):
    context = browser.new_context(viewport=DESKTOP, locale="id-ID")
    page = context.new_page()
    page.violations = watch_for_violations(context, page)
    yield page
    keep_last_screen(request, page, review_cycle.LAST_SCREEN)
    context.close()


def test_the_review_cycle_on_a_desktop_passes_and_runs_under_the_admin_policy(
    live_server, watched_page, blog_index, contributor_index
):
    """The whole review cycle at 1280 px, every check of
    test_publishing_workflow.test_review_cycle_in_the_browser (which walks it on a
    phone), and not one violation of the admin's policy on the way: one walk for the
    two checks, which ran it twice on a desktop before."""
    review_cycle.test_review_cycle_in_the_browser(
        live_server, watched_page, blog_index, contributor_index
    )
    assert watched_page.violations == []
