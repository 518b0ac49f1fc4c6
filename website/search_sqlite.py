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

The title counts ten times the body in bm25() (the column weights): a page whose
title holds the word comes before one that only mentions it in passing, even when
Wagtail's title-length factor favours the other's shorter title; Wagtail's
PostgreSQL backend weighs the title higher still (weight A against D).

A word in more than SEARCH_RANKED_MATCHES entries is ranked among every entry whose
title holds it and the SEARCH_RANKED_MATCHES most recently indexed others (see
`matching`), so the cost stays flat as the archive grows.
"""

from django.conf import settings

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

from .search_keys import integer_key_column

# bm25() weights, in the FTS5 table's column order: autocomplete, body, title.
FTS_COLUMN_WEIGHTS = (1.0, 1.0, 10.0)


class FlatRankingQueryCompiler(SQLiteSearchQueryCompiler):
    def flat_path(self):
        """The queryset's integer key column when this query takes the joined path."""
        pk_column = integer_key_column(self.queryset.model)
        if pk_column is None or isinstance(normalize(self.query), (MatchAll, Not)):
            return None
        return pk_column

    def matching(self, config, pk_column, score_field=None):
        """The queryset narrowed to the matches by one MATCH joined to it; with the
        bm25() score selected as `score_field` when one is named.

        A word in more than SEARCH_RANKED_MATCHES entries keeps every entry whose
        title holds it and the SEARCH_RANKED_MATCHES most recently indexed others
        (FTS5 walks its matches newest first and stops there): the cost stays flat
        however large the archive, and bm25() gives such a word almost no weight,
        so it could hardly tell the older ones apart anyway.
        """
        model = self.queryset.model
        search_query = self.build_search_query(normalize(self.query), config=config)
        columns = self.fields or self.FTS_TABLE_FIELDS
        compiler = self.queryset.query.get_compiler(using=self.queryset.db)
        connection = compiler.connection
        match_sql, match_params = MatchExpression(columns, search_query).as_sql(
            compiler, connection
        )

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
        where = [
            match_sql,
            f'"{fts}".rowid = "{entries}".id',
            f'"{entries}".content_type_id IN ({placeholders})',
            f'"{model._meta.db_table}"."{pk_column}" '
            f'= CAST("{entries}".object_id AS INTEGER)',
        ]
        params = [*match_params, *content_types]
        ranked = getattr(settings, "SEARCH_RANKED_MATCHES", 0)
        if ranked:
            # Names from model metadata; the words travel as MATCH parameters.
            newest = (
                f'"{fts}".rowid >= COALESCE((SELECT rowid FROM "{fts}" WHERE '  # noqa: S608
                f'"{fts}" MATCH %s ORDER BY rowid DESC LIMIT 1 OFFSET %s), 0)'
            )
            params += [*match_params, ranked - 1]
            if "title" in columns:
                title_sql, title_params = MatchExpression(
                    ["title"], search_query
                ).as_sql(compiler, connection)
                newest = (
                    f'({newest} OR "{fts}".rowid IN (SELECT rowid FROM "{fts}" '  # noqa: S608
                    f"WHERE {title_sql}))"
                )
                params += title_params
            where.append(newest)
        # Table and column names come from model metadata; the reader's words
        # travel only as MATCH parameters.
        return self.queryset.extra(  # noqa: S610
            select=select, tables=[entries, fts], where=where, params=params
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
    @property
    def ranked_matches(self):
        """How many of a very common word's matches are ranked (0: all of them);
        the search page says so when a count reaches it."""
        if not isinstance(self.query_compiler, FlatRankingQueryCompiler):
            return 0
        if self.query_compiler.flat_path() is None:
            return 0
        return getattr(settings, "SEARCH_RANKED_MATCHES", 0)

    def _do_count(self):
        if not isinstance(self.query_compiler, FlatRankingQueryCompiler):
            return super()._do_count()  # autocomplete: Wagtail's own
        return self.query_compiler.count(self.query_compiler.get_config(self.backend))


class FlatRankingSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = FlatRankingQueryCompiler
    results_class = FlatRankingSearchResults
