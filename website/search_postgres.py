"""Wagtail's PostgreSQL search backend, with a very common word's ranking bounded.

Wagtail 8.0's PostgreSQL backend (modelsearch.backends.database.postgres) filters
the index entries on `(title || body) @@ query` and orders every match by
ts_rank() of its title and body: a word that most articles contain ("cerita",
"hari") costs a match test and two ts_rank() calls for every article, for the
count and again for the page, about 120 ms of PostgreSQL at 5,000 articles and ten
times that at 50,000 (docs/search.md).

Here, as on SQLite (website.search_sqlite), a word in more than
SEARCH_RANKED_MATCHES entries is ranked among every entry whose title holds it (the
GIN index on `title`) and the SEARCH_RANKED_MATCHES most recently indexed others: a
backward scan of the primary key that stops at the last of them. The count is of
that set, and the search page says so. The GIN index on `title || body` (migration
website 0012) gives the planner statistics on the expression Wagtail filters on, so
a rare word is found through the index instead of a scan of every entry.

The query, its ranking and its filters stay Wagtail's own; negated queries,
queries without relevance order, fuzzy and `fields=` searches and models with
non-integer keys take Wagtail's path unchanged.
"""

from django.conf import settings

from wagtail.search.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from wagtail.search.query import And, Not, Or, Phrase, PlainText
from wagtail.search.utils import get_descendants_content_types_pks

from .search_keys import integer_key_column


def has_negation(query):
    if isinstance(query, Not):
        return True
    return any(has_negation(sub) for sub in getattr(query, "subqueries", ()))


class BoundedRankingQueryCompiler(PostgresSearchQueryCompiler):
    def bounded(self):
        """True when a very common word's matches are bounded before ranking."""
        if not getattr(settings, "SEARCH_RANKED_MATCHES", 0):
            return False
        if self.fields is not None or not self.order_by_relevance:
            return False
        if integer_key_column(self.queryset.model) is None:
            return False
        return isinstance(self.query, (PlainText, Phrase, And, Or)) and not (
            has_negation(self.query)
        )

    def bound_sql(self, queryset, search_query):
        """The WHERE clause keeping title matches and the newest others, on the
        index entry Wagtail's query joins."""
        query = queryset.query
        compiler = query.get_compiler(using=queryset.db)
        tsquery_sql, tsquery_params = compiler.compile(
            search_query.resolve_expression(query)
        )
        entries = IndexEntry._meta.db_table
        content_types = list(get_descendants_content_types_pks(self.queryset.model))
        placeholders = ", ".join(["%s"] * len(content_types))
        # Table names come from model metadata; the words travel as parameters.
        candidates = (
            f'SELECT * FROM (SELECT newest.id FROM "{entries}" newest '  # noqa: S608
            f"WHERE newest.content_type_id IN ({placeholders}) "
            f"AND (newest.title || newest.body) @@ {tsquery_sql} "
            "ORDER BY newest.id DESC LIMIT %s) newest "
            f'UNION SELECT titled.id FROM "{entries}" titled '
            f"WHERE titled.title @@ {tsquery_sql}"
        )
        sql = f'"{entries}".id IN ({candidates})'
        ranked = settings.SEARCH_RANKED_MATCHES
        params = [*content_types, *tsquery_params, ranked, *tsquery_params]
        return sql, params

    def search(self, config, start, stop, score_field=None, backend=None):
        queryset = super().search(
            config, None, None, score_field=score_field, backend=backend
        )
        if not self.bounded():
            return queryset[start:stop]
        search_query = self.build_tsquery(self.query, config=config)
        sql, params = self.bound_sql(queryset, search_query)
        # Wagtail's query joins the index entries once, by their table's name.
        return queryset.extra(where=[sql], params=params)[start:stop]  # noqa: S610


class BoundedRankingSearchResults(PostgresSearchResults):
    @property
    def ranked_matches(self):
        """How many of a very common word's matches are ranked (0: all of them);
        the search page says so when a count reaches it."""
        compiler = self.query_compiler
        if isinstance(compiler, BoundedRankingQueryCompiler) and compiler.bounded():
            return settings.SEARCH_RANKED_MATCHES
        return 0


class BoundedRankingPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = BoundedRankingQueryCompiler
    results_class = BoundedRankingSearchResults
