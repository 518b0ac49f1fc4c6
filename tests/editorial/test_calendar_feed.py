"""An editor's private iCal feed: a secret address, reset by POST, titles only."""

from datetime import UTC, datetime, timedelta

from django.urls import reverse
from django.utils import timezone

import pytest

from demo.factories import ArticlePageFactory
from editorial.calendar import ical_feed, ical_fold, ical_text
from editorial.models import CalendarFeed

from .conftest import draft_by


def feed_path(feed):
    return reverse("editorial_calendar_feed", args=[feed.token])


def unfold(body):
    return body.replace("\r\n ", "")


@pytest.fixture
def scheduled(alya, eka, blog_index):
    page = draft_by(alya, blog_index, title="Terbit; nanti, ya", slug="nanti")
    page.go_live_at = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    page.save_revision(user=eka).publish(user=eka)
    return page


def test_the_calendar_shows_the_editors_feed_address(client, eka):
    client.force_login(eka)
    html = client.get(reverse("editorial_calendar")).content.decode()
    feed = CalendarFeed.objects.get(user=eka)
    assert f'value="http://testserver{feed_path(feed)}"' in html
    assert reverse("editorial_calendar_feed_reset") in html


def test_the_feed_lists_scheduled_publications_without_a_login(
    client, eka, alya, blog_index, scheduled
):
    published = draft_by(alya, blog_index, title="Sudah tayang", slug="tayang")
    published.get_latest_revision().publish(user=eka)
    draft_by(alya, blog_index, title="Masih draf rahasia", slug="draf")
    feed = CalendarFeed.objects.create(user=eka)

    response = client.get(feed_path(feed))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert "no-store" in response["Cache-Control"]
    assert response.cookies == {}
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert body.endswith("END:VCALENDAR\r\n")
    assert "\n" not in body.replace("\r\n", "")
    lines = unfold(body).split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1
    assert f"UID:article-{scheduled.pk}-publication@testserver" in lines
    start = scheduled.go_live_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    assert f"DTSTART:{start}" in lines
    assert "SUMMARY:Terbit: Terbit\\; nanti\\, ya" in lines
    assert "Sudah tayang" not in body
    assert "Masih draf rahasia" not in body
    assert "alya" not in body.lower()  # no owner, no names, no links


def test_the_uid_stays_when_the_time_moves(client, eka, scheduled):
    feed = CalendarFeed.objects.create(user=eka)
    first = client.get(feed_path(feed)).content.decode()
    scheduled.go_live_at += timedelta(days=1)
    scheduled.save_revision(user=eka).publish(user=eka)
    second = client.get(feed_path(feed)).content.decode()
    uid = f"UID:article-{scheduled.pk}-publication@testserver"
    assert uid in first
    assert uid in second
    assert first != second


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: token[:12],
        lambda token: "0" * 12 + token[12:],
        lambda token: "x",
    ],
)
def test_a_wrong_token_is_404(client, eka, mangle):
    feed = CalendarFeed.objects.create(user=eka)
    url = reverse("editorial_calendar_feed", args=[mangle(feed.token)])
    assert client.get(url).status_code == 404


def test_reset_makes_the_old_address_404(client, eka, scheduled):
    feed = CalendarFeed.objects.create(user=eka)
    old = feed_path(feed)
    client.force_login(eka)
    response = client.post(reverse("editorial_calendar_feed_reset"))
    assert response.status_code == 302
    assert response["Location"] == reverse("editorial_calendar")
    feed.refresh_from_db()
    client.logout()
    assert client.get(old).status_code == 404
    assert client.get(feed_path(feed)).status_code == 200


def test_reset_is_post_only_and_editors_only(client, alya, eka):
    client.force_login(eka)
    assert client.get(reverse("editorial_calendar_feed_reset")).status_code == 405
    client.force_login(alya)
    response = client.post(reverse("editorial_calendar_feed_reset"))
    # Wagtail's admin answers PermissionDenied with a redirect home and a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert not CalendarFeed.objects.filter(user=alya).exists()


def test_a_feed_stops_when_its_owner_is_no_longer_an_editor(client, eka):
    feed = CalendarFeed.objects.create(user=eka)
    eka.groups.clear()
    assert client.get(feed_path(feed)).status_code == 404
    eka.is_active = False
    eka.save()
    assert client.get(feed_path(feed)).status_code == 404


@pytest.mark.parametrize("number", [1, 20])
def test_feed_queries_do_not_grow(
    client, eka, blog_index, number, django_assert_num_queries
):
    for index in range(number):
        page = ArticlePageFactory(parent=blog_index, live=False)
        page.go_live_at = timezone.now() + timedelta(days=1, hours=index)
        page.save_revision(user=eka).publish(user=eka)
    feed = CalendarFeed.objects.create(user=eka)
    client.get(feed_path(feed))
    with django_assert_num_queries(FEED_QUERIES):
        body = client.get(feed_path(feed)).content.decode()
    assert body.count("BEGIN:VEVENT") == number


FEED_QUERIES = 3


def test_text_values_are_escaped():
    assert ical_text('a\\b;c,d\ne\r\nf "g"') == 'a\\\\b\\;c\\,d\\ne\\nf "g"'


def test_long_lines_fold_at_75_octets_without_splitting_characters():
    line = "SUMMARY:" + "Perempuan é tangguh 🌱 " * 10
    folded = ical_fold(line)
    parts = folded.split("\r\n")
    assert len(parts) > 1
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_a_feed_in_the_winter_of_utc_is_still_utc():
    class Page:
        pk = 7
        title = "Uji"

    jakarta = timezone.get_current_timezone()
    body = ical_feed(
        [(Page, datetime(2027, 1, 1, 6, 0, tzinfo=jakarta))],
        "serambi.example",
        now=datetime(2026, 12, 1, tzinfo=UTC),
    )
    assert "DTSTART:20261231T230000Z\r\n" in body
    assert "DTSTAMP:20261201T000000Z\r\n" in body
