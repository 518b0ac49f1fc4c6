"""Routing to a child page in one query.

Wagtail's `Page.route` finds the child by slug as a plain `Page` and then loads its
specific row: two queries per level of the URL. A section knows which page types it
holds (`subpage_types`), so it can ask for the specific child directly, with what the
child's template needs joined in (`child_select_related`). Unknown slugs fall through
to Wagtail's own routing, which answers 404.

The query is written by hand (`child_by_slug`): compiling the ORM's version (the
child's tables, the joined relations, the tree lookups) cost several times what
running it did, on every page an address routes through.
"""

from wagtail.models import Page

from modelrows.sql import rows_for


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
