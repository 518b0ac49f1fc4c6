"""Presentational helpers for the public templates: URLs, sharing, structured data."""

import json
import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from blog.plain_text import html_to_text
from contributors.names import join_names
from images.renditions import LINK_PREVIEW_SPEC, rendition_or_none

register = template.Library()

PUBLISHER_NAME = "Serambi"
DESCRIPTION_LENGTH = 160
# Structured data of an article without a usable illustration names the site's own
# share image: Article rich results want an image, and a missing one is no reason to
# leave the article out of them.
DEFAULT_SHARE_IMAGE = "images/serambi-share.png"

# What json_script escapes, so that "</script>" or "<!--" in a title cannot end the
# JSON-LD block early; U+2028/9 as well, for any consumer that parses it as script.
_JSON_SCRIPT_ESCAPES = {
    ord(">"): "\\u003E",
    ord("<"): "\\u003C",
    ord("&"): "\\u0026",
    ord("\u2028"): "\\u2028",
    ord("\u2029"): "\\u2029",
}


def _request(context):
    return context.get("request")


def _absolute(context, url):
    if not url:
        return ""
    request = _request(context)
    if request is None:
        return url
    return request.build_absolute_uri(url)


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """The URL with scheme and host of the current request (unchanged if absolute)."""
    return _absolute(context, url)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's own address: its path, plus ?page=N past the first page of a listing.

    Built from the request rather than the Site record so that it always names the host
    the reader (and the crawler) actually reached.
    """
    request = _request(context)
    if request is None:
        return ""
    url = request.build_absolute_uri(request.path)
    page_number = request.GET.get("page", "")
    if page_number.isdigit() and int(page_number) > 1:
        url += f"?page={int(page_number)}"
    return url


@register.filter
def startswith(value, prefix):
    """For aria-current on a section's link: is this path inside the section?"""
    return bool(prefix) and str(value).startswith(str(prefix))


@register.filter
def plain_summary(value, length=DESCRIPTION_LENGTH):
    """Rich text squeezed into one line of text for a meta description: tags gone,
    a space between blocks, character references decoded (blog.plain_text), so the
    template escapes it once."""
    return Truncator(html_to_text(value)).chars(int(length))


def _one_line(value, length=DESCRIPTION_LENGTH):
    """Plain text (a summary, a bio) on one line: it is text already, so nothing in
    it is taken for a tag or a character reference."""
    return Truncator(" ".join(str(value or "").split())).chars(int(length))


@register.simple_tag
def meta_description(page, fallback=""):
    """search_description, then the page's own summary, then its intro, then fallback.

    An article with a content note is described by its note and a neutral line,
    never by its text (see ArticlePage.share_summary).
    """
    if getattr(page, "content_note", ""):
        return _one_line(page.share_summary)
    for candidate in (
        getattr(page, "search_description", ""),
        getattr(page, "summary", ""),
        getattr(page, "short_bio", ""),
    ):
        text = _one_line(candidate)
        if text:
            return text
    # The intro is rich text.
    return plain_summary(getattr(page, "intro", "")) or _one_line(fallback)


@register.filter
def html_datetime(value):
    """A valid HTML date-time string for <time datetime>: local time to the second,
    with its offset. Django's "c" format keeps microseconds, which HTML refuses."""
    if not value:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return value.replace(microsecond=0).isoformat()


@register.simple_tag(takes_context=True)
def og_image(context, image):
    """A 1200×630 rendition of image for link previews, with an absolute URL."""
    rendition = rendition_or_none(image, LINK_PREVIEW_SPEC)
    if rendition is None:
        return None
    return {
        "url": _absolute(context, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "alt": rendition.alt,
    }


@register.simple_tag(takes_context=True)
def oembed_discovery_url(context):
    """The oEmbed endpoint's address for this article (blog.oembed), absolute, for
    its <link rel="alternate" type="application/json+oembed">; none in a preview."""
    request = _request(context)
    page = context.get("page")
    if request is None or page is None or getattr(request, "is_preview", False):
        return ""
    article_url = _absolute(context, page.get_url(request))
    query = urlencode({"url": article_url, "format": "json"})
    return _absolute(context, f"{reverse('oembed')}?{query}")


@register.simple_tag
def share_links(url, title, content_note=""):
    """Where a reader can share an article, WhatsApp first: it is how the community talks.

    The shared text is the title and the address; an article with a content note
    carries its note, so whoever receives the link knows before opening it.
    """
    text = f"{title} {url}"
    if content_note:
        note = _("Catatan konten: %(note)s") % {"note": content_note}
        text = f"{title} ({note}) {url}"
    return [
        {
            "network": "whatsapp",
            "label": "WhatsApp",
            "url": f"https://wa.me/?text={quote(text, safe='')}",
        },
        {
            "network": "facebook",
            "label": "Facebook",
            "url": f"https://www.facebook.com/sharer/sharer.php?u={quote(url, safe='')}",
        },
        {
            "network": "x",
            "label": "X",
            "url": (
                f"https://x.com/intent/post?text={quote(title, safe='')}"
                f"&url={quote(url, safe='')}"
            ),
        },
    ]


@register.filter
def json_ld(data):
    """A <script type="application/ld+json"> block, escaped like json_script."""
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    payload = payload.translate(_JSON_SCRIPT_ESCAPES)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(payload),  # noqa: S308 - the characters that could close the tag are escaped
    )


def _person(context, contributor):
    person = {
        "@type": "Person",
        "name": contributor.public_name,
        "url": _absolute(context, contributor.get_url(_request(context))),
    }
    return person


def _site_root(context):
    return _absolute(context, "/")


def _publisher(context):
    return {"@type": "Organization", "name": PUBLISHER_NAME, "url": _site_root(context)}


@register.simple_tag(takes_context=True)
def article_structured_data(context, page, credits=None, image=None, index_page=None):
    """Article and BreadcrumbList for an article, as one JSON-LD block.

    Writers are the authors; everyone else credited (illustrator, translator…) is a
    contributor, the way schema.org separates them.
    """
    request = _request(context)
    if credits is None:
        credits = list(page.credits.all())
    authors = [_person(context, c.contributor) for c in credits if c.role == "writer"]
    others = [_person(context, c.contributor) for c in credits if c.role != "writer"]
    url = _absolute(context, page.get_url(request))

    article = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title[:110],
        "description": meta_description(page),
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "id",
        "author": authors,
        "publisher": _publisher(context),
    }
    if others:
        article["contributor"] = others
    article["image"] = [
        image["url"] if image else _absolute(context, static(DEFAULT_SHARE_IMAGE))
    ]
    if page.first_published_at:
        article["datePublished"] = html_datetime(page.first_published_at)
    modified = page.last_published_at or page.first_published_at
    if modified:
        article["dateModified"] = html_datetime(modified)
    category = getattr(page, "category", None)
    if category:
        article["articleSection"] = category.name
    if getattr(page, "content_note", ""):
        # schema.org's CreativeWork.contentRating ("an official rating of a piece
        # of content", Text or Rating) is its one property for advice about what a
        # work contains; the description says it in words as well.
        article["contentRating"] = _("Catatan konten: %(note)s") % {
            "note": page.content_note
        }

    crumbs = [(_("Beranda"), _site_root(context))]
    if index_page is not None:
        crumbs.append(
            (index_page.title, _absolute(context, index_page.get_url(request)))
        )
        if category:
            crumbs.append(
                (
                    category.name,
                    _absolute(
                        context,
                        index_page.get_url(request)
                        + index_page.reverse_subpage(
                            "by_category", args=[category.slug]
                        ),
                    ),
                )
            )
    crumbs.append((page.title, url))
    breadcrumbs = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": item}
            for position, (name, item) in enumerate(crumbs, start=1)
        ],
    }
    return json_ld([article, breadcrumbs])


@register.simple_tag(takes_context=True)
def contributor_structured_data(context, contributor):
    """A ProfilePage about the contributor, with only what she shows in public."""
    person = _person(context, contributor)
    photo = contributor.public_photo
    rendition = rendition_or_none(photo, "fill-400x400|format-jpeg")
    if rendition is not None:
        person["image"] = _absolute(context, rendition.url)
    if contributor.short_bio:
        person["description"] = contributor.short_bio
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "ProfilePage",
            "inLanguage": "id",
            "mainEntity": person,
        }
    )


@register.simple_tag(takes_context=True)
def website_structured_data(context):
    """WebSite with the site search, for the home page."""
    root = _site_root(context)
    return json_ld(
        {
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": PUBLISHER_NAME,
            "url": root,
            "inLanguage": "id",
            "potentialAction": {
                "@type": "SearchAction",
                "target": _absolute(context, reverse("search"))
                + "?q={search_term_string}",
                "query-input": "required name=search_term_string",
            },
        }
    )


@register.simple_tag
def page_numbers(page_obj):
    """Page numbers around the current one, with None where a run is left out."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=1, on_ends=1
        )
    ]


@register.filter
def joined_names(people):
    """Their public names in a sentence: "A, B dan C"."""
    return join_names(person.public_name for person in people)


@register.simple_tag(takes_context=True)
def linked_names(context, people):
    """Their public names in a sentence, each a link to her page."""
    request = _request(context)
    return join_names(
        format_html('<a href="{}">{}</a>', person.get_url(request), person.public_name)
        for person in people
    )


@register.simple_tag
def credits_by_role(credits):
    """[(role label, [contributors])] in the Role order: writers, then illustrators…"""
    from blog.models import ArticleCredit

    grouped = {}
    for credit in credits:
        grouped.setdefault(credit.role, []).append(credit.contributor)
    return [
        (label, grouped[value])
        for value, label in ArticleCredit.Role.choices
        if value in grouped
    ]


@register.simple_tag(takes_context=True)
def search_suggestions(context, count=3):
    """Where to go when a search finds nothing: the topics and the newest articles.

    Used only on the empty result page, so ordinary searches pay nothing for it.
    """
    from blog.models import Category, public_articles

    request = _request(context)
    categories = list(Category.objects.with_live_articles(request))
    latest = list(public_articles(request).newest_first().with_card_data()[:count])
    return {"categories": categories, "latest_articles": latest}


# --- Video embeds: a click-to-load facade ----------------------------------------

_IFRAME_SRC = re.compile(r"""<iframe\b[^>]*?\ssrc=["']([^"']+)["']""", re.IGNORECASE)
_YOUTUBE_HOSTS = {"www.youtube.com", "youtube.com", "www.youtube-nocookie.com"}
_YOUTUBE_ID = re.compile(r"^/embed/([\w-]{6,20})$")
_VIMEO_ID = re.compile(r"^/video/(\d+)$")


def _with_query(base, query, **extra):
    params = dict(parse_qsl(query))
    params.update(extra)
    return f"{base}?{urlencode(params)}"


def _privacy_enhanced_player(src):
    """The player URL on the video site's privacy-enhanced domain, autoplaying (the
    reader has just tapped play), or "" for a player we do not know."""
    parts = urlsplit(src if not src.startswith("//") else "https:" + src)
    host = parts.netloc.lower()
    if host in _YOUTUBE_HOSTS and (match := _YOUTUBE_ID.match(parts.path)):
        return _with_query(
            f"https://www.youtube-nocookie.com/embed/{match.group(1)}",
            parts.query,
            autoplay="1",
        )
    if host == "player.vimeo.com" and (match := _VIMEO_ID.match(parts.path)):
        return _with_query(
            f"https://player.vimeo.com/video/{match.group(1)}",
            parts.query,
            dnt="1",
            autoplay="1",
        )
    return ""


@register.simple_tag
def video_facade(embed):
    """What the click-to-load placeholder of an embedded video needs, or None when
    the embed is not a video player we know (it is then shown as Wagtail gives it).

    The page names the player only in a data attribute: nothing is fetched from the
    video site, not even a thumbnail, until the reader taps (static/js/serambi.js).
    """
    match = _IFRAME_SRC.search(getattr(embed, "html", "") or "")
    player = _privacy_enhanced_player(match.group(1)) if match else ""
    if not player:
        return None
    host = urlsplit(player).netloc
    return {
        "player": player,
        "url": embed.url,
        "title": embed.title or _("Video"),
        "provider": embed.provider_name
        or ("YouTube" if "youtube" in host else "Vimeo"),
    }
