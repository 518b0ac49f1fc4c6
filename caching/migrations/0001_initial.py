"""The page cache's generation token, moved out of `website` (made in website 0005).

A database made before the split keeps its token (so no cached page is thrown away
by the upgrade): the table is renamed and its content type relabelled. A new database
gets a new table; website 0014 drops the empty one website 0005 made there.
"""

from django.db import migrations, models

import caching.models
from images.migrations._moved_models import (
    made_before_the_split,
    move_content_types,
    tables,
)

OLD, NEW = "website_pagecachegeneration", "caching_pagecachegeneration"


def take_over_or_create(apps, schema_editor):
    model = apps.get_model("caching", "PageCacheGeneration")
    if OLD in tables(schema_editor) and made_before_the_split(schema_editor):
        schema_editor.alter_db_table(model, OLD, NEW)
        move_content_types(
            apps, schema_editor, "website", "caching", ["pagecachegeneration"]
        )
    else:
        schema_editor.create_model(model)


def drop_if_still_here(apps, schema_editor):
    # Undone by website 0014 first, which renames the table back.
    if NEW in tables(schema_editor):
        schema_editor.delete_model(apps.get_model("caching", "PageCacheGeneration"))


class Migration(migrations.Migration):
    initial = True

    dependencies = [("contenttypes", "0002_remove_content_type_name")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PageCacheGeneration",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "token",
                            models.CharField(
                                default=caching.models.new_token, max_length=32
                            ),
                        ),
                        ("changed_at", models.DateTimeField(auto_now=True)),
                    ],
                    options={
                        "verbose_name": "page cache generation",
                        "verbose_name_plural": "page cache generations",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_or_create, drop_if_still_here),
    ]
