"""System checks for what a deployment must not get wrong."""

from django.conf import settings
from django.core import checks

# Backends whose entries every process of every app server sees.
SHARED_CACHE_BACKENDS = (
    "django_redis.cache.RedisCache",
    "django.core.cache.backends.redis.RedisCache",
    "django.core.cache.backends.memcached.PyMemcacheCache",
    "django.core.cache.backends.memcached.PyLibMCCache",
    "django.core.cache.backends.db.DatabaseCache",
)


@checks.register(checks.Tags.caches, deploy=True)
def page_cache_needs_a_shared_cache(app_configs, **kwargs):
    """A page cache in each worker's own memory would answer for pages that another
    process changed; production turns it off without REDIS_URL, and this catches any
    other settings module that turns it back on."""
    if not getattr(settings, "PAGE_CACHE_SECONDS", 0):
        return []
    backend = settings.CACHES["default"]["BACKEND"]
    if backend in SHARED_CACHE_BACKENDS:
        return []
    return [
        checks.Error(
            f"PAGE_CACHE_SECONDS is {settings.PAGE_CACHE_SECONDS} but the default "
            f"cache ({backend}) is not shared between processes.",
            hint="Set REDIS_URL, or PAGE_CACHE_SECONDS=0.",
            id="website.E001",
        )
    ]
