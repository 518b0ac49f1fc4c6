"""The image model now lives in the `images` app (images 0001).

On a database made before the split, images 0001 renamed the tables and there is
nothing left to drop. On a new database, website 0001 made empty tables beside the
ones images 0001 made; every foreign key now points at the new ones (blog 0014,
contributors 0004, importer 0004), so the old ones go.
"""

from django.db import migrations

from images.migrations._moved_models import move_content_types, tables

MOVED = {
    "customimage": ("website_customimage", "images_customimage"),
    "customrendition": ("website_customrendition", "images_customrendition"),
}


def drop_old_tables(apps, schema_editor):
    existing = tables(schema_editor)
    if "website_customrendition" in existing:
        schema_editor.delete_model(apps.get_model("website", "CustomRendition"))
    if "website_customimage" in existing:
        schema_editor.delete_model(apps.get_model("website", "CustomImage"))


def move_back(apps, schema_editor):
    # Undoing the split: the tables go back under `website` before the foreign keys
    # are pointed at them again; images 0001 then has nothing left to drop.
    existing = tables(schema_editor)
    if "images_customimage" not in existing or "website_customimage" in existing:
        return
    image = apps.get_model("website", "CustomImage")
    rendition = apps.get_model("website", "CustomRendition")
    for model, (old, new) in (
        (image, MOVED["customimage"]),
        (rendition, MOVED["customrendition"]),
    ):
        schema_editor.alter_db_table(model, new, old)
    move_content_types(apps, schema_editor, "images", "website", MOVED)


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0012_search_title_body_index"),
        ("blog", "0014_hero_image_from_images_app"),
        ("contributors", "0004_photo_from_images_app"),
        ("importer", "0004_image_from_images_app"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="customrendition", name="image"),
                migrations.AlterUniqueTogether(
                    name="customrendition", unique_together=None
                ),
                migrations.DeleteModel(name="CustomImage"),
                migrations.DeleteModel(name="CustomRendition"),
            ],
            database_operations=[migrations.RunPython(drop_old_tables, move_back)],
        ),
    ]
