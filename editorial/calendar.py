"""The editorial calendar: what happens to which article on which day, and its iCal feed.

Four kinds of entries, each by the day it falls on in the site's time zone:
scheduled (go-live time of the scheduled revision), published (first publication),
in review (the day the running workflow was submitted) and waiting for an
illustration (an open request, by its deadline, else the day it was asked for).
All of a month's articles come in one query, whatever their number.
"""

import calendar as pycalendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from django.conf import settings
from django.db.models import CharField, Exists, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import Revision, WorkflowState

from blog.models import ArticleCredit, ArticlePage

from .dashboards import State, page_content_type
from .models import IllustrationRequest
from .permissions import is_editor

MONTH = re.compile(r"^(\d{4})-(\d{2})$", re.ASCII)
# Far enough either way for an editorial calendar, and a next month that exists.
YEARS = range(1900, 3000)


class Kind:
    # The dashboards' states where they mean the same, and the request's own label.
    SCHEDULED = State.SCHEDULED
    PUBLISHED = State.PUBLISHED
    IN_REVIEW = State.IN_REVIEW
    ILLUSTRATION = "illustration"

    LABELS = {
        **{kind: State.LABELS[kind] for kind in (SCHEDULED, PUBLISHED, IN_REVIEW)},
        ILLUSTRATION: IllustrationRequest.Status.OPEN.label,
    }


def parse_month(value, today):
    """(year, month) from `YYYY-MM`, today's month when empty; None when malformed."""
    if not value:
        return today.year, today.month
    match = MONTH.match(value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not (1 <= month <= 12 and year in YEARS):
        return None
    return year, month


def shift_month(year, month, delta):
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_param(year, month):
    return f"{year:04d}-{month:02d}"


@dataclass
class Entry:
    page: ArticlePage
    kind: str
    day: date
    at: datetime | None = None

    @property
    def label(self):
        return Kind.LABELS[self.kind]


@dataclass
class Day:
    day: date
    entries: list
    in_month: bool
    is_today: bool


def visible_articles(user):
    """Articles whose calendar entries `user` may see: editors all, others their own
    (owned, credited through their contributor profile, or taken to illustrate)."""
    articles = ArticlePage.objects.filter(trash_entry__isnull=True)
    if is_editor(user):
        return articles
    credited = ArticleCredit.objects.filter(
        page=OuterRef("pk"), contributor__user=user.pk
    )
    return articles.filter(
        Q(owner=user.pk)
        | Exists(credited)
        | Q(illustration_request__illustrator=user.pk)
    )


def _page_id_as_text():
    # Revisions and workflow states point at their object by a text id.
    return Cast(OuterRef("pk"), output_field=CharField(max_length=255))


def scheduled_at_subquery():
    return Subquery(
        Revision.objects.filter(
            base_content_type=page_content_type(),
            object_id=_page_id_as_text(),
            approved_go_live_at__isnull=False,
        )
        .order_by("-approved_go_live_at")
        .values("approved_go_live_at")[:1]
    )


def month_entries(user, year, month):
    """{day: [Entry, …]} for the month, each day's entries in time order."""
    tz = timezone.get_current_timezone()
    first = date(year, month, 1)
    next_year, next_month = shift_month(year, month, 1)
    after = date(next_year, next_month, 1)
    start = datetime.combine(first, time.min, tzinfo=tz)
    end = datetime.combine(after, time.min, tzinfo=tz)

    review_since = Subquery(
        WorkflowState.objects.filter(
            base_content_type=page_content_type(),
            object_id=_page_id_as_text(),
            status=WorkflowState.STATUS_IN_PROGRESS,
        ).values("created_at")[:1]
    )
    open_request = Q(illustration_request__status=IllustrationRequest.Status.OPEN)
    articles = (
        visible_articles(user)
        .annotate(scheduled_at=scheduled_at_subquery(), review_since=review_since)
        .filter(
            Q(first_published_at__gte=start, first_published_at__lt=end)
            | Q(scheduled_at__gte=start, scheduled_at__lt=end)
            | Q(review_since__gte=start, review_since__lt=end)
            | (
                open_request
                & (
                    Q(
                        illustration_request__deadline__gte=first,
                        illustration_request__deadline__lt=after,
                    )
                    | Q(
                        illustration_request__deadline__isnull=True,
                        illustration_request__created_at__gte=start,
                        illustration_request__created_at__lt=end,
                    )
                )
            )
        )
        .select_related("category", "illustration_request")
        .order_by("pk")
    )

    by_day = {}

    def add(page, kind, moment):
        day = (
            timezone.localtime(moment).date()
            if isinstance(moment, datetime)
            else moment
        )
        if first <= day < after:
            at = moment if isinstance(moment, datetime) else None
            by_day.setdefault(day, []).append(Entry(page, kind, day, at))

    for page in articles:
        if page.scheduled_at:
            add(page, Kind.SCHEDULED, page.scheduled_at)
        if page.first_published_at:
            add(page, Kind.PUBLISHED, page.first_published_at)
        if page.review_since:
            add(page, Kind.IN_REVIEW, page.review_since)
        request = getattr(page, "illustration_request", None)
        if request and request.status == IllustrationRequest.Status.OPEN:
            add(page, Kind.ILLUSTRATION, request.deadline or request.created_at)
    for entries in by_day.values():
        entries.sort(key=lambda entry: (entry.at is None, entry.at or 0, entry.page.pk))
    return by_day


def month_grid(by_day, year, month, today):
    """Weeks (Monday first) of Day cells covering the month."""
    weeks = pycalendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    return [
        [
            Day(
                day=day,
                entries=by_day.get(day, []),
                in_month=day.month == month,
                is_today=day == today,
            )
            for day in week
        ]
        for week in weeks
    ]


# --- iCal (RFC 5545) ---------------------------------------------------------------

ICAL_DURATION = timedelta(minutes=30)


def ical_text(value):
    """A TEXT value: backslash, semicolon, comma and newlines escaped (3.3.11)."""
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def ical_fold(line, limit=75):
    """Lines longer than 75 octets folded with CRLF + space (3.1), never inside a
    UTF-8 character."""
    encoded = line.encode()
    if len(encoded) <= limit:
        return line
    parts = []
    current = b""
    room = limit
    for char in line:
        piece = char.encode()
        if len(current) + len(piece) > room:
            parts.append(current.decode())
            current = b""
            room = limit - 1  # The leading space of a continuation line counts.
        current += piece
    parts.append(current.decode())
    return "\r\n ".join(parts)


def ical_utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def scheduled_publications():
    """(page, go-live time) of every scheduled article, in one query."""
    articles = (
        ArticlePage.objects.filter(trash_entry__isnull=True)
        .annotate(scheduled_at=scheduled_at_subquery())
        .filter(scheduled_at__isnull=False)
        .order_by("scheduled_at", "pk")
        .only("pk", "title")
    )
    return [(page, page.scheduled_at) for page in articles]


def ical_feed(publications, host, now=None):
    """A VCALENDAR with one VEVENT per scheduled publication: title and time only."""
    stamp = ical_utc(now or timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Serambi//{ical_text(host)}//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:" + ical_text(_("Serambi: jadwal terbit")),
        f"X-WR-TIMEZONE:{settings.TIME_ZONE}",
    ]
    for page, go_live_at in publications:
        lines += [
            "BEGIN:VEVENT",
            # Stable across reschedules, so a phone moves the event, not copies it.
            f"UID:article-{page.pk}-publication@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{ical_utc(go_live_at)}",
            f"DTEND:{ical_utc(go_live_at + ICAL_DURATION)}",
            "SUMMARY:" + ical_text(_("Terbit: %(title)s") % {"title": page.title}),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(ical_fold(line) + "\r\n" for line in lines)
