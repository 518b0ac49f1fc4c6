"""Reads without tracking: a beacon counts a visit, a day's count is one row.

The public article page is served from the page cache, so it carries nothing per
reader: only the beacon's address (`data-read-beacon`). static/js/serambi.js posts to
it once per article per tab session, after the page has been visible for a while.
The beacon stores no cookie, IP address or user agent; the user agent is read only to
leave bots out, and logged-in people with admin access are left out as well.

A script cannot inflate the counts (`ReadLimits`): each client address may send
READ_BEACON_LIMIT_PER_MINUTE beacons a minute (429 after that), and one reader (an
address and a browser) counts once per article per day. Both live in the cache under
a keyed hash of the address, for a day at most; a cache that does not answer lets
reads through uncounted-for (failing open).
"""

import logging
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import (
    Case,
    DateField,
    Exists,
    F,
    OuterRef,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Length, Substr
from django.http import HttpResponse, HttpResponseNotFound
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from wagtail.models import PageViewRestriction

from .models import ArticlePage, ArticleReadDay

logger = logging.getLogger(__name__)

SERIES_DAYS = 30

# Crawlers, link previewers, monitors and command-line clients. Browsers that send
# no user agent at all are left out too: people's browsers always send one.
BOT_PATTERN = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|scan|monitor|check|archive|"
    r"facebookexternalhit|whatsapp|telegram|headless|lighthouse|python|curl|wget|"
    r"httpclient|okhttp|java/|go-http|node-fetch|axios|libwww|scrapy",
    re.IGNORECASE,
)


def is_bot(user_agent):
    return not user_agent or BOT_PATTERN.search(user_agent) is not None


def counted_articles():
    """Live articles outside any private section, in one SQL statement.

    PageQuerySet.public() first reads every view restriction in a query of its own;
    this asks the same question inside the statement (a restriction on the article
    or on any of its ancestors, whose path is a prefix of the article's path).
    """
    restricted = PageViewRestriction.objects.annotate(
        prefix=Substr(OuterRef("path"), 1, Length("page__path"))
    ).filter(page__path=F("prefix"))
    return ArticlePage.objects.filter(live=True).exclude(Exists(restricted))


def count_read(article_id, day=None):
    """Add one read to the article's row for `day`: one INSERT … ON CONFLICT.

    The row is inserted from a SELECT of the article among counted articles, so an
    unknown, draft or private article inserts nothing. Returns whether it counted.
    """
    day = day or timezone.localdate()
    source = (
        counted_articles()
        .filter(pk=article_id)
        .annotate(read_day=Value(day, output_field=DateField()), one=Value(1))
        .order_by()
        .values_list("pk", "read_day", "one")
    )
    select_sql, params = source.query.sql_with_params()
    table = connection.ops.quote_name(ArticleReadDay._meta.db_table)
    # The SELECT always has a WHERE clause, which SQLite needs to read ON CONFLICT
    # as the upsert rather than as a join constraint.
    sql = (
        f"INSERT INTO {table} (article_id, day, count) {select_sql} "
        f"ON CONFLICT (article_id, day) DO UPDATE SET count = {table}.count + 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount > 0


def client_address(request):
    """The reader's address as the site's proxy settings name it (CLIENT_IP_CALLABLE,
    the project's; REMOTE_ADDR without one)."""
    name = getattr(settings, "CLIENT_IP_CALLABLE", "")
    if name:
        return import_string(name)(request)
    return request.META.get("REMOTE_ADDR", "")


class ReadLimits:
    """Per-address rate and once-per-reader-per-day, in the cache, failing open."""

    def __init__(self, request):
        self.address = client_address(request)
        self.reader = f"{self.address}\x1f{request.headers.get('User-Agent', '')}"

    @staticmethod
    def key(kind, *parts):
        # Keyed with SECRET_KEY: the cache never holds an address a reader could be
        # found by.
        digest = salted_hmac("serambi.reads", "\x1f".join(map(str, parts))).hexdigest()
        return f"serambi:reads:{kind}:{digest}"

    def over_rate(self):
        limit = getattr(settings, "READ_BEACON_LIMIT_PER_MINUTE", 30)
        if not limit:
            return False
        minute = int(timezone.now().timestamp() // 60)
        key = self.key("rate", self.address, minute)
        try:
            if cache.add(key, 1, 61):
                return False
            return (cache.incr(key) or 0) > limit
        except Exception:
            logger.warning("Read limits: cache unavailable", exc_info=True)
            return False

    def first_today(self, article_id):
        """False when this reader's read of the article already counted today."""
        key = self.key("seen", self.reader, article_id, timezone.localdate())
        try:
            return cache.add(key, 1, 24 * 60 * 60) is not False
        except Exception:
            logger.warning("Read limits: cache unavailable", exc_info=True)
            return True


def has_admin_access(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


@csrf_exempt
@require_POST
@never_cache
def read_beacon(request, article_id):
    """POST /baca/<id>/ from the article page: 204, or 404 for what is not counted."""
    # Only a logged-in person's request carries a session cookie; a reader's asks
    # nothing of the session store.
    if is_bot(request.headers.get("User-Agent", "")) or has_admin_access(request.user):
        return HttpResponse(status=204)
    limits = ReadLimits(request)
    if limits.over_rate():
        return HttpResponse(b"", status=429, content_type="text/plain")
    if not limits.first_today(article_id):
        return HttpResponse(status=204)
    if not count_read(article_id):
        # A bare 404: a script posting made-up ids costs no rendered error page.
        return HttpResponseNotFound(b"", content_type="text/plain")
    return HttpResponse(status=204)


@dataclass
class ReadsSummary:
    total: int = 0
    last_30: int = 0
    # Reads per day, oldest first, the last SERIES_DAYS days up to today.
    series: list[int] = field(default_factory=lambda: [0] * SERIES_DAYS)

    WIDTH = 90
    HEIGHT = 20

    @property
    def sparkline_points(self):
        """The series as SVG polyline points, scaled to WIDTH × HEIGHT."""
        top = max(self.series) or 1
        step = self.WIDTH / (len(self.series) - 1)
        return " ".join(
            f"{index * step:.1f},{self.HEIGHT - 1 - value / top * (self.HEIGHT - 2):.1f}"
            for index, value in enumerate(self.series)
        )


def reads_for(article_ids, today=None):
    """{article id: ReadsSummary} for the given articles, in one query.

    Rows are summed per article and per day of the last SERIES_DAYS days; older days
    fall together into one group per article, so the rows read stay bounded.
    """
    article_ids = list(article_ids)
    summaries = {pk: ReadsSummary() for pk in article_ids}
    if not article_ids:
        return summaries
    today = today or timezone.localdate()
    first = today - timedelta(days=SERIES_DAYS - 1)
    rows = (
        ArticleReadDay.objects.filter(article_id__in=article_ids)
        .annotate(
            recent_day=Case(
                When(day__gte=first, day__lte=today, then=F("day")),
                default=None,
                output_field=DateField(),
            )
        )
        .values("article_id", "recent_day")
        .annotate(reads=Sum("count"))
        .order_by()
    )
    for row in rows:
        summary = summaries[row["article_id"]]
        summary.total += row["reads"]
        if row["recent_day"] is not None:
            summary.last_30 += row["reads"]
            summary.series[(row["recent_day"] - first).days] += row["reads"]
    return summaries
