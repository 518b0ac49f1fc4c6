"""Slugs as editors and imports really make them: unicode, sometimes empty.

Tags get unicode slugs (taggit slugifies with allow_unicode: "Pérez" is "pérez"), and
a name of emoji or punctuation only ("🌸", "!!!") slugifies to nothing at all. The
listing routes accept every slug Django's unicode slugify can give, and a tag whose
name gives no slug gets one ("tag", "tag-2", …) rather than an empty one no URL can
name.
"""

import re

from django.urls import register_converter
from django.utils.text import slugify

# What slugify(..., allow_unicode=True) leaves: word characters and hyphens.
UNICODE_SLUG = r"[-\w]+"
_UNICODE_SLUG = re.compile(rf"^{UNICODE_SLUG}\Z")
FALLBACK_TAG_SLUG = "tag"


class UnicodeSlugConverter:
    regex = UNICODE_SLUG

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(UnicodeSlugConverter, "uslug")


def is_routable_slug(slug):
    return bool(slug) and bool(_UNICODE_SLUG.match(slug))


def routable_tag_slug(name, slug, taken):
    """`slug` when a URL can name it, else one made from `name` that `taken(slug)`
    says is free."""
    if is_routable_slug(slug):
        return slug
    base = slugify(name or "", allow_unicode=True)[:90] or FALLBACK_TAG_SLUG
    candidate, number = base, 1
    while taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
