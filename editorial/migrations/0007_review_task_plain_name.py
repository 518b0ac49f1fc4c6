from django.db import migrations

# The review step is called "Tinjauan redaksi" like the workflow it belongs to, not
# "Persetujuan redaksi": beside "Tinjauan" it read as a second step (editorial.roles
# uses the new name from now on).
OLD_NAME = "Persetujuan redaksi"
NEW_NAME = "Tinjauan redaksi"


def rename(apps, schema_editor, old=OLD_NAME, new=NEW_NAME):
    Task = apps.get_model("wagtailcore", "Task")
    if not Task.objects.filter(name=new).exists():
        Task.objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, old=NEW_NAME, new=OLD_NAME)


class Migration(migrations.Migration):
    dependencies = [("editorial", "0006_care_permissions")]

    operations = [migrations.RunPython(rename, rename_back)]
