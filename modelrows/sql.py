"""Model instances from hand-written SQL, as the ORM would build them.

For the few queries every public page runs (routing, an article's related ones),
compiling the ORM's SQL cost several times what running it did. `Rows` writes the
column list and joins of a model (its own table and its parents') with foreign keys
joined in, as `select_related` would, once per connection; the caller writes the
WHERE. Each row becomes an instance through `Model.from_db`, its values through the
converters the ORM applies (SQLite's booleans and datetimes, a StreamField's JSON),
the joined objects cached on it as `select_related` leaves them.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections, router
from django.utils.functional import cached_property


def _read(connection, field, alias):
    column = field.get_col(alias)
    converters = connection.ops.get_db_converters(column) + column.get_db_converters(
        connection
    )
    return column, converters


class Reads(list):
    """[(column, converters)] of a select list, and which of them convert: on SQLite
    most columns (text, integers) have no converter, and a row's build need not
    visit them."""

    @cached_property
    def converting(self):
        return tuple(
            (index, column, converters)
            for index, (column, converters) in enumerate(self)
            if converters
        )


def select_columns(connection, model, aliases, defer=()):
    """(SQL column list, Reads, [attname]) of `model`'s concrete fields but
    `defer`, each read from the alias of the table that holds it."""
    quote = connection.ops.quote_name
    columns, reads, names = [], Reads(), []
    for field in model._meta.concrete_fields:
        if field.name in defer:
            continue
        alias = aliases[field.model._meta.concrete_model]
        columns.append(f"{alias}.{quote(field.column)}")
        reads.append(_read(connection, field, alias))
        names.append(field.attname)
    return columns, reads, names


def build_instance(model, db, connection, reads, names, values):
    """`model.from_db` of a row's `values`, each through its column's converters
    (`reads`, from select_columns)."""
    if len(values) != len(reads):
        raise ValueError(f"{len(values)} values for {len(reads)} columns")
    converted = list(values)
    for index, column, converters in reads.converting:
        value = converted[index]
        for converter in converters:
            value = converter(value, column, connection)
        converted[index] = value
    return model.from_db(db, names, converted)


class Rows:
    """`SELECT {rows.columns} FROM {rows.tables} WHERE …` for `model` (aliases t0,
    t1… for its table and its parents', r0, r1… for `select_related`), and
    `rows.instance(row)` to build one from a result row. `select_related` names
    foreign keys of `model` to models without parents of their own; `defer` names
    fields of `model` left unloaded (as QuerySet.defer)."""

    def __init__(self, connection, model, select_related=(), defer=()):
        self.connection = connection
        self.model = model
        quote = connection.ops.quote_name
        chain = [model, *model._meta.get_parent_list()]
        self.aliases = {m: f"t{number}" for number, m in enumerate(chain)}
        tables = [f"{quote(model._meta.db_table)} t0"]
        for ancestor in chain[1:]:
            link = model._meta.get_ancestor_link(ancestor)
            tables.append(
                f"INNER JOIN {quote(ancestor._meta.db_table)} {self.aliases[ancestor]} "
                f"ON {self.aliases[ancestor]}.{quote(ancestor._meta.pk.column)} = "
                f"{self.aliases[link.model._meta.concrete_model]}.{quote(link.column)}"
            )
        columns, self.reads, self.names = select_columns(
            connection, model, self.aliases, defer
        )
        self.related = []
        for number, name in enumerate(select_related):
            field = model._meta.get_field(name)
            target = field.related_model
            if target._meta.parents:
                raise ValueError(f"{name}: a model with parents is not supported")
            alias = f"r{number}"
            tables.append(
                f"LEFT OUTER JOIN {quote(target._meta.db_table)} {alias} ON "
                f"{alias}.{quote(target._meta.pk.column)} = "
                f"{self.aliases[field.model._meta.concrete_model]}.{quote(field.column)}"
            )
            target_columns, target_reads, target_names = select_columns(
                connection, target, {target: alias}
            )
            pk_index = target._meta.concrete_fields.index(target._meta.pk)
            self.related.append(
                (field, target, len(columns), target_reads, target_names, pk_index)
            )
            columns += target_columns
        self.width = len(columns)
        self.columns = ", ".join(columns)
        self.tables = " ".join(tables)

    def fetch(self, sql, params, extra=0):
        """The instances of the rows `sql` answers. With `extra`, each comes with
        the values of the `extra` columns after the model's, as
        (instance, (values…))."""
        with self.connection.cursor() as cursor:
            cursor.execute(sql, params)
            found = cursor.fetchall()
        if not extra:
            return [self.instance(row) for row in found]
        return [
            (self.instance(row), row[self.width : self.width + extra]) for row in found
        ]

    def alias(self, model):
        """The alias of `model`'s table (the model's own or a parent's)."""
        return self.aliases[model]

    def instance(self, row):
        """The model instance of a result row whose first columns are `columns`."""
        db = self.connection.alias
        instance = build_instance(
            self.model,
            db,
            self.connection,
            self.reads,
            self.names,
            row[: len(self.reads)],
        )
        for field, target, start, reads, names, pk_index in self.related:
            values = row[start : start + len(reads)]
            related = None
            if values[pk_index] is not None:
                related = build_instance(
                    target, db, self.connection, reads, names, values
                )
            field.set_cached_value(instance, related)
        return instance


def rows_for(model, select_related=(), defer=(), using=None):
    """The Rows of `model` on the current thread's connection, built once per
    connection object (its converters are bound to it)."""
    connection = connections[using or model.objects.db]
    memo = connection.__dict__.setdefault("_serambi_rows", {})
    key = (model, tuple(select_related), tuple(defer))
    rows = memo.get(key)
    if rows is None:
        rows = memo[key] = Rows(connection, model, tuple(select_related), defer)
    return rows


def columns_for(model, alias, using=None):
    """select_columns of `model` under `alias`, on the current thread's connection,
    written once per connection object (as rows_for)."""
    connection = connections[using or model.objects.db]
    memo = connection.__dict__.setdefault("_serambi_columns", {})
    key = (model, alias)
    found = memo.get(key)
    if found is None:
        found = memo[key] = select_columns(connection, model, {model: alias})
    return found


COMPILED_MAX = 256


def list_compiled_once(model, key, build):
    """The list of `model` instances the queryset `build()` makes, built and its SQL
    compiled by the ORM once per `key` on this connection, and reused after.

    For a query built the same way on every request of a page (a listing's page of
    cards, the home page's articles), Django built the queryset (filters, lookups
    resolved one by one) and compiled its SQL each time, at several times the cost
    of running it. `key` must name everything the queryset `build` returns depends
    on (e.g. the private sections left out and the listing's name); `build` is
    called only when the key is new. The rows are read afresh every time, through a
    copy of the queryset first built. Per connection object, as Rows: a compiler is
    bound to its connection.
    """
    connection = connections[router.db_for_read(model)]
    memo = connection.__dict__.setdefault("_serambi_compiled", {})
    found = memo.get(key)
    if found is None:
        queryset = build()
        compiler = queryset.query.get_compiler(using=queryset.db)
        try:
            compiled = compiler.as_sql()
        except EmptyResultSet:  # a filter nothing can match (pk__in=[])
            return []
        # The compiler keeps what compiling set up (its select and how each row
        # becomes instances); from now on it runs the SQL it compiled.
        compiler.as_sql = lambda *args, **kwargs: compiled
        if len(memo) >= COMPILED_MAX:
            memo.clear()
        found = memo[key] = (queryset, compiler)
    queryset, compiler = found
    queryset = queryset._chain()
    queryset.query.get_compiler = lambda *args, **kwargs: compiler
    return list(queryset)
