"""A django-redis client that stops waiting for Redis for a moment after it fails.

django-redis with IGNORE_EXCEPTIONS turns a failing Redis into cache misses, but each
operation still waits out the socket timeout first, and a page that misses the cache
makes up to ten cache calls (page, site root paths, image renditions): against a
Redis that has stopped answering, five seconds a page. After a failure this client
answers "unavailable" at once for RETRY_SECONDS, process-wide, then tries Redis
again: at most one timeout a second per process while Redis is away.
"""

import logging
import time
from functools import wraps

from django_redis.client import DefaultClient
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import ConnectionError as RedisConnectionError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0

# time.monotonic() until which Redis is not asked; shared by every thread.
_skip_until = 0.0

GUARDED = (
    "get",
    "set",
    "add",
    "delete",
    "delete_many",
    "delete_pattern",
    "get_many",
    "set_many",
    "incr",
    "decr",
    "incr_version",
    "has_key",
    "touch",
    "ttl",
    "expire",
    "persist",
    "keys",
    "clear",
)


class RedisSkipped(ConnectionInterrupted):
    pass


def redis_is_skipped():
    return time.monotonic() < _skip_until


def forget_failures():
    global _skip_until
    _skip_until = 0.0


def record_failure():
    """Redis failed: skip it for RETRY_SECONDS, process-wide (also for the raw
    client that website.search_limits uses)."""
    global _skip_until
    if not redis_is_skipped():
        logger.warning("Redis is not answering; serving uncached for a moment")
    _skip_until = time.monotonic() + RETRY_SECONDS


def _guarded(method):
    @wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisSkipped:
            raise
        except ConnectionInterrupted:
            record_failure()
            raise

    return wrapper


def _refuse_while_skipped():
    if redis_is_skipped():
        # Caught by django-redis (IGNORE_EXCEPTIONS) like any connection error.
        raise RedisSkipped(connection=None) from RedisConnectionError(
            "skipped: Redis failed less than a second ago"
        )


class FailFastClient(DefaultClient):
    def get_client(self, *args, **kwargs):
        _refuse_while_skipped()
        return super().get_client(*args, **kwargs)

    def get_client_with_index(self, *args, **kwargs):
        _refuse_while_skipped()
        return super().get_client_with_index(*args, **kwargs)


for _name in GUARDED:
    setattr(FailFastClient, _name, _guarded(getattr(DefaultClient, _name)))
