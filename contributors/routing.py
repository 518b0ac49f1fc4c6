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

from django.db import connections

from wagtail.models import Page


def _converters(connection, field, alias):
    """What the ORM would apply to `field`'s value read from `alias` (e.g. SQLite's
    booleans and datetimes, a StreamField's JSON)."""
    column = field.get_col(alias)
    converters = connection.ops.get_db_converters(column) + column.get_db_converters(
        connection
    )
    return column, converters


def select_columns(connection, model, aliases):
    """(SQL column list, [(column, converters)]) of `model`'s concrete fields, each
    read from the alias of the table that holds it."""
    quote = connection.ops.quote_name
    columns, reads = [], []
    for field in model._meta.concrete_fields:
        alias = aliases[field.model._meta.concrete_model]
        columns.append(f"{alias}.{quote(field.column)}")
        reads.append(_converters(connection, field, alias))
    return columns, reads


def build_instance(model, db, connection, reads, values):
    converted = []
    for value, (column, converters) in zip(values, reads, strict=True):
        for converter in converters:
            value = converter(value, column, connection)
        converted.append(value)
    return model.from_db(
        db, [f.attname for f in model._meta.concrete_fields], converted
    )


def _child_query(connection, model, select_related):
    """(sql, reads of the child, [(field, related model, first column, reads)]) for
    child_by_slug: the same for every call with these arguments, so built once per
    connection object (its converters are bound to it; one per thread)."""
    memo = connection.__dict__.setdefault("_serambi_child_queries", {})
    key = (model, select_related)
    if key not in memo:
        memo[key] = _build_child_query(connection, model, select_related)
    return memo[key]


def _build_child_query(connection, model, select_related):
    quote = connection.ops.quote_name
    chain = [model, *model._meta.get_parent_list()]
    aliases = {m: f"t{number}" for number, m in enumerate(chain)}
    joins = [f"{quote(model._meta.db_table)} t0"]
    for ancestor in chain[1:]:
        link = model._meta.get_ancestor_link(ancestor)
        joins.append(
            f"INNER JOIN {quote(ancestor._meta.db_table)} {aliases[ancestor]} ON "
            f"{aliases[ancestor]}.{quote(ancestor._meta.pk.column)} = "
            f"{aliases[link.model._meta.concrete_model]}.{quote(link.column)}"
        )
    columns, reads = select_columns(connection, model, aliases)
    related = []
    for number, name in enumerate(select_related):
        field = model._meta.get_field(name)
        target = field.related_model
        if target._meta.parents:
            raise ValueError(f"{name}: a model with parents is not supported")
        alias = f"r{number}"
        joins.append(
            f"LEFT OUTER JOIN {quote(target._meta.db_table)} {alias} ON "
            f"{alias}.{quote(target._meta.pk.column)} = "
            f"{aliases[field.model._meta.concrete_model]}.{quote(field.column)}"
        )
        target_columns, target_reads = select_columns(
            connection, target, {target: alias}
        )
        related.append((field, target, len(columns), target_reads))
        columns += target_columns
    page = aliases[Page]
    sql = (
        f"SELECT {', '.join(columns)} FROM {' '.join(joins)} "  # noqa: S608 - names from the models, values as parameters
        f"WHERE substr({page}.{quote('path')}, 1, %s) = %s "
        f"AND {page}.{quote('depth')} = %s AND {page}.{quote('slug')} = %s "
        f"ORDER BY {page}.{quote('path')} LIMIT 1"
    )
    return sql, reads, related


def child_by_slug(model, parent, slug, select_related=()):
    """The child of `parent` of type `model` whose slug is `slug` (the first in tree
    order), or None: what `model.objects.child_of(parent).select_related(
    *select_related).filter(slug=slug).first()` answers, in hand-written SQL that
    SQLite and PostgreSQL both read. `select_related` names foreign keys of `model`
    to models without parents of their own."""
    db = model.objects.db
    connection = connections[db]
    sql, reads, related = _child_query(connection, model, tuple(select_related))
    with connection.cursor() as cursor:
        cursor.execute(sql, [len(parent.path), parent.path, parent.depth + 1, slug])
        row = cursor.fetchone()
    if row is None:
        return None
    child = build_instance(model, db, connection, reads, row[: len(reads)])
    for field, target, start, target_reads in related:
        values = row[start : start + len(target_reads)]
        pk_index = target._meta.concrete_fields.index(target._meta.pk)
        instance = None
        if values[pk_index] is not None:
            instance = build_instance(target, db, connection, target_reads, values)
        field.set_cached_value(child, instance)
    return child


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
