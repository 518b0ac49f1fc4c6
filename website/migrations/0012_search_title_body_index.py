"""A GIN index on the expression Wagtail's PostgreSQL search filters on.

Wagtail's index entries have GIN indexes on `title` and on `body`, but its search
matches `(title || body) @@ query`. Without an index on that expression PostgreSQL
has no statistics for it either: a rare word was found by testing every entry, and
the bounded ranking of a common word (website.search_postgres) could not be
planned as a backward scan. PostgreSQL only; elsewhere nothing happens.
"""

from django.db import migrations

INDEX = "website_indexentry_title_body_gin"


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    schema_editor.execute(
        f'CREATE INDEX IF NOT EXISTS {INDEX} ON "{table}" USING gin ((title || body))'
    )
    # The expression's statistics, which the planner needs to choose the index
    # for a rare word and the backward scan for a common one.
    schema_editor.execute(f'ANALYZE "{table}"')


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0011_quick_exit_settings"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create, drop)]
