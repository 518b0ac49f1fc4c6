"""Summaries kept before blog.plain_text held HTML character references ("&gt;") and
ran paragraphs together ("ways.Threaded"): make them again from the body."""

import re
from html import unescape

from django.db import migrations
from django.utils.html import strip_tags
from django.utils.text import Truncator

SUMMARY_LENGTH = 240

# Frozen from blog/plain_text.py as it stood when this migration was written.
_BLOCK_BOUNDARY = re.compile(
    r"(</(?:p|h[1-6]|li|blockquote|div|figcaption|pre|td|th|tr|dd|dt)\s*>"
    r"|<(?:br|hr)\b[^>]*>)",
    re.IGNORECASE,
)


def html_to_text(html):
    text = _BLOCK_BOUNDARY.sub(r"\1 ", str(html or ""))
    return " ".join(unescape(strip_tags(text)).split())


def first_paragraph_text(raw_body):
    for block in raw_body or []:
        if block.get("type") != "paragraph":
            continue
        text = html_to_text(block.get("value") or "")
        if text:
            return Truncator(text).chars(SUMMARY_LENGTH, truncate="…")
    return ""


def remake_summaries(apps, schema_editor):
    ArticlePage = apps.get_model("blog", "ArticlePage")
    for page in ArticlePage.objects.only("pk", "body", "body_summary").iterator():
        summary = first_paragraph_text(page.body.raw_data)
        if summary != page.body_summary:
            ArticlePage.objects.filter(pk=page.pk).update(body_summary=summary)


class Migration(migrations.Migration):
    dependencies = [
        ("blog", "0011_routable_tag_slugs"),
    ]

    operations = [
        migrations.RunPython(remake_summaries, migrations.RunPython.noop),
    ]
