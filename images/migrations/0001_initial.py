"""The image model, moved out of `website` (where it was made in website 0001).

A database made before the split keeps its images: the tables website_customimage and
website_customrendition are renamed (every row, every foreign key to them) and their
content types relabelled. A new database gets new tables; website 0013 drops the empty
ones its own 0001 made. No dependency on `website`: this app sits below it.
"""

import django.db.models.deletion
import modelsearch.index
import taggit.managers
import wagtail.images.models
import wagtail.models.media
from django.conf import settings
from django.db import migrations, models

from images.migrations._moved_models import (
    has_rows,
    made_before_the_split,
    move_content_types,
    tables,
)

MOVED = {
    "customimage": ("website_customimage", "images_customimage"),
    "customrendition": ("website_customrendition", "images_customrendition"),
}


def take_over_or_create(apps, schema_editor):
    image = apps.get_model("images", "CustomImage")
    rendition = apps.get_model("images", "CustomRendition")
    existing = tables(schema_editor)
    if "website_customimage" in existing:
        if made_before_the_split(schema_editor):
            for model, (old, new) in (
                (image, MOVED["customimage"]),
                (rendition, MOVED["customrendition"]),
            ):
                schema_editor.alter_db_table(model, old, new)
            move_content_types(apps, schema_editor, "website", "images", MOVED)
            return
        if has_rows(schema_editor, "website_customimage"):
            raise RuntimeError(
                "This database holds images but has not applied every migration of "
                "the release before the image app was split out of `website`. "
                "Upgrade to that release first and migrate (docs/upgrading.md)."
            )
    schema_editor.create_model(image)
    schema_editor.create_model(rendition)


def drop_if_still_here(apps, schema_editor):
    # Undone by website 0013 first, which renames the tables back; only tables this
    # made and nothing moved back are left to drop.
    if "images_customimage" in tables(schema_editor):
        schema_editor.delete_model(apps.get_model("images", "CustomRendition"))
        schema_editor.delete_model(apps.get_model("images", "CustomImage"))


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CustomImage",
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
                        ("title", models.CharField(max_length=255, verbose_name="title")),
                        (
                            "file",
                            wagtail.images.models.WagtailImageField(
                                height_field="height",
                                upload_to=wagtail.images.models.get_upload_to,
                                verbose_name="file",
                                width_field="width",
                            ),
                        ),
                        (
                            "description",
                            models.CharField(
                                blank=True,
                                default="",
                                max_length=255,
                                verbose_name="description",
                            ),
                        ),
                        ("width", models.IntegerField(editable=False, verbose_name="width")),
                        (
                            "height",
                            models.IntegerField(editable=False, verbose_name="height"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, db_index=True, verbose_name="created at"
                            ),
                        ),
                        ("focal_point_x", models.PositiveIntegerField(blank=True, null=True)),
                        ("focal_point_y", models.PositiveIntegerField(blank=True, null=True)),
                        (
                            "focal_point_width",
                            models.PositiveIntegerField(blank=True, null=True),
                        ),
                        (
                            "focal_point_height",
                            models.PositiveIntegerField(blank=True, null=True),
                        ),
                        ("file_size", models.PositiveIntegerField(editable=False, null=True)),
                        (
                            "file_hash",
                            models.CharField(
                                blank=True, db_index=True, editable=False, max_length=40
                            ),
                        ),
                        (
                            "credit",
                            models.CharField(
                                blank=True,
                                help_text="Nama ilustrator atau fotografer, misalnya 'Ilustrasi: Rina'.",
                                max_length=255,
                                verbose_name="kredit",
                            ),
                        ),
                        (
                            "collection",
                            models.ForeignKey(
                                default=wagtail.models.media.get_root_collection_id,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="wagtailcore.collection",
                                verbose_name="collection",
                            ),
                        ),
                        (
                            "tags",
                            taggit.managers.TaggableManager(
                                blank=True,
                                help_text=None,
                                through="taggit.TaggedItem",
                                to="taggit.Tag",
                                verbose_name="tags",
                            ),
                        ),
                        (
                            "uploaded_by_user",
                            models.ForeignKey(
                                blank=True,
                                editable=False,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="uploaded by user",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "gambar",
                        "verbose_name_plural": "gambar",
                        "abstract": False,
                    },
                    bases=(
                        wagtail.images.models.ImageFileMixin,
                        modelsearch.index.Indexed,
                        models.Model,
                    ),
                ),
                migrations.CreateModel(
                    name="CustomRendition",
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
                        ("filter_spec", models.CharField(db_index=True, max_length=255)),
                        (
                            "file",
                            wagtail.images.models.WagtailImageField(
                                height_field="height",
                                storage=wagtail.images.models.get_rendition_storage,
                                upload_to=wagtail.images.models.get_rendition_upload_to,
                                width_field="width",
                            ),
                        ),
                        ("width", models.IntegerField(editable=False)),
                        ("height", models.IntegerField(editable=False)),
                        (
                            "focal_point_key",
                            models.CharField(
                                blank=True, default="", editable=False, max_length=16
                            ),
                        ),
                        (
                            "image",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="renditions",
                                to="images.customimage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "versi gambar",
                        "verbose_name_plural": "versi gambar",
                        "unique_together": {("image", "filter_spec", "focal_point_key")},
                    },
                    bases=(wagtail.images.models.ImageFileMixin, models.Model),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(take_over_or_create, drop_if_still_here),
    ]
