from django.contrib.auth.management import create_permissions
from django.db import migrations

from editorial.roles import configure


def reapply(apps, schema_editor):
    # Editors keep the content-note suggestions and the helplines; their permissions
    # exist only after the whole migrate run unless created here.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    configure(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_trash"),
        ("blog", "0005_article_content_note"),
        ("website", "0007_helplines"),
    ]

    operations = [migrations.RunPython(reapply, migrations.RunPython.noop)]
