"""oEmbed (https://oembed.com/) for articles: a link pasted into another Wagtail or
WordPress site, or a chat app that reads oEmbed, gets a card with the title, the
writers' public names and the illustration.

GET /oembed/?url=<article address>[&maxwidth=N][&maxheight=N][&format=json]

- a "link" response (the article is read on Serambi, not framed elsewhere);
- 404 for any address that is not a live article everyone may read: unknown, another
  site's, a draft, or one behind a password or a log-in; the same privacy as the
  article's own page;
- 501 for a format other than JSON (the spec's answer for XML, which we do not offer);
- 400 for a missing address or a size that is not a positive number.

The thumbnail comes from a few fixed sizes, the largest within maxwidth/maxheight,
so no request can make the server draw an image of a size of its choosing.
"""

from urllib.parse import unquote, urlsplit

from django.http import Http404, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Site

from contributors.names import join_names
from images.renditions import rendition_or_none

from .models import ArticlePage, public_articles

# (width, height) at the 1200×630 of link previews, largest first.
THUMBNAIL_SIZES = [(1200, 630), (640, 336), (320, 168)]
CACHE_AGE = 3600


def _bad_request(message):
    return HttpResponse(message, status=400, content_type="text/plain; charset=utf-8")


def _size(value):
    """A positive integer from a query parameter, None if absent; ValueError else."""
    if value in (None, ""):
        return None
    number = int(value)
    if number <= 0:
        raise ValueError(value)
    return number


def find_article(request, url):
    """The live, public article at `url` on this site, or Http404."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise Http404
    if parts.netloc.lower() != request.get_host().lower():
        raise Http404
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    components = [part for part in unquote(parts.path).split("/") if part]
    page = site.root_page.specific.route(request, components).page
    if not isinstance(page, ArticlePage):
        raise Http404
    article = (
        public_articles(request).select_related("hero_image").filter(pk=page.pk).first()
    )
    if article is None:
        raise Http404
    return article


def thumbnail(image, maxwidth, maxheight):
    for width, height in THUMBNAIL_SIZES:
        if (maxwidth is None or width <= maxwidth) and (
            maxheight is None or height <= maxheight
        ):
            rendition = rendition_or_none(image, f"fill-{width}x{height}|format-jpeg")
            return rendition
    return None


@require_GET
def oembed(request):
    response_format = request.GET.get("format", "json").lower()
    if response_format != "json":
        return HttpResponse(
            _("Hanya format JSON yang tersedia."),
            status=501,
            content_type="text/plain; charset=utf-8",
        )
    url = request.GET.get("url", "").strip()
    if not url:
        return _bad_request(_("Parameter url wajib diisi dengan alamat artikel."))
    try:
        maxwidth = _size(request.GET.get("maxwidth"))
        maxheight = _size(request.GET.get("maxheight"))
    except ValueError:
        return _bad_request(_("maxwidth dan maxheight harus bilangan bulat positif."))

    article = find_article(request, url)
    writers = [
        credit.contributor
        for credit in article.credits.select_related("contributor")
        if credit.role == credit.Role.WRITER
    ]
    data = {
        "version": "1.0",
        "type": "link",
        "title": article.title,
        "provider_name": "Serambi",
        "provider_url": request.build_absolute_uri("/"),
        "cache_age": CACHE_AGE,
    }
    if writers:
        data["author_name"] = join_names(writer.public_name for writer in writers)
        data["author_url"] = request.build_absolute_uri(writers[0].get_url(request))
    rendition = thumbnail(article.hero_image, maxwidth, maxheight)
    if rendition is not None:
        data["thumbnail_url"] = request.build_absolute_uri(rendition.url)
        data["thumbnail_width"] = rendition.width
        data["thumbnail_height"] = rendition.height
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = f"public, max-age={CACHE_AGE // 12}"
    return response
