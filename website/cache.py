"""Whole-page caching of the public site for anonymous readers, and its invalidation.

Rendered pages are stored in Django's cache (local memory by default, Redis when
REDIS_URL is set) under a key that carries a *generation* token. Publishing,
unpublishing, moving or deleting a page, or editing what every page shows (a
category, the site settings), replaces the token: every stored page, listings and
feeds included, is then out of reach at once, and ages out of the cache on its own.
This is simpler than tracking which of the many listing pages (every ?page=N of every
category and tag) show a given article, and it stays correct with several app
servers sharing Redis. A random token rather than a counter means that an evicted
generation key can never bring back pages stored under an old one.

The CDN in front of the app servers (when WAGTAILFRONTENDCACHE names one) is told
through `Cache-Control: s-maxage` how long it may keep a page, and purged URL by URL
on publish; see `purge_frontend_cache`.
"""

import hashlib
import logging
import uuid
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

GENERATION_KEY = "serambi:page-cache:generation"
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


def current_generation():
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        # add() so that two servers starting at once agree on one token.
        if not cache.add(GENERATION_KEY, generation, timeout=None):
            generation = cache.get(GENERATION_KEY) or generation
    return generation


def new_generation():
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def clear_page_cache():
    """Make every stored page stale: now, and again once the transaction commits.

    The second time closes the window in which a reader could render and store the
    old content between the first bump and the commit that makes the change visible.
    """
    new_generation()
    transaction.on_commit(new_generation)


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

        def store(response):
            if is_cacheable_response(request, response):
                add_public_cache_headers(response)
                cache.set(key, response, seconds)
            return response

        if getattr(response, "is_rendered", True):
            store(response)
        else:
            # A TemplateResponse: whether the template used a CSRF token is only
            # known once it has been rendered.
            response.add_post_render_callback(store)
        return response

    return wrapper


# --- Front-end cache (CDN) ----------------------------------------------------------


def purge_frontend_cache(urls):
    """Ask the CDN to drop these URLs, when one is configured."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not urls:
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    batch.add_urls(sorted(set(urls)))
    try:
        batch.purge()
    except Exception:  # a CDN outage must not make publishing fail
        logger.exception("Front-end cache purge failed")
