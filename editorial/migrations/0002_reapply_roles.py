from django.db import migrations

from editorial.migrations._roles_2026_12_06 import configure


def reapply(apps, schema_editor):
    # Editors lost "unlock" (one editor must not lift another's lock).
    configure(apps)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0001_groups_and_workflow")]

    operations = [migrations.RunPython(reapply, migrations.RunPython.noop)]
