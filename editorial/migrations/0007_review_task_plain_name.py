from importlib import import_module

from django.db import migrations

# The review step is called "Tinjauan redaksi" like the workflow it belongs to, not
# "Persetujuan redaksi" (editorial.roles renames it and puts the rest back in place).
create_groups_and_workflow = import_module(
    "editorial.migrations.0001_groups_and_workflow"
).create_groups_and_workflow


class Migration(migrations.Migration):
    dependencies = [("editorial", "0006_care_permissions")]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)
    ]
