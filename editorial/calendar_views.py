"""The calendar page in the admin, the reset of an editor's feed, and the feed itself."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin import messages

from . import calendar
from .models import CalendarFeed
from .permissions import is_editor


def calendar_view(request):
    today = timezone.localdate()
    parsed = calendar.parse_month(request.GET.get("month", ""), today)
    if parsed is None:
        return TemplateResponse(
            request,
            "editorial/calendar/bad_month.html",
            {
                "header_title": _("Kalender"),
                "page_title": _("Kalender"),
                "header_icon": "date",
                "value": request.GET.get("month", "")[:20],
                "calendar_url": reverse("editorial_calendar"),
            },
            status=400,
        )
    year, month = parsed
    by_day = calendar.month_entries(request.user, year, month)
    context = {
        "header_title": _("Kalender"),
        "page_title": _("Kalender redaksi"),
        "header_icon": "date",
        "month_start": date(year, month, 1),
        "weeks": calendar.month_grid(by_day, year, month, today),
        "days": sorted(by_day.items()),
        "previous_month": calendar.month_param(*calendar.shift_month(year, month, -1)),
        "next_month": calendar.month_param(*calendar.shift_month(year, month, 1)),
        "this_month": calendar.month_param(today.year, today.month),
        "kinds": calendar.Kind.LABELS,
        "is_editor": is_editor(request.user),
    }
    if context["is_editor"]:
        feed, _created = CalendarFeed.objects.get_or_create(user=request.user)
        context["feed_url"] = request.build_absolute_uri(
            reverse("editorial_calendar_feed", args=[feed.token])
        )
    return TemplateResponse(request, "editorial/calendar/month.html", context)


@require_POST
def reset_feed(request):
    """A new secret address; the old one answers 404 from now on."""
    if not is_editor(request.user):
        raise PermissionDenied
    feed, created = CalendarFeed.objects.get_or_create(user=request.user)
    if not created:
        feed.reset()
    messages.success(
        request,
        _("Alamat kalender diganti. Alamat lama tidak berlaku lagi."),
    )
    return redirect("editorial_calendar")


@require_GET
@never_cache
def calendar_feed(request, token):
    """GET /kalender/<token>.ics: an editor's scheduled publications, outside the
    admin login (phones fetch it with no session)."""
    feed = CalendarFeed.for_token(token)
    if feed is None or not is_editor(feed.user):
        raise Http404
    body = calendar.ical_feed(calendar.scheduled_publications(), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="serambi.ics"'
    return response
