"""Keep search from taking the site down: results cached briefly, each address
limited, searches in flight capped site-wide, each search stopped at a time limit.

A search is the one public page that runs a full-text query for whatever a reader
(or a script) types, so unlike the other pages it cannot be served from the page
cache by URL alone. Two defences:

- Results for anonymous readers are cached per cleaned query and page number for
  SEARCH_CACHE_SECONDS (at most a minute), under the page cache's generation, so a
  publish takes old results out at once like every other page.
- Each client address may search SEARCH_RATE_LIMIT_PER_MINUTE times a minute; past
  that it gets a light 429 page (no database query) with Retry-After.

- At most SEARCH_MAX_IN_FLIGHT searches run at once across every worker: slots in
  a Redis sorted set (the cache's Redis), each expiring after SEARCH_SLOT_SECONDS
  so a worker that dies frees its slot. Past the cap a reader gets a light 503 with
  Retry-After at once, never a place in a queue. Without Redis (local-memory
  cache, or Redis not answering) each process keeps its own cap,
  SEARCH_MAX_IN_FLIGHT_PER_PROCESS.
- A search that runs past SEARCH_TIME_LIMIT_SECONDS is stopped inside the database
  (`time_limit`): PostgreSQL by a statement timeout set for the search's
  transaction, SQLite by a progress handler that interrupts the statement at the
  deadline. The view answers with a message, never a 500.

The rate limit and the result cache live in Django's cache. When the cache does
not answer, searches are served uncached and limited per process only: a side
service that fails degrades the site, it does not close it.
"""

import hashlib
import logging
import threading
import time
import uuid
from contextlib import contextmanager
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import OperationalError, connections, transaction
from django.shortcuts import render

from caching.backend import record_failure, redis_is_skipped
from caching.limits import over_address_limit
from caching.pages import (
    current_generation,
    is_anonymous_request,
    store_when_rendered,
)

logger = logging.getLogger(__name__)

RATE_WINDOW_SECONDS = 60
RATE_KEY_PREFIX = "serambi:search-rate"
RESULT_KEY_PREFIX = "serambi:search"
SLOTS_KEY = "search-in-flight"
BUSY_RETRY_SECONDS = 5
SLOW_RETRY_SECONDS = 30
# SQLite calls the progress handler every this many virtual machine instructions:
# a few microseconds apart, so the deadline is met closely at no measurable cost.
SQLITE_PROGRESS_STEPS = 1000


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()


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


def search_busy(request):
    """Every slot taken: a page that costs no query, and a time to come back."""
    response = render(
        request,
        "website/search_limited.html",
        {"retry_after": BUSY_RETRY_SECONDS, "busy": True},
        status=503,
    )
    response["Retry-After"] = str(BUSY_RETRY_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


# --- Searches in flight, site-wide ------------------------------------------------

# Atomic in Redis: drop expired slots, then take one if fewer than the cap are held.
# The clock is Redis's own, the same for every app server.
ACQUIRE_SCRIPT = """
local now = redis.call('TIME')
local seconds = tonumber(now[1]) + tonumber(now[2]) / 1000000
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', seconds - tonumber(ARGV[1]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  return 0
end
redis.call('ZADD', KEYS[1], seconds, ARGV[3])
redis.call('EXPIRE', KEYS[1], math.ceil(tonumber(ARGV[1])) + 1)
return 1
"""

_process_slots = {}
_process_slots_lock = threading.Lock()


def slot_seconds():
    """How long a slot is held at most: past the time limit, so a slot is freed by
    its search's end, or by expiry if its worker died."""
    default = 2 * getattr(settings, "SEARCH_TIME_LIMIT_SECONDS", 2.0) + 5
    return getattr(settings, "SEARCH_SLOT_SECONDS", default)


def _redis():
    """The cache's own Redis client, or None when the cache is not Redis."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if not backend.startswith("django_redis."):
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def _take_shared_slot(token, limit):
    """True or False from Redis; None when Redis is not there to ask."""
    if redis_is_skipped():
        return None
    try:
        client = _redis()
        if client is None:
            return None
        key = cache.make_key(SLOTS_KEY)
        return bool(client.eval(ACQUIRE_SCRIPT, 1, key, slot_seconds(), limit, token))
    except Exception:  # noqa: BLE001 - any Redis failure: fall back, never a 500
        logger.warning("Redis did not answer for search slots; capping per process")
        record_failure()
        return None


def _give_back_shared_slot(token):
    try:
        _redis().zrem(cache.make_key(SLOTS_KEY), token)
    except Exception:  # noqa: BLE001 - the slot expires on its own
        record_failure()


def _process_semaphore():
    limit = getattr(settings, "SEARCH_MAX_IN_FLIGHT_PER_PROCESS", 2)
    with _process_slots_lock:
        if limit not in _process_slots:
            _process_slots[limit] = threading.BoundedSemaphore(limit)
        return _process_slots[limit]


@contextmanager
def search_slot():
    """Yields True while holding one of the site's search slots, False when all
    are taken (the caller refuses at once). Freed on leaving the block."""
    limit = getattr(settings, "SEARCH_MAX_IN_FLIGHT", 0)
    if not limit:
        yield True
        return
    token = uuid.uuid4().hex
    shared = _take_shared_slot(token, limit)
    if shared is not None:
        try:
            yield shared
        finally:
            if shared:
                _give_back_shared_slot(token)
        return
    semaphore = _process_semaphore()
    taken = semaphore.acquire(blocking=False)
    try:
        yield taken
    finally:
        if taken:
            semaphore.release()


# --- A time limit on each search ----------------------------------------------------


class SearchTooSlow(Exception):
    """The search ran past SEARCH_TIME_LIMIT_SECONDS and the database stopped it."""


def _was_stopped(error, vendor):
    if vendor == "sqlite":
        return "interrupted" in str(error)
    cause = error.__cause__
    # psycopg's QueryCanceled: SQLSTATE 57014, "canceling statement due to
    # statement timeout".
    return getattr(cause, "sqlstate", None) == "57014"


@contextmanager
def time_limit(seconds=None, using="default"):
    """Stop every query inside the block once `seconds` have passed since it began;
    raises SearchTooSlow then."""
    if seconds is None:
        seconds = getattr(settings, "SEARCH_TIME_LIMIT_SECONDS", 2.0)
    connection = connections[using]
    try:
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            raw = connection.connection
            deadline = time.monotonic() + seconds
            raw.set_progress_handler(
                lambda: int(time.monotonic() > deadline), SQLITE_PROGRESS_STEPS
            )
            try:
                yield
            finally:
                raw.set_progress_handler(None, SQLITE_PROGRESS_STEPS)
        elif connection.vendor == "postgresql":
            # SET LOCAL's PostgreSQL: the timeout ends with this transaction.
            with transaction.atomic(using=using), connection.cursor() as cursor:
                cursor.execute(
                    "SET LOCAL statement_timeout = %s", [max(1, int(seconds * 1000))]
                )
                yield
        else:
            yield
    except OperationalError as error:
        if _was_stopped(error, connection.vendor):
            raise SearchTooSlow from error
        raise


def cache_seconds():
    """Search results are cached only where pages are, and never for long."""
    return min(
        getattr(settings, "SEARCH_CACHE_SECONDS", 60),
        getattr(settings, "PAGE_CACHE_SECONDS", 0),
    )


def in_a_slot(view, request, *args, **kwargs):
    """The view, run while holding a search slot; the busy page when none is free.

    The view renders inside the slot, so a slot is held for all of the search's
    database work (a TemplateResponse would run its queries after the slot ended).
    """
    with search_slot() as granted:
        if not granted:
            return search_busy(request)
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not getattr(response, "is_rendered", True):
            response.render()
        return response


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
                return in_a_slot(view, request, *args, **kwargs)
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
            response = in_a_slot(view, request, *args, **kwargs)
            return store_when_rendered(request, response, key, seconds)

        return wrapper

    return decorator
