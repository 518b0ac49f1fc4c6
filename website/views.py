"""Site-wide views: search, the helplines and safe-reading pages, robots.txt and the
error pages."""

import re

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.db.models.query import prefetch_related_objects
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Page

from csp.decorators import csp_update

from blog.models import ArticleCredit, ArticlePage
from caching.fragments import allows_fragments
from contributors.models import ContributorPage
from contributors.pagination import get_page
from contributors.visibility import private_q
from website.search_limits import (
    SLOW_RETRY_SECONDS,
    SearchTooSlow,
    limited_and_cached,
    time_limit,
)

WORD = re.compile(r"\w+")

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 12


def _printable(raw):
    # Bounded before the work, so a megabyte query costs no more than a short one.
    printable = "".join(ch for ch in raw[: MAX_QUERY_LENGTH * 4] if ch.isprintable())
    return " ".join(printable.split())


def clean_query(raw):
    """What the reader typed, as the page shows it back: printable, bounded in length."""
    return _printable(raw)[:MAX_QUERY_LENGTH]


def was_shortened(raw):
    return len(_printable(raw)) > MAX_QUERY_LENGTH


def request_query(request):
    return clean_query(request.GET.get("q", ""))


def search_terms(query):
    """Plain words only. Quotes, brackets and operators mean something to SQLite's FTS5
    and to PostgreSQL's tsquery; a reader's stray one must not become a syntax error."""
    return " ".join(WORD.findall(query)[:MAX_QUERY_TERMS])


def searchable_pages(request=None):
    """Live, public articles and contributor pages: what a reader may find."""
    return (
        Page.objects.live()
        .exclude(private_q())
        .type(ArticlePage, ContributorPage)
        .defer_streamfields()
        .specific()
    )


def attach_result_data(results):
    """Card data for a page of mixed results: a fixed number of queries per type."""
    articles = [page for page in results if isinstance(page, ArticlePage)]
    contributors = [page for page in results if isinstance(page, ContributorPage)]
    prefetch_related_objects(
        articles,
        Prefetch(
            "credits", queryset=ArticleCredit.objects.select_related("contributor")
        ),
        "category",
        "hero_image__renditions",
    )
    prefetch_related_objects(contributors, "photo__renditions")


@require_GET
@allows_fragments
@limited_and_cached(request_query)
def search(request):
    query = request_query(request)
    terms = search_terms(query)
    context = {
        "query": query,
        "query_shortened": was_shortened(request.GET.get("q", "")),
        "max_query_length": MAX_QUERY_LENGTH,
    }
    try:
        # The full-text query, its count and the cards' data: stopped by the
        # database at SEARCH_TIME_LIMIT_SECONDS (website.search_limits).
        with time_limit():
            results = (
                searchable_pages(request).search(terms)
                if terms
                else Page.objects.none()
            )
            page = get_page(
                Paginator(results, SEARCH_RESULTS_PER_PAGE), request.GET.get("page")
            )
            page.object_list = list(page.object_list)
            attach_result_data(page.object_list)
    except SearchTooSlow:
        # 503: a try-again-later answer that no cache keeps; the page is whole.
        response = render(
            request,
            "website/search.html",
            {
                **context,
                "too_slow": True,
                "retry_after": SLOW_RETRY_SECONDS,
                "results": None,
                "result_count": 0,
            },
            status=503,
        )
        response["Retry-After"] = str(SLOW_RETRY_SECONDS)
        response["Cache-Control"] = "no-store"
        return response
    count = page.paginator.count if terms else 0
    ranked = getattr(results, "ranked_matches", 0)
    return render(
        request,
        "website/search.html",
        {
            **context,
            "results": page,
            "result_count": count,
            # A word in very many articles: only the newest are ranked (and every
            # one with it in the title); the page says so.
            "ranked_matches": ranked if ranked and count >= ranked else 0,
        },
    )


@require_GET
def helplines(request):
    """/bantuan/: the helplines an editor keeps in the site settings.

    A TemplateResponse, so the page cache (caching.pages, wired in urls.py) stores
    it once rendered, as it stores the pages Wagtail serves.
    """
    return TemplateResponse(request, "website/helplines.html", {"quick_exit": True})


@require_GET
def safe_reading(request):
    """/baca-aman/: how to read Serambi safely on a phone someone else can pick up.
    Cached like /bantuan/."""
    return TemplateResponse(request, "website/safe_reading.html", {"quick_exit": True})


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /_util/",
        f"Disallow: {reverse('search')}",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


# The error page carries its styles inline (it may not reach static files); it holds no
# user input, so inline styles are safe there, and scripts stay 'self' only.
@csp_update({"style-src": ["'unsafe-inline'"]})
def server_error(request):
    # Rendered without a request context: whatever broke may be in a context processor.
    return HttpResponseServerError(loader.get_template("500.html").render())
