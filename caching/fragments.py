"""Cached fragments of public pages, for the renders the page cache does not answer.

The page cache (caching.pages) answers anonymous readers. Everyone else gets a fresh
render: logged-in contributors and editors reading the site, readers with a session,
a request with a query parameter no page reads, and every page once after a publish.
For them the expensive parts of a page (an article's text, credits and related
articles; a listing's cards; the site's header and footer) are kept as rendered HTML
with Wagtail's `{% wagtailpagecache %}` / `{% wagtailcache %}` tags, which never
cache a preview.

Each fragment varies on the page cache's generation (`request.page_generation`,
taken by PageCacheMiddleware when the request begins, before any content is read), so
anything that makes cached pages stale (a publish, a renamed contributor, an edited
category or image, the site settings) makes every fragment stale with them, and a
fragment is never older than the content it was rendered from. The data behind a
fragment is read lazily (SimpleLazyObject in the page's context), so a page whose
fragments are all cached makes only the queries that find it.

FRAGMENT_CACHE_SECONDS sets how long a fragment is kept (0 turns them off).
"""

from django.conf import settings
from django.utils.translation import get_language


def fragment_seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def fragments(request):
    """Context processor: `fragment_seconds` for the cache tags and
    `fragment_variant`, which names this rendering of the page among the others of
    the same page. Only the public pages' views (caching.pages.cached_page_view)
    keep fragments: anything else (an error page, the admin, a request the
    middleware did not see) gets 0, so nothing is kept."""
    generation = getattr(request, "page_generation", None)
    if generation is None or not getattr(request, "fragments_allowed", False):
        return {"fragment_seconds": 0, "fragment_variant": ""}
    return {
        "fragment_seconds": fragment_seconds(),
        "fragment_variant": "|".join(
            [
                generation,
                get_language() or "",
                request.get_host(),
                request.path,
                ",".join(request.GET.getlist("page")),
            ]
        ),
    }
