"""The search backend named in WAGTAILSEARCH_BACKENDS: Wagtail's database backend
for the database in use, with SQLite's ranking replaced (website.search_sqlite).
PostgreSQL keeps Wagtail's own backend (docs/search.md: not yet bounded there).
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
    return database_backend(params)
