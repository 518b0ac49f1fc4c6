"""Tasks queued before the background mail and the scheduler moved from `website` to
`operations` name their code by its old path; the worker imports that path when it runs
them. Rename the paths of the tasks still waiting, so no queued e-mail is lost."""

from django.db import migrations
from django.db.models import Value
from django.db.models.functions import Concat, Substr

MOVED = ["mail", "scheduler"]


def rename(apps, old, new):
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for module in MOVED:
        prefix = f"{old}.{module}."
        DBTaskResult.objects.filter(task_path__startswith=prefix).update(
            task_path=Concat(Value(f"{new}.{module}."), Substr("task_path", len(prefix) + 1))
        )


def forwards(apps, schema_editor):
    rename(apps, "website", "operations")


def backwards(apps, schema_editor):
    rename(apps, "operations", "website")


class Migration(migrations.Migration):
    dependencies = [("django_tasks_database", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
