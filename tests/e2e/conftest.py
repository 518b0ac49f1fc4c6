"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They skip, saying why, where /usr/bin/chromium or Playwright is missing; CI installs both.
Never `playwright install`: it downloads a browser build this machine cannot fetch.
"""

from pathlib import Path

from django.db import connections

import pytest

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
    said once), its last screen kept for reading a failure:
    .pytest_cache/<module without test_>_last_screen.png."""
    phone_page.set_default_timeout(30_000)
    yield phone_page
    name = request.module.__name__.rpartition(".")[2].removeprefix("test_")
    phone_page.screenshot(
        path=str(Path(".pytest_cache") / f"{name}_last_screen.png"), full_page=True
    )


@pytest.fixture
def desktop_page(browser):
    context, page = _new_page(browser, DESKTOP)
    yield page
    context.close()
