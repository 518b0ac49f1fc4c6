"""Whole-page caching of the public site for anonymous readers, and its invalidation.

Rendered pages are stored in Django's cache (Redis when REDIS_URL is set) under a key
that carries a *generation* token. Publishing, unpublishing, moving or deleting a
page, a privacy change, or editing what every page shows (a category, an image, the
site settings) replaces the token: every stored page, listings and feeds included,
is then out of reach at once, and ages out of the cache on its own. This is simpler
than tracking which of the many listing pages (every ?page=N of every category and
tag) show a given article.

The token lives in the database (website.page_cache_generation), replaced in the
same transaction as the change, and each process re-reads it at most once every
PAGE_CACHE_GENERATION_SECONDS. So a change reaches every app server within that
second whoever made it (a web worker, the scheduled-publishing job, the task
worker), and a cache that was unreachable while something changed can never serve
the pages it held from before.

The cache is a side service: when it does not answer, a read is a miss and a write
is skipped (django-redis IGNORE_EXCEPTIONS, with short socket timeouts, in
settings), so readers are served uncached and editors' changes still commit.

The CDN in front of the app servers (when WAGTAILFRONTENDCACHE names one) is told
through `Cache-Control: s-maxage` how long it may keep a page, and purged URL by URL
on publish, in a background task (website.purge).
"""

import hashlib
import logging
import time
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.utils.cache import patch_cache_control

from .page_cache_generation import PageCacheGeneration

logger = logging.getLogger(__name__)

KEY_PREFIX = "serambi:page-cache"

# Query parameters the public pages read. Any other parameter (a typo, a crawler's
# probe) bypasses the cache rather than filling it with copies of the same page,
# except the tracking tags that links shared on WhatsApp and Facebook carry, which
# no page reads and which are dropped from the key.
CACHED_PARAMETERS = {"page"}
IGNORED_PARAMETERS = {"fbclid", "gclid", "igshid", "mc_cid", "mc_eid"}
IGNORED_PARAMETER_PREFIXES = ("utm_",)


def cache_seconds():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def browser_cache_seconds():
    return getattr(settings, "PAGE_BROWSER_CACHE_SECONDS", 60)


# --- Generation -------------------------------------------------------------------

# (token, time.monotonic() when read) for this process.
_generation_memo = None


def generation_seconds():
    return getattr(settings, "PAGE_CACHE_GENERATION_SECONDS", 1.0)


def current_generation():
    """The token, from the database at most once every generation_seconds()."""
    global _generation_memo
    memo = _generation_memo
    now = time.monotonic()
    if memo is not None and now - memo[1] < generation_seconds():
        return memo[0]
    try:
        token = PageCacheGeneration.read()
    except DatabaseError:
        if memo is None:
            raise
        # With the database down nothing can be published, so the last token this
        # process saw still names current pages: readers keep getting cached ones.
        logger.warning("Page cache generation unreadable; using the last one seen")
        return memo[0]
    _generation_memo = (token, now)
    return token


def forget_generation():
    global _generation_memo
    _generation_memo = None


def clear_page_cache():
    """Make every stored page stale, in the caller's transaction.

    This process forgets its token now and again on commit, so that a read made
    between the two (from another thread, before the commit) is not kept.
    """
    PageCacheGeneration.replace()
    forget_generation()
    transaction.on_commit(forget_generation)


# --- The cached view ----------------------------------------------------------------


def _key_parameters(request):
    """The query parameters that name the page, or None if the request is not cacheable."""
    kept = []
    for name, values in request.GET.lists():
        if name in CACHED_PARAMETERS:
            kept += [(name, value) for value in values]
        elif name in IGNORED_PARAMETERS or name.startswith(IGNORED_PARAMETER_PREFIXES):
            continue
        else:
            return None
    return sorted(kept)


def is_anonymous_request(request):
    """No session at all: not logged in, no password-protected page unlocked, no
    preview. Looking at the cookie rather than request.user costs no query."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def cache_key(request, parameters):
    raw = "|".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            urlencode(parameters),
        ]
    )
    digest = hashlib.sha256(raw.encode()).hexdigest()
    return f"{KEY_PREFIX}:{current_generation()}:{digest}"


def is_cacheable_response(request, response):
    """Only a plain public page: no cookie, no CSRF token, nothing marked private."""
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    if getattr(request, "is_preview", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(
        directive in cache_control for directive in ("private", "no-cache", "no-store")
    )


def add_public_cache_headers(response):
    seconds = browser_cache_seconds()
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        # The CDN is purged on publish, so it may keep pages as long as we do.
        patch_cache_control(
            response, public=True, max_age=seconds, s_maxage=cache_seconds()
        )
    else:
        patch_cache_control(response, public=True, max_age=seconds)


def cached_page_view(view):
    """Serve anonymous GET requests from the page cache, and fill it.

    Wraps Wagtail's `serve` view (and the sitemap): a hit is answered before the page
    tree is even looked up, so it costs no database query. Logged-in editors and
    anyone with a session always get a fresh page, marked private so no shared cache
    keeps it.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = cache_seconds()
        if not seconds or request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        if not is_anonymous_request(request):
            response = view(request, *args, **kwargs)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, private=True, no_cache=True)
            return response
        parameters = _key_parameters(request)
        if parameters is None:
            return view(request, *args, **kwargs)

        key = cache_key(request, parameters)
        cached = cache.get(key)
        if cached is not None:
            return cached

        response = view(request, *args, **kwargs)
        return store_when_rendered(
            request, response, key, seconds, prepare=add_public_cache_headers
        )

    return wrapper


def store_when_rendered(request, response, key, seconds, prepare=None):
    """Cache `response` under `key` if it is a plain public page, once rendered.

    A TemplateResponse is judged after rendering: whether the template used a CSRF
    token is only known then.
    """

    def store(response):
        if is_cacheable_response(request, response):
            if prepare is not None:
                prepare(response)
            cache.set(key, response, seconds)
        return response

    if getattr(response, "is_rendered", True):
        store(response)
    else:
        response.add_post_render_callback(store)
    return response
