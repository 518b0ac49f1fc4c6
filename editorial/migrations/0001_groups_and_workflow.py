from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.migrations._roles_2026_12_06 import configure


def create_groups_and_workflow(apps, schema_editor):
    # Django creates model permissions after the whole migrate run; the groups need
    # them now, on a fresh database as much as on an old one.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    configure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("blog", "0003_initial"),
        ("contributors", "0002_initial"),
        ("website", "0003_create_section_indexes"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)
    ]
