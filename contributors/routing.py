"""Routing to a child page in one query, and a page's address without a reverse().

Wagtail's `Page.route` finds the child by slug as a plain `Page` and then loads its
specific row: two queries per level of the URL. A section knows which page types it
holds (`subpage_types`), so it can ask for the specific child directly, with what the
child's template needs joined in (`child_select_related`). Unknown slugs fall through
to Wagtail's own routing, which answers 404.

The query is written by hand (`child_by_slug`): compiling the ORM's version (the
child's tables, the joined relations, the tree lookups) cost several times what
running it did, on every page an address routes through.
"""

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse

from wagtail.coreutils import WAGTAIL_APPEND_SLASH
from wagtail.models import Page, Site

from modelrows.sql import rows_for

from .visibility import VersionMemo


def child_by_slug(model, parent, slug, select_related=()):
    """The child of `parent` of type `model` whose slug is `slug` (the first in tree
    order), or None: what `model.objects.child_of(parent).select_related(
    *select_related).filter(slug=slug).first()` answers, in hand-written SQL that
    SQLite and PostgreSQL both read (modelrows.sql)."""
    rows = rows_for(model, select_related)
    quote = rows.connection.ops.quote_name
    page = rows.alias(Page)
    sql = (
        f"SELECT {rows.columns} FROM {rows.tables} "  # noqa: S608 - names from the models, values as parameters
        f"WHERE substr({page}.{quote('path')}, 1, %s) = %s "
        f"AND {page}.{quote('depth')} = %s AND {page}.{quote('slug')} = %s "
        f"ORDER BY {page}.{quote('path')} LIMIT 1"
    )
    found = rows.fetch(sql, [len(parent.path), parent.path, parent.depth + 1, slug])
    return found[0] if found else None


class DirectChildRouteMixin:
    child_select_related = ()

    def find_child(self, slug):
        for model in self.allowed_subpage_models():
            child = child_by_slug(model, self, slug, self.child_select_related)
            if child is not None:
                return child
        return None

    def route(self, request, path_components):
        if path_components:
            child = self.find_child(path_components[0])
            if child is not None:
                child._cached_parent_obj = self
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


_SERVED_PATHS_MAX = 20_000
_served_paths = {}
_MISSING = object()


def served_path(relative_path):
    """reverse("wagtail_serve", args=(relative_path,)), worked out once per URL
    configuration, script prefix and path for the life of the process (None where
    it does not reverse): a listing asked Django's resolver for some twenty
    addresses a render, a tenth of a card's cost."""
    key = (get_urlconf(), get_script_prefix(), relative_path)
    path = _served_paths.get(key, _MISSING)
    if path is _MISSING:
        try:
            path = reverse("wagtail_serve", args=(relative_path,))
        except NoReverseMatch:
            path = None
        if len(_served_paths) >= _SERVED_PATHS_MAX:
            _served_paths.clear()
        _served_paths[key] = path
    return path


# The sites' root paths (Site.get_site_root_paths), kept for the current public
# version: Wagtail reads them from the cache once per request, a round trip on every
# page rendered. A change to a Site moves the version (website.signals), as does a
# move or a new slug of a site's root page.
_site_root_paths = VersionMemo(max_entries=1)


def site_root_paths():
    return _site_root_paths.get("paths", Site.get_site_root_paths)


class ServedUrlMixin:
    """Page.get_url_parts (Wagtail 8.0.1) with its reverse() through served_path,
    and the sites' root paths from site_root_paths. Sites with Wagtail's i18n, and
    a page that belongs to more than one site, take Wagtail's own path
    (docs/upgrading.md)."""

    def _get_site_root_paths(self, cache_object=None, **kwargs):
        if kwargs:  # Wagtail's deprecated `request=`
            return super()._get_site_root_paths(cache_object, **kwargs)
        cache_object = cache_object or self
        try:
            return cache_object._wagtail_cached_site_root_paths
        except AttributeError:
            paths = cache_object._wagtail_cached_site_root_paths = site_root_paths()
            return paths

    def get_url_parts(self, request=None):
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            return super().get_url_parts(request)
        possible_sites = self._get_relevant_site_root_paths(request)
        if not possible_sites:
            return None
        if len({values[0] for values in possible_sites}) > 1:
            return super().get_url_parts(request)
        site_id, root_path, root_url, _language_code = possible_sites[0]
        page_path = served_path(self.url_path[len(root_path) :])
        if page_path is None:
            return (site_id, None, None)
        if not WAGTAIL_APPEND_SLASH and page_path != "/":
            page_path = page_path.rstrip("/")
        return (site_id, root_url, page_path)
