from importlib import import_module

from django.db import migrations

# Editors keep the content-note suggestions and the helplines (editorial.roles). Their
# permissions exist only after the whole migrate run unless made now, which is what
# the first migration's function does before it configures the groups.
create_groups_and_workflow = import_module(
    "editorial.migrations.0001_groups_and_workflow"
).create_groups_and_workflow


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_calendar_feed"),
        ("blog", "0005_article_content_note"),
        ("website", "0007_helplines"),
    ]

    operations = [
        migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)
    ]
