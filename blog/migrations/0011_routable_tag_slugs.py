"""Tags whose slug no URL can carry (a name of emoji or punctuation only slugified to
"", or a slug set by hand with spaces) get one their listing can be reached by."""

import re

from django.db import migrations
from django.utils.text import slugify

# Frozen from blog/slugs.py as it stood when this migration was written.
_UNICODE_SLUG = re.compile(r"^[-\w]+\Z")


def routable_tag_slug(name, slug, taken):
    if slug and _UNICODE_SLUG.match(slug):
        return slug
    base = slugify(name or "", allow_unicode=True)[:90] or "tag"
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


def give_tags_routable_slugs(apps, schema_editor):
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
