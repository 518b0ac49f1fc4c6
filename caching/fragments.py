"""Cached fragments of public pages, for the renders the page cache does not answer.

The page cache (caching.pages) answers anonymous readers. Everyone else gets a fresh
render: logged-in contributors and editors reading the site, readers with a session,
a request with a query parameter no page reads, and a page once after a change it
shows. For them the expensive parts of a page (an article's text and credits, its
related articles; a listing's cards; the site's header and footer) are kept as
rendered HTML with Wagtail's `{% wagtailpagecache %}` / `{% wagtailcache %}` tags,
which never cache a preview.

Each fragment varies on one of the two generation tokens (caching.models), taken by
PageCacheMiddleware when the request begins, before any content is read:

- `fragment_variant` carries the token that moves on every change a reader could see:
  for what shows other pages (a listing's cards, the home page's sections, an
  article's related articles, a contributor's works);
- `fragment_shared_variant` carries the token that moves only on what many pages show
  (contributors and pen names, categories, tags, images, settings, privacy, moves,
  unpublishing, deletions, an article's first publish): for the header and footer,
  and, with `{% wagtailpagecache %}` adding the page's own `cache_key` (its id, path
  and last publish), for an article's own text, credits and head. Publishing article
  B leaves article A's text cached; a renamed contributor reaches every fragment at
  once.

A fragment is never older than the content it was rendered from. The data behind a
fragment is read lazily (SimpleLazyObject in the page's context), so a page whose
fragments are all cached makes only the queries that find it.

One round trip: the first fragment a request renders reads every fragment of the page
(found in the template and the templates it extends) with one `get_many`; the
fragments rendered afresh are written with one `set_many` when the response is done
(PageCacheMiddleware calls `store_fragments`). Redis down: every read is a miss and
every write is dropped, so the page is rendered whole.

FRAGMENT_CACHE_SECONDS sets how long a fragment is kept (0 turns them off).
"""

import hashlib
import logging
from functools import wraps

from django.conf import settings
from django.core.cache import InvalidCacheBackendError, caches
from django.http import HttpResponse
from django.template.loader_tags import ExtendsNode
from django.utils.translation import get_language

logger = logging.getLogger(__name__)


def fragment_seconds():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def fragment_cache():
    """The cache Django's `{% cache %}` tag uses."""
    try:
        return caches["template_fragments"]
    except InvalidCacheBackendError:
        return caches["default"]


def fragments(request):
    """Context processor: `fragment_seconds` for the cache tags, and
    `fragment_variant` / `fragment_shared_variant`, which name this rendering of the
    page among the others of the same page, under one token or the other. Only the
    public pages' views (caching.pages.cached_page_view) keep fragments: anything
    else (an error page, the admin, a request the middleware did not see) gets 0, so
    nothing is kept."""
    generation = getattr(request, "page_generation", None)
    if generation is None or not getattr(request, "fragments_allowed", False):
        return {
            "fragment_seconds": 0,
            "fragment_variant": "",
            "fragment_shared_variant": "",
        }
    rest = [
        get_language() or "",
        request.get_host(),
        request.path,
        ",".join(request.GET.getlist("page")),
    ]
    return {
        "fragment_seconds": fragment_seconds(),
        "fragment_variant": "|".join([generation, *rest]),
        "fragment_shared_variant": "|".join(
            [request.page_shared_generation, "shared", *rest]
        ),
    }


# --- One round trip a page ------------------------------------------------------------


class FragmentBatch:
    """A request's fragments: read together, written together."""

    def __init__(self):
        self.fetched = None  # keys asked for with get_many (a set), once
        self.values = {}
        self.pending = {}  # key: (html, seconds), to write when the response is done

    def prefetch(self, keys):
        self.fetched = set(keys)
        if keys:
            self.values = fragment_cache().get_many(list(keys)) or {}

    def get(self, key):
        if key in self.pending:
            return self.pending[key][0]
        if self.fetched is not None and key in self.fetched:
            return self.values.get(key)
        # Not foreseen (a fragment in an {% include %}): asked on its own.
        return fragment_cache().get(key)

    def put(self, key, html, seconds):
        self.pending[key] = (html, seconds)


def batch_for(request):
    """The request's batch, or None when PageCacheMiddleware did not start one (then
    each fragment is read and written on its own)."""
    if getattr(request, "page_generation", None) is None:
        return None
    batch = getattr(request, "_fragment_batch", None)
    if batch is None:
        batch = request._fragment_batch = FragmentBatch()
    return batch


def store_fragments(request):
    """Write the fragments this request rendered afresh, in one `set_many` per
    timeout (all share FRAGMENT_CACHE_SECONDS)."""
    batch = getattr(request, "_fragment_batch", None)
    if batch is None or not batch.pending:
        return
    by_seconds = {}
    for key, (html, seconds) in batch.pending.items():
        by_seconds.setdefault(seconds, {})[key] = html
    batch.pending = {}
    for seconds, values in by_seconds.items():
        fragment_cache().set_many(values, seconds)


def fragment_nodes(template, context, node_class):
    """Every fragment node of `template` and the templates it extends, in the order
    found; kept on the (cached) template object when its parents are named by
    constants."""
    memo = getattr(template, "_serambi_fragment_nodes", None)
    if memo is not None:
        return memo
    nodes = list(template.nodelist.get_nodes_by_type(node_class))
    constant = True
    for extends in template.nodelist.get_nodes_by_type(ExtendsNode):
        parent_name = extends.parent_name.resolve(context)
        constant = constant and isinstance(extends.parent_name.var, str)
        if not isinstance(parent_name, str):
            constant = False
            parent = getattr(parent_name, "template", parent_name)
        else:
            parent = context.template.engine.get_template(parent_name)
        nodes += fragment_nodes(parent, context, node_class)
    if constant:
        template._serambi_fragment_nodes = nodes
    return nodes


# --- Whole responses the same for every reader ------------------------------------------

RESPONSE_KEY_PREFIX = "serambi:fragment-response"


def allows_fragments(view):
    """Let `view`'s templates use cached fragments (the header, the footer and what
    they mark), as caching.pages.cached_page_view does for Wagtail's pages, for a
    view the page cache does not store (search). An error page is rendered
    without them."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        request.fragments_allowed = True
        try:
            return view(request, *args, **kwargs)
        except Exception:
            request.fragments_allowed = False
            raise

    return wrapper


def same_for_every_reader(route):
    """A page's route (a feed) whose response is the same for everyone it is served
    to, kept whole as a fragment: under the token that moves on every change
    (`request.page_generation`), the language, the address and the query string.
    A page cache miss (fragments are for those) then costs one cache read. Only a
    plain 200 without cookies is kept."""

    @wraps(route)
    def wrapper(page, request, *args, **kwargs):
        generation = getattr(request, "page_generation", None)
        seconds = fragment_seconds()
        if (
            generation is None
            or not seconds
            or not getattr(request, "fragments_allowed", False)
            or getattr(request, "is_preview", False)
            or request.method not in ("GET", "HEAD")
        ):
            return route(page, request, *args, **kwargs)
        name = "|".join(
            [
                generation,
                get_language() or "",
                request.scheme,
                request.get_host(),
                request.path,
                request.META.get("QUERY_STRING", ""),
            ]
        )
        key = f"{RESPONSE_KEY_PREFIX}:{hashlib.sha256(name.encode()).hexdigest()}"
        stored = fragment_cache().get(key)
        if stored is not None:
            response = HttpResponse(stored["content"], status=200)
            for header, value in stored["headers"]:
                response[header] = value
            return response
        response = route(page, request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and getattr(response, "is_rendered", True)
        ):
            fragment_cache().set(
                key,
                {"content": response.content, "headers": list(response.items())},
                seconds,
            )
        return response

    return wrapper
