"""Tags whose slug no URL can carry (a name of emoji or punctuation only slugified to
"", or a slug set by hand with spaces) get one their listing can be reached by."""

from django.db import migrations


def give_tags_routable_slugs(apps, schema_editor):
    from blog.slugs import routable_tag_slug

    Tag = apps.get_model("taggit", "Tag")
    for tag in Tag.objects.order_by("pk"):
        slug = routable_tag_slug(
            tag.name,
            tag.slug,
            lambda slug, pk=tag.pk: Tag.objects.filter(slug=slug)
            .exclude(pk=pk)
            .exists(),
        )
        if slug != tag.slug:
            tag.slug = slug
            tag.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0010_article_ordered_sections"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(give_tags_routable_slugs, migrations.RunPython.noop),
    ]
