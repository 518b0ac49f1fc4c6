"""Frozen helpers for models that moved out of `website` into an app of their own.

Used by the migrations of the split (images 0001, caching 0001, accounts 0001 and
website 0013). A database made before the split holds the tables and content types
under `website`; one made after holds them under the new app from the start. These
move the tables (renamed, so every row and every foreign key stays) and the content
type rows (so taggit tags, the reference index, log entries and permissions follow).
"""

from django.db.migrations.recorder import MigrationRecorder

# What every app had applied at the last commit before the split. A database that
# has them all is one made before the split: its tables are complete and move whole.
PRE_SPLIT = [
    ("blog", "0013_article_body_table_and_preformatted"),
    ("contributors", "0003_short_bio_room_for_real_bios"),
    ("importer", "0003_export_fidelity"),
    ("website", "0012_search_title_body_index"),
]


def tables(schema_editor):
    with schema_editor.connection.cursor() as cursor:
        return set(schema_editor.connection.introspection.table_names(cursor))


def made_before_the_split(schema_editor):
    applied = MigrationRecorder(schema_editor.connection).applied_migrations()
    return all(node in applied for node in PRE_SPLIT)


def has_rows(schema_editor, table):
    quoted = schema_editor.quote_name(table)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {quoted} LIMIT 1")  # noqa: S608  (a table name)
        return cursor.fetchone() is not None


def move_content_types(apps, schema_editor, old_app, new_app, model_names):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in model_names:
        old = ContentType.objects.filter(app_label=old_app, model=name).first()
        if old is None:
            continue
        # A content type made for the new label already (by post_migrate, on a
        # database whose migrations ran in another order) holds permissions at most;
        # the old one holds the rows that point at the images, so the old one stays.
        for stale in ContentType.objects.filter(app_label=new_app, model=name):
            _delete_content_type(apps, schema_editor, stale.pk)
        old.app_label = new_app
        old.save(update_fields=["app_label"])


def _references(apps, label):
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if field.many_to_one and field.related_model._meta.label_lower == label:
                yield model, field


def _delete_rows(apps, schema_editor, label, pks):
    # Raw deletes, table by table: the historical models of some apps hold live
    # classes that Django's cascade collector refuses to mix with historical ones.
    alias = schema_editor.connection.alias
    for model, field in _references(apps, label):
        if model._meta.label_lower == "auth.permission":
            continue
        model._base_manager.using(alias).filter(
            **{f"{field.attname}__in": pks}
        )._raw_delete(alias)


def _delete_content_type(apps, schema_editor, pk):
    alias = schema_editor.connection.alias
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    permissions = list(
        Permission.objects.using(alias)
        .filter(content_type_id=pk)
        .values_list("pk", flat=True)
    )
    if permissions:
        _delete_rows(apps, schema_editor, "auth.permission", permissions)
        Permission.objects.using(alias).filter(pk__in=permissions)._raw_delete(alias)
    _delete_rows(apps, schema_editor, "contenttypes.contenttype", [pk])
    ContentType.objects.using(alias).filter(pk=pk)._raw_delete(alias)
