"""Limits counted in the cache: requests per client address, or per site, per window.

Each window's count is one cache key that expires with the window. The address is
kept only as a hash. When the cache does not answer, nothing is counted and every
request goes through: a side service that fails degrades a limit, it never closes
the site. Used by search (website.search_limits) and the story form (stories.views).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The address of whoever sent the request.

    REMOTE_ADDR, unless `TRUSTED_PROXY_COUNT` proxies of ours stand in front of the
    app: each appends the address it received from to X-Forwarded-For, so the client
    is that many entries from the right. Entries further left are whatever the client
    chose to send, and are never used.
    """
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count > 0:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR", "")


def _digest(value):
    return hashlib.sha256(value.encode()).hexdigest()


def over_address_limit(request, prefix, limit, window_seconds):
    """Count this request against its client address; True past `limit` a window.

    The address is kept only as a hash in a cache key that expires with its window
    (the story form's limit uses this too: stories.views).
    """
    return _over_limit(f"{prefix}:{_digest(client_ip(request))}", limit, window_seconds)


def over_site_limit(prefix, limit, window_seconds):
    """Count one more against everyone together; True past `limit` a window."""
    return _over_limit(prefix, limit, window_seconds)


def _over_limit(key_prefix, limit, window_seconds):
    if not limit:
        return False
    window = int(time.time() // window_seconds)
    key = f"{key_prefix}:{window}"
    try:
        cache.add(key, 0, window_seconds + 5)
        count = cache.incr(key)
    except ValueError:  # evicted between add() and incr(): let this one through
        return False
    # None: the cache did not answer (django-redis IGNORE_EXCEPTIONS).
    return count is not None and count > limit
