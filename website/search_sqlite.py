"""Wagtail's SQLite search backend, with ranking that stays flat as the archive grows.

Wagtail 8.0's SQLite backend (modelsearch.backends.database.sqlite) orders results
by a correlated subquery: for every page that matched, it runs the full-text MATCH
again to find that page's score. A word that most articles contain ("cerita",
"hari") makes that N full-text queries of N rows each: 18-25 s of CPU a search on a
5,000-article site (docs/search.md). Here the same score, FTS5's bm25() times
Wagtail's title-length factor, is read from one MATCH joined to the pages:

    SELECT page.… FROM page, modelsearch_indexentry ie, modelsearch_indexentry_fts fts
    WHERE fts MATCH '…' AND fts.rowid = ie.id AND ie.content_type_id IN (…)
      AND page.id = CAST(ie.object_id AS INTEGER) AND <the page filters>
    ORDER BY score, page.id DESC LIMIT 10

so SQLite reads the matches once, joins each to its page by primary key, and keeps
the best ten in a bounded sorter. The search API is Wagtail's own (`.search()` on a
queryset, the backend named in WAGTAILSEARCH_BACKENDS); negated queries, queries
without relevance order and non-integer primary keys take Wagtail's path unchanged.

The title counts double in bm25() (the column weights): a page whose title holds the
word comes before one that only mentions it in passing, as Page.search_fields' boost
on the title asks and as Wagtail's PostgreSQL backend already ranks.
"""

from django.db import models

from wagtail.search.backends.database.sqlite.query import MatchExpression, normalize
from wagtail.search.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from wagtail.search.query import MatchAll, Not
from wagtail.search.utils import get_descendants_content_types_pks

# bm25() weights, in the FTS5 table's column order: autocomplete, body, title.
FTS_COLUMN_WEIGHTS = (1.0, 1.0, 2.0)

INTEGER_KEYS = (models.AutoField, models.BigAutoField, models.IntegerField)


def _integer_key_column(model):
    """The concrete primary key column, when it holds integers; else None."""
    pk = model._meta.pk
    while isinstance(pk, models.OneToOneField) and pk.remote_field.parent_link:
        target = pk.target_field
        if isinstance(target, INTEGER_KEYS):
            return pk.column
        pk = target
    return pk.column if isinstance(pk, INTEGER_KEYS) else None


class FlatRankingQueryCompiler(SQLiteSearchQueryCompiler):
    def flat_path(self):
        """The queryset's integer key column when this query takes the joined path."""
        pk_column = _integer_key_column(self.queryset.model)
        if pk_column is None or isinstance(normalize(self.query), (MatchAll, Not)):
            return None
        return pk_column

    def matching(self, config, pk_column, score_field=None):
        """The queryset narrowed to the matches by one MATCH joined to it; with the
        bm25() score selected as `score_field` when one is named."""
        model = self.queryset.model
        search_query = self.build_search_query(normalize(self.query), config=config)
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        compiler = self.queryset.query.get_compiler(using=self.queryset.db)
        match_sql, match_params = match.as_sql(compiler, compiler.connection)

        fts = SQLiteFTSIndexEntry._meta.db_table
        entries = IndexEntry._meta.db_table
        content_types = list(get_descendants_content_types_pks(model))
        placeholders = ", ".join(["%s"] * len(content_types))
        select = {}
        if score_field:
            weights = ", ".join(str(weight) for weight in FTS_COLUMN_WEIGHTS)
            select[score_field] = (
                f'bm25("{fts}", {weights}) * ("{entries}".title_norm + 1.0)'
            )
        # Table and column names come from model metadata; the reader's words
        # travel only as the MATCH parameter.
        return self.queryset.extra(  # noqa: S610
            select=select,
            tables=[entries, fts],
            where=[
                match_sql,
                f'"{fts}".rowid = "{entries}".id',
                f'"{entries}".content_type_id IN ({placeholders})',
                f'"{model._meta.db_table}"."{pk_column}" '
                f'= CAST("{entries}".object_id AS INTEGER)',
            ],
            params=[*match_params, *content_types],
        )

    def search(self, config, start, stop, score_field=None):
        pk_column = self.flat_path()
        if pk_column is None or not (self.order_by_relevance or score_field):
            return super().search(config, start, stop, score_field=score_field)
        score_field = score_field or "_score"
        queryset = self.matching(config, pk_column, score_field)
        if self.order_by_relevance:
            # bm25() is negative: the best match has the lowest score.
            queryset = queryset.order_by(score_field, "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]

    def count(self, config):
        """How many match: the same join, without computing any score."""
        pk_column = self.flat_path()
        if pk_column is None:
            return self.search(config, None, None).count()
        return self.matching(config, pk_column).order_by().count()


class FlatRankingSearchResults(SQLiteSearchResults):
    def _do_count(self):
        if not isinstance(self.query_compiler, FlatRankingQueryCompiler):
            return super()._do_count()  # autocomplete: Wagtail's own
        return self.query_compiler.count(self.query_compiler.get_config(self.backend))


class FlatRankingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FlatRankingQueryCompiler
    results_class = FlatRankingSearchResults
