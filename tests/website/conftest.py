from django.core.cache import cache
from django.test import Client

import pytest

from caching.backend import forget_failures
from caching.pages import forget_generation


@pytest.fixture(autouse=True)
def redis_not_skipped():
    """Each test starts with Redis asked again, whatever the one before staged."""
    forget_failures()
    yield
    forget_failures()


@pytest.fixture
def fresh_cache():
    """An empty cache and a new page-cache generation, before and after."""
    cache.clear()
    forget_generation()
    yield
    cache.clear()
    forget_generation()


@pytest.fixture
def editor(superuser):
    """A superuser's own browser, beside the reader's `client`."""
    browser = Client()
    browser.force_login(superuser)
    return browser


@pytest.fixture
def fragments(settings):
    """Cached fragments of pages on (caching.fragments; off in the test settings)."""
    settings.FRAGMENT_CACHE_SECONDS = 600
    # The generation is read at most once this often; not within one test.
    settings.PAGE_CACHE_GENERATION_SECONDS = 60


@pytest.fixture
def production_settings(monkeypatch):
    """website.settings.production as a server imports it, with the two variables it
    refuses to start without."""
    import importlib

    monkeypatch.setenv("SECRET_KEY", "a-long-enough-value-for-this-import-only-" * 2)
    monkeypatch.setenv("ALLOWED_HOSTS", "serambi.example")
    return importlib.import_module("website.settings.production")
