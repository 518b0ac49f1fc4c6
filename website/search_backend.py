"""The search backend named in WAGTAILSEARCH_BACKENDS: Wagtail's database backend
for the database in use, with its ranking bounded: SQLite's in website.search_sqlite,
PostgreSQL's in website.search_postgres (docs/search.md).
"""

from django.db import connection

from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):
    """The name Wagtail calls in a backend's module, with the backend's params."""
    if connection.vendor == "sqlite":
        # Imported here: its models exist only on SQLite with FTS5.
        from .search_sqlite import FlatRankingSQLiteSearchBackend, SQLiteSearchBackend

        backend = database_backend(params)
        if isinstance(backend, SQLiteSearchBackend):
            return FlatRankingSQLiteSearchBackend(params)
        return backend
    if connection.vendor == "postgresql":
        from .search_postgres import (
            BoundedRankingPostgresSearchBackend,
            PostgresSearchBackend,
        )

        backend = database_backend(params)
        if isinstance(backend, PostgresSearchBackend):
            return BoundedRankingPostgresSearchBackend(params)
        return backend
    return database_backend(params)
