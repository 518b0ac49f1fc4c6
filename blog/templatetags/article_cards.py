"""{% article_card %}: the card every listing shows of an article.

The most repeated piece of the public site (twelve on a listing and on the home page,
three under each article, on contributors' pages and in search), written in Python
rather than as an included template: the template engine's share of a card (its
variable lookups, filters and tags node by node) was a tenth of a listing's render.
It prints what the template it replaced did, byte for byte.
"""

from django import template
from django.template.defaultfilters import truncatewords
from django.utils.dates import MONTHS
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext

from wagtail.images.models import Filter

from contributors.names import join_names
from images.renditions import filter_for
from images.templatetags.safe_images import picture_html

register = template.Library()

# The hero renditions a card shows: two widths for a grid of one to three columns,
# AVIF and WebP for phones on mobile data, JPEG for the rest.
CARD_PICTURE_SPECS = tuple(
    Filter.expand_spec("fill-{400x225,800x450} format-{avif,webp,jpeg}")
)
CARD_PICTURE_SIZES = "(min-width: 70rem) 22rem, (min-width: 40rem) 45vw, 100vw"
SUMMARY_WORDS = 32


def card_picture(image, loading):
    return picture_html(
        image,
        [filter_for(spec) for spec in CARD_PICTURE_SPECS],
        {"sizes": CARD_PICTURE_SIZES, "loading": loading, "decoding": "async"},
    )


def article_card_html(
    article, request=None, level="h2", hide_category=False, image_loading="lazy"
):
    writers = article.writers_for_listing
    parts = ['\n<article class="card">\n  ']
    if article.hero_image:
        picture = card_picture(article.hero_image, image_loading or "lazy")
        parts.append(f'<div class="card__media">{picture}</div>')
    parts.append('\n  <div class="card__body">\n    ')
    if article.category and not hide_category:
        parts.append(f'<p class="card__kicker">{escape(article.category.name)}</p>')
    url = escape(article.get_url(request=request))
    parts.append(
        f'\n    <{level} class="card__title"><a href="{url}">{escape(article.title)}'
        f"</a></{level}>\n    "
    )
    if article.content_note:
        parts.append(
            f'<p class="card__note">{gettext("Catatan konten")}: '
            f"{escape(article.content_note)}</p>"
        )
    parts.append("\n    ")
    summary = article.summary
    if summary:
        summary = truncatewords(summary, SUMMARY_WORDS)
        parts.append(f'<p class="card__summary">{escape(summary)}</p>')
    parts.append('\n    <p class="meta">')
    if writers:
        names = join_names(person.public_name for person in writers)
        parts.append(f"<span>{conditional_escape(names)}</span> · ")
    published = article.first_published_at
    if published:
        local = template_localtime(published)
        machine = local.replace(microsecond=0).isoformat()
        # Django's date format "j F Y" ("7 Desember 2026"), without parsing it.
        day = f"{local.day} {MONTHS[local.month]} {local.year:04d}"
        parts.append(f'<time datetime="{escape(machine)}">{escape(day)}</time>')
    parts.append("</p>\n  </div>\n</article>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


@register.simple_tag(takes_context=True)
def article_card(
    context, article, level="h2", hide_category=False, image_loading="lazy"
):
    """{% article_card article level="h3" hide_category=category image_loading="eager" %}"""
    return article_card_html(
        article,
        request=context.get("request"),
        level=escape(level or "h2"),
        hide_category=hide_category,
        image_loading=image_loading,
    )
