"""Whole-page caching of the public site for anonymous readers, and its invalidation.

Rendered pages are stored in Django's cache (Redis when REDIS_URL is set) under a key
that carries a *generation* token. Publishing, unpublishing, moving or deleting a
page, a privacy change, or editing what every page shows (a category, an image, the
site settings) replaces the token: every stored page, listings and feeds included,
is then out of reach at once, and ages out of the cache on its own. This is simpler
than tracking which of the many listing pages (every ?page=N of every category and
tag) show a given article.

The token lives in the database (caching.models), replaced in the
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

import gzip
import hashlib
import logging
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, transaction
from django.http import HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers

import brotli

from .fragments import fragment_seconds, store_fragments
from .models import PageCacheGeneration

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

# ((token, shared token), time.monotonic() when read) for this process.
_generation_memo = None


def generation_seconds():
    return getattr(settings, "PAGE_CACHE_GENERATION_SECONDS", 1.0)


def current_generations():
    """(token, shared token), from the database at most once every
    generation_seconds() (caching.models says what moves each)."""
    global _generation_memo
    memo = _generation_memo
    now = time.monotonic()
    if memo is not None and now - memo[1] < generation_seconds():
        return memo[0]
    try:
        tokens = PageCacheGeneration.read_both()
    except DatabaseError:
        if memo is None:
            raise
        # With the database down nothing can be published, so the last token this
        # process saw still names current pages: readers keep getting cached ones.
        logger.warning("Page cache generation unreadable; using the last one seen")
        return memo[0]
    _generation_memo = (tokens, now)
    return tokens


def current_generation():
    """The token that moves on every change a reader could see."""
    return current_generations()[0]


def forget_generation():
    global _generation_memo
    _generation_memo = None


# True while a page's save writes its row and its child rows (credits, tags): the
# save decides what it makes stale, so its child rows' own signals need not.
_saving_page_rows = ContextVar("saving_page_rows", default=False)


@contextmanager
def saving_page_rows():
    """A page's save, in one transaction with its child rows (see
    `page_rows_being_saved`)."""
    reset = _saving_page_rows.set(True)
    try:
        with transaction.atomic():
            yield
    finally:
        _saving_page_rows.reset(reset)


def page_rows_being_saved():
    return _saving_page_rows.get()


def clear_page_cache(shared=True):
    """Make every stored page stale, in the caller's transaction; with `shared`
    (the default, for anything not known to concern one article only) every
    fragment too, else only the fragments keyed on the token that moves on every
    change (listings, related articles), not those keyed on an article's own
    cache key.

    This process forgets its token now and again on commit, so that a read made
    between the two (from another thread, before the commit) is not kept.
    """
    PageCacheGeneration.replace(shared=shared)
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
    if response.has_header("Content-Encoding"):
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


# --- What the cache holds -----------------------------------------------------------

# Headers that belong to one encoding of the body, set again on each hit.
_PER_BODY_HEADERS = {"content-length", "content-encoding"}
# Brotli quality for stored pages. A page is compressed once per generation and sent
# many times, so the maximum is worth its cost: on a 20 KB article, quality 11 takes
# about 35 ms and is 13% smaller than gzip, where 5 to 9 are barely smaller than gzip
# (and 9 costs two thirds of 11).
BROTLI_QUALITY = 11


def stored_page(response):
    """A finished response as the cache keeps it: its headers and its body, plain,
    gzipped and brotli-compressed, so that a hit compresses nothing. A cached page
    holds no secret (no cookie, no CSRF token), so the padding against BREACH that
    Django's GZipMiddleware adds per response is not needed here."""
    body = response.content
    return {
        "status": response.status_code,
        "headers": [
            (name, value)
            for name, value in response.items()
            if name.lower() not in _PER_BODY_HEADERS
        ],
        "bodies": {
            "identity": body,
            "gzip": gzip.compress(body, compresslevel=6, mtime=0),
            "br": brotli.compress(body, quality=BROTLI_QUALITY),
        },
    }


def _accepted_encodings(request):
    """The codings the client accepts, from Accept-Encoding (q=0 refuses one)."""
    accepted = set()
    for part in request.META.get("HTTP_ACCEPT_ENCODING", "").split(","):
        coding, _, parameters = part.strip().partition(";")
        quality = parameters.strip().removeprefix("q=").strip() if parameters else "1"
        try:
            if float(quality) > 0:
                accepted.add(coding.strip().lower())
        except ValueError:
            continue
    return accepted


def response_from_stored(stored, request):
    accepted = _accepted_encodings(request)
    encoding = next(
        (coding for coding in ("br", "gzip") if coding in accepted), "identity"
    )
    response = HttpResponse(stored["bodies"][encoding], status=stored["status"])
    for name, value in stored["headers"]:
        response[name] = value
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(response.content))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


class PagesInMemory:
    """The most recently used stored pages of this process, in front of the cache.

    A hit then costs no round trip to Redis. It is as fresh as the shared cache: its
    keys carry the same generation (re-read at most once a second), so a publish
    puts every page it holds out of reach too, and an entry lives no longer than
    PAGE_CACHE_SECONDS. PAGE_CACHE_MEMORY_ENTRIES bounds it (a page is about
    30 KB with its compressed copies; 0 turns it off).
    """

    def __init__(self):
        self._pages = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key):
        with self._lock:
            entry = self._pages.get(key)
            if entry is None:
                return None
            stored, expires = entry
            if expires <= time.monotonic():
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return stored

    def put(self, key, stored, seconds):
        size = getattr(settings, "PAGE_CACHE_MEMORY_ENTRIES", 0)
        if size <= 0:
            return
        with self._lock:
            self._pages[key] = (stored, time.monotonic() + seconds)
            self._pages.move_to_end(key)
            while len(self._pages) > size:
                self._pages.popitem(last=False)

    def clear(self):
        with self._lock:
            self._pages.clear()


pages_in_memory = PagesInMemory()


# --- The middleware and the views it serves -----------------------------------------


def _request_key(request):
    """The page cache key for a request that may be answered from the cache, or None.

    No middleware has read the session yet, so only the cookie tells: a reader
    without a session cookie cannot be logged in or in a preview.
    """
    if not cache_seconds() or request.method not in ("GET", "HEAD"):
        return None
    if not is_anonymous_request(request):
        return None
    parameters = _key_parameters(request)
    if parameters is None:
        return None
    return cache_key(request, parameters)


class PageCacheMiddleware:
    """Answer anonymous readers' cache hits before the rest of the middleware stack,
    and store the pages that `cached_page_view` allows once that stack has finished.

    It sits right after whitenoise: a hit costs one cache read, like a static file
    costs one file read, and passes neither sessions, CSRF, authentication nor URL
    resolution (none of which apply to a reader without a session). What comes
    before it (security headers, HTTPS) is added to hits and misses alike; what
    comes after it (X-Frame-Options, Vary) is stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if fragment_seconds():
            # Before any content is read: see caching.fragments.
            request.page_generation, request.page_shared_generation = (
                current_generations()
            )
        key = _request_key(request)
        if key is not None:
            stored = pages_in_memory.get(key)
            if stored is None:
                stored = cache.get(key)
                if stored is not None:
                    # Kept in memory for the time left is unknown here; a short
                    # while is safe, as the key names the generation.
                    pages_in_memory.put(key, stored, min(60, cache_seconds()))
            if stored is not None:
                return response_from_stored(stored, request)
        response = self.get_response(request)
        store_fragments(request)
        if (
            key is not None
            and getattr(request, "page_cache_allowed", False)
            and is_cacheable_response(request, response)
        ):
            add_public_cache_headers(response)
            stored = stored_page(response)
            cache.set(key, stored, cache_seconds())
            pages_in_memory.put(key, stored, cache_seconds())
        return response


def cached_page_view(view):
    """Mark anonymous GET requests of `view` as cacheable (PageCacheMiddleware keeps
    them), allow its templates cached fragments (caching.fragments), and keep pages
    for logged-in users out of every shared cache.

    Wraps Wagtail's `serve` view (and the sitemap): only what goes through it is ever
    stored. Logged-in editors and anyone with a session always get a fresh page,
    marked private so no shared cache keeps it. An error page (a 404 for a mistyped
    address) is rendered after the view has raised, without fragments, so that
    unknown addresses cannot fill the cache.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.fragments_allowed = True
        try:
            return _serve_for_cache(view, request, *args, **kwargs)
        except Exception:
            request.fragments_allowed = False
            raise

    return wrapper


def _serve_for_cache(view, request, *args, **kwargs):
    if not cache_seconds() or request.method not in ("GET", "HEAD"):
        return view(request, *args, **kwargs)
    if not is_anonymous_request(request):
        response = view(request, *args, **kwargs)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
    request.page_cache_allowed = True
    return view(request, *args, **kwargs)


def store_when_rendered(request, response, key, seconds):
    """Cache `response` under `key` if it is a plain public page, once rendered.

    A TemplateResponse is judged after rendering: whether the template used a CSRF
    token is only known then.
    """

    def store(response):
        if is_cacheable_response(request, response):
            cache.set(key, response, seconds)
        return response

    if getattr(response, "is_rendered", True):
        store(response)
    else:
        response.add_post_render_callback(store)
    return response
