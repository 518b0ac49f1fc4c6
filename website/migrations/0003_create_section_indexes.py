from django.db import migrations

# The two sections every Serambi site has; the editorial workflow is assigned to them.
SECTIONS = [
    ("blog", "blogindexpage", "Artikel", "artikel"),
    ("contributors", "contributorindexpage", "Kontributor", "kontributor"),
]


def create_section_indexes(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("website", "HomePage")

    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    for app_label, model_name, title, slug in SECTIONS:
        Model = apps.get_model(app_label, model_name)
        if Model.objects.exists():
            continue
        content_type, _ = ContentType.objects.get_or_create(
            app_label=app_label, model=model_name
        )
        last_child = (
            Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
            .order_by("-path")
            .first()
        )
        # Treebeard paths: four base-36 digits per level.
        next_step = int(last_child.path[-4:], 36) + 1 if last_child else 1
        step = ""
        for _ in range(4):
            next_step, digit = divmod(next_step, 36)
            step = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"[digit] + step
        Model.objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type,
            path=home.path + step,
            depth=home.depth + 1,
            numchild=0,
            url_path=f"{home.url_path}{slug}/",
            locale_id=home.locale_id,
            live=True,
        )
        home.numchild += 1
        home.save(update_fields=["numchild"])


def remove_section_indexes(apps, schema_editor):
    for app_label, model_name, _title, _slug in SECTIONS:
        apps.get_model(app_label, model_name).objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("website", "0002_create_homepage"),
        ("blog", "0003_initial"),
        ("contributors", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_section_indexes, remove_section_indexes)]
