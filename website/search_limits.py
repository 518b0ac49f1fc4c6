"""Keep search from taking the site down: results cached briefly, each address limited.

A search is the one public page that runs a full-text query for whatever a reader
(or a script) types, so unlike the other pages it cannot be served from the page
cache by URL alone. Two defences:

- Results for anonymous readers are cached per cleaned query and page number for
  SEARCH_CACHE_SECONDS (at most a minute), under the page cache's generation, so a
  publish takes old results out at once like every other page.
- Each client address may search SEARCH_RATE_LIMIT_PER_MINUTE times a minute; past
  that it gets a light 429 page (no database query) with Retry-After.

Both live in Django's cache. When the cache does not answer, searches are served
uncached and unlimited: a side service that fails degrades the site, it does not
close it.
"""

import hashlib
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

from .cache import current_generation, is_anonymous_request, store_when_rendered
from .security import client_ip

RATE_WINDOW_SECONDS = 60
RATE_KEY_PREFIX = "serambi:search-rate"
RESULT_KEY_PREFIX = "serambi:search"


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()


def over_address_limit(request, prefix, limit, window_seconds):
    """Count this request against its client address; True past `limit` a window.

    The address is kept only as a hash in a cache key that expires with its window
    (the story form's limit uses this too: stories.views).
    """
    if not limit:
        return False
    window = int(time.time() // window_seconds)
    key = f"{prefix}:{_digest(client_ip(request))}:{window}"
    try:
        cache.add(key, 0, window_seconds + 5)
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr(): let this one through
        return False
    # None: the cache did not answer (django-redis IGNORE_EXCEPTIONS).
    return count is not None and count > limit


def is_over_limit(request):
    return over_address_limit(
        request,
        RATE_KEY_PREFIX,
        getattr(settings, "SEARCH_RATE_LIMIT_PER_MINUTE", 0),
        RATE_WINDOW_SECONDS,
    )


def too_many_searches(request):
    response = render(
        request,
        "website/search_limited.html",
        {"retry_after": RATE_WINDOW_SECONDS},
        status=429,
    )
    response["Retry-After"] = str(RATE_WINDOW_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def cache_seconds():
    """Search results are cached only where pages are, and never for long."""
    return min(
        getattr(settings, "SEARCH_CACHE_SECONDS", 60),
        getattr(settings, "PAGE_CACHE_SECONDS", 0),
    )


def limited_and_cached(query_of):
    """Wrap the search view: the rate limit first, then the result cache.

    `query_of(request)` gives the cleaned query the view searches for, so that
    spellings that search the same thing share one cached page.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if is_over_limit(request):
                return too_many_searches(request)
            seconds = cache_seconds()
            if seconds <= 0 or not is_anonymous_request(request):
                return view(request, *args, **kwargs)
            # The links in a results page carry the scheme and host it was asked
            # on: one site's (or http's) answer is never served for another.
            name = "|".join(
                [
                    request.scheme,
                    request.get_host(),
                    query_of(request),
                    request.GET.get("page", ""),
                ]
            )
            key = f"{RESULT_KEY_PREFIX}:{current_generation()}:{_digest(name)}"
            cached = cache.get(key)
            if cached is not None:
                return cached
            response = view(request, *args, **kwargs)
            return store_when_rendered(request, response, key, seconds)

        return wrapper

    return decorator
