"""The page cache's generation token now lives in the `caching` app (caching 0001).

On a database made before the split, caching 0001 renamed the table; on a new one,
website 0005 made an empty table beside caching's, dropped here.
"""

from django.db import migrations

from images.migrations._moved_models import move_content_types, tables

OLD, NEW = "website_pagecachegeneration", "caching_pagecachegeneration"


def drop_old_table(apps, schema_editor):
    if OLD in tables(schema_editor):
        schema_editor.delete_model(apps.get_model("website", "PageCacheGeneration"))


def move_back(apps, schema_editor):
    existing = tables(schema_editor)
    if NEW not in existing or OLD in existing:
        return
    model = apps.get_model("website", "PageCacheGeneration")
    schema_editor.alter_db_table(model, NEW, OLD)
    move_content_types(
        apps, schema_editor, "caching", "website", ["pagecachegeneration"]
    )


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0013_images_moved_to_their_app"),
        ("caching", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PageCacheGeneration")],
            database_operations=[migrations.RunPython(drop_old_table, move_back)],
        ),
    ]
