"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They skip, saying why, where /usr/bin/chromium or Playwright is missing; CI installs both.
Never `playwright install`: it downloads a browser build this machine cannot fetch.
"""

import json
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.test import Client
from django.urls import reverse

import pytest

from tests import rendition_files

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    # The machine has no outside network: keep Chromium from trying.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the item, so a fixture can tell a failed test."""
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def failed(request):
    """Whether the test using this fixture failed (its set-up or its call)."""
    return any(
        getattr(getattr(request.node, f"report_{when}", None), "failed", False)
        for when in ("setup", "call")
    )


def keep_last_screen(request, page, path):
    """The last screen a failed test saw, full page, to read the failure by: a
    screenshot of a long page costs a second on a loaded machine, so a test that
    passed keeps none."""
    if failed(request):
        Path(path).parent.mkdir(exist_ok=True)
        page.screenshot(path=str(path), full_page=True)


def log_in(page, live_server, user, then_open=None):
    """`user` logged in and at the dashboard (or at the URL `then_open`), by the session cookie Django gives a
    logged-in client, not by the log-in form: for tests that check what comes after
    it. The form itself is walked by the review cycle (test_publishing_workflow.py,
    test_content_security_policy.py) and by the phone journeys that count it."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.clear_cookies()
    page.context.add_cookies(
        [{"name": cookie.key, "value": cookie.value, "url": live_server.url}]
    )
    page.goto(then_open or f"{live_server.url}{reverse('wagtailadmin_home')}")


def axe_violations_found(page):
    """axe-core's violations on the page as it is now (axe_playwright_python's own
    script and options), axe put into each document once rather than per check."""
    from axe_playwright_python.base import AXE_SCRIPT
    from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS

    if not page.evaluate("typeof window.axe?.run === 'function'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(f"axe.run({json.dumps(DEFAULT_OPTIONS)})")["violations"]


@pytest.fixture(scope="session", autouse=True)
def renditions_made_once():
    """Each browser test's database is new, so every page it opens makes its pictures'
    renditions again: they come from the run's kept files (tests/rendition_files.py)."""
    with rendition_files.renditions_made_once():
        yield


def _carry_serialized_contents(snapshots):
    """Give the connections this context now sees the test database's snapshot.

    Django keeps connections per context (asgiref's Local), and starting Playwright
    switches this thread to a new context with connection objects of its own. Without
    the snapshot that test-database creation stored on the old ones, a test marked
    `serialized_rollback` would not get back the rows that migrations made (home page,
    groups, workflow) after the test before it flushed the database.
    """
    for alias, contents in snapshots.items():
        if contents is not None:
            connections[alias]._test_serialized_contents = contents


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not CHROMIUM.exists():
        pytest.skip("Debian's Chromium is absent: apt-get install chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright is absent: pip install playwright")
    snapshots = {
        alias: getattr(connections[alias], "_test_serialized_contents", None)
        for alias in connections
    }
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        # Playwright's sync API runs an event loop in this thread; the tests around
        # it still talk to the database synchronously, which Django would otherwise
        # refuse. Only while the browser runs, so no other test inherits it.
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        _carry_serialized_contents(snapshots)
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


def _new_page(browser, viewport):
    context = browser.new_context(viewport=viewport, locale="id-ID")
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda msg: (
            page.console_errors.append(msg.text) if msg.type == "error" else None
        ),
    )
    return context, page


@pytest.fixture
def phone_page(browser):
    context, page = _new_page(browser, PHONE)
    yield page
    context.close()


@pytest.fixture
def page(phone_page, request):
    """The phone page of a journey, every wait bounded at 30 s (Playwright's default,
    said once), its last screen kept when it failed, for reading the failure:
    .pytest_cache/<module without test_>_last_screen.png."""
    phone_page.set_default_timeout(30_000)
    yield phone_page
    name = request.module.__name__.rpartition(".")[2].removeprefix("test_")
    keep_last_screen(
        request, phone_page, Path(".pytest_cache") / f"{name}_last_screen.png"
    )


@pytest.fixture
def desktop_page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()
