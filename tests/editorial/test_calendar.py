"""The editorial calendar at /admin/kalender/: what each role sees, by day."""

import re
from datetime import datetime, time

from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from blog.models import ArticleCredit, ArticlePage
from demo.factories import ArticlePageFactory
from editorial.calendar import shift_month
from editorial.models import IllustrationRequest

from .conftest import draft_by, make_user


def target_month():
    today = timezone.localdate()
    return shift_month(today.year, today.month, 1)


def at(day, hour=9, minute=0):
    year, month = target_month()
    return datetime.combine(
        datetime(year, month, day).date(),
        time(hour, minute),
        tzinfo=timezone.get_current_timezone(),
    )


def month_param():
    return "{:04d}-{:02d}".format(*target_month())


def calendar_url(month=None):
    url = reverse("editorial_calendar")
    return f"{url}?month={month}" if month else url


def grid(html):
    return html[html.index("data-calendar-grid") : html.index("data-calendar-list")]


def day_list(html):
    return html[html.index("data-calendar-list") :]


def entries(part):
    """{(kind, page id)} in a part of the page."""
    return {
        (kind, int(pk))
        for kind, pk in re.findall(
            r'data-calendar-entry="(\w+)" data-page-id="(\d+)"', part
        )
    }


def cell_of(html, day):
    """The grid cell of `day` in the target month (the first with that number)."""
    grid_html = grid(html)
    cells = re.findall(
        r'<td class="(?![^"]*serambi-calendar__other)[^"]*">(.*?)</td>',
        grid_html,
        re.S,
    )
    for cell in cells:
        if re.search(rf'serambi-calendar__date">{day}<', cell):
            return cell
    raise AssertionError(f"no cell for day {day}")


@pytest.fixture
def month_of_work(alya, bunga, eka, blog_index, category):
    category.colour = "teal"
    category.save()
    scheduled = draft_by(alya, blog_index, title="Terbit nanti", slug="nanti")
    scheduled.category = category
    scheduled.go_live_at = at(10, 8, 30)
    scheduled.save_revision(user=eka).publish(user=eka)

    published = draft_by(bunga, blog_index, title="Sudah terbit", slug="terbit")
    published.get_latest_revision().publish(user=eka)
    ArticlePage.objects.filter(pk=published.pk).update(first_published_at=at(5, 7))

    in_review = draft_by(alya, blog_index, title="Mohon ditinjau", slug="tinjau")
    in_review.get_workflow().start(in_review, alya)
    WorkflowState.objects.filter(object_id=str(in_review.pk)).update(
        created_at=at(12, 14)
    )

    needs_drawing = draft_by(bunga, blog_index, title="Perlu gambar", slug="gambar")
    # Alya is credited on Bunga's article: it is hers to see too.
    ArticleCredit.objects.create(
        page=needs_drawing,
        contributor=alya.profile_page,
        role=ArticleCredit.Role.ILLUSTRATOR,
    )
    IllustrationRequest.objects.create(
        article=needs_drawing,
        brief="Seorang ibu memeluk anaknya di teras rumah.",
        deadline=at(20).date(),
        requested_by=bunga,
    )
    return {
        "scheduled": scheduled,
        "published": published,
        "in_review": in_review,
        "needs_drawing": needs_drawing,
    }


def test_an_editor_sees_every_kind_on_its_day(client, eka, month_of_work):
    client.force_login(eka)
    response = client.get(calendar_url(month_param()))
    assert response.status_code == 200
    html = response.content.decode()
    work = month_of_work
    expected = {
        ("scheduled", work["scheduled"].pk),
        ("published", work["published"].pk),
        ("in_review", work["in_review"].pk),
        ("illustration", work["needs_drawing"].pk),
    }
    assert entries(grid(html)) == expected
    assert entries(day_list(html)) == expected
    assert entries(cell_of(html, 10)) == {("scheduled", work["scheduled"].pk)}
    assert "08:30" in cell_of(html, 10)
    assert entries(cell_of(html, 5)) == {("published", work["published"].pk)}
    assert entries(cell_of(html, 12)) == {("in_review", work["in_review"].pk)}
    assert entries(cell_of(html, 20)) == {("illustration", work["needs_drawing"].pk)}
    edit = reverse("wagtailadmin_pages:edit", args=[work["scheduled"].pk])
    assert f'serambi-cat--teal" href="{edit}"' in html


def test_a_contributor_sees_only_her_own_and_credited(client, alya, month_of_work):
    client.force_login(alya)
    html = client.get(calendar_url(month_param())).content.decode()
    work = month_of_work
    assert entries(grid(html)) == {
        ("scheduled", work["scheduled"].pk),
        ("in_review", work["in_review"].pk),
        ("illustration", work["needs_drawing"].pk),
    }
    assert "Sudah terbit" not in html
    # No feed for contributors: it lists every scheduled article.
    assert "data-calendar-feed-url" not in html


def test_another_contributor_sees_none_of_alyas(
    client, contributor_index, month_of_work
):
    client.force_login(make_user("citra", "Contributors"))
    html = client.get(calendar_url(month_param())).content.decode()
    assert entries(html) == set()
    assert "Tidak ada tulisan di bulan ini." in html


def test_the_illustrator_who_took_it_sees_it(client, contributor_index, month_of_work):
    dewi = make_user("dewi", "Contributors")
    needs_drawing = month_of_work["needs_drawing"]
    IllustrationRequest.objects.filter(article=needs_drawing).update(
        status=IllustrationRequest.Status.TAKEN, illustrator=dewi
    )
    needs_drawing.get_workflow().start(needs_drawing, dewi)
    WorkflowState.objects.filter(object_id=str(needs_drawing.pk)).update(
        created_at=at(15, 11)
    )
    client.force_login(dewi)
    html = client.get(calendar_url(month_param())).content.decode()
    # Taken: no longer waiting for an illustration, but in review on the 15th.
    assert entries(grid(html)) == {("in_review", needs_drawing.pk)}


def test_other_months_are_empty_and_linked(client, eka, month_of_work):
    client.force_login(eka)
    year, month = target_month()
    later = "{:04d}-{:02d}".format(*shift_month(year, month, 1))
    html = client.get(calendar_url(later)).content.decode()
    assert entries(html) == set()
    assert f'href="?month={month_param()}" rel="prev"' in html
    following = "{:04d}-{:02d}".format(*shift_month(year, month, 2))
    assert f'href="?month={following}" rel="next"' in html


def test_this_month_by_default(client, eka):
    client.force_login(eka)
    response = client.get(calendar_url())
    today = timezone.localdate()
    previous = "{:04d}-{:02d}".format(*shift_month(today.year, today.month, -1))
    assert response.status_code == 200
    assert f'href="?month={previous}" rel="prev"' in response.content.decode()


@pytest.mark.parametrize(
    "value",
    [
        "2026-13",
        "2026-00",
        "26-1",
        "maret",
        "2026-03-01",
        "0000-01",
        "3000-01",
        "９９９９-01",
    ],
)
def test_a_bad_month_is_400_with_a_message(client, eka, value):
    client.force_login(eka)
    response = client.get(reverse("editorial_calendar"), {"month": value})
    assert response.status_code == 400
    assert "tidak dikenali" in response.content.decode()


def test_the_last_month_accepted_has_a_next_month(client, eka):
    client.force_login(eka)
    response = client.get(calendar_url("2999-12"))
    assert response.status_code == 200


def test_the_menu_has_kalender(client, alya):
    client.force_login(alya)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("editorial_calendar") in html
    assert "Kalender" in html


def test_anonymous_is_sent_to_login(client, db):
    response = client.get(calendar_url())
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_drafts_without_a_date_are_not_on_the_calendar(client, alya, eka, blog_index):
    draft_by(alya, blog_index, title="Baru draf", slug="draf")
    client.force_login(eka)
    assert "Baru draf" not in client.get(calendar_url()).content.decode()


@pytest.mark.parametrize("number", [1, 20])
def test_queries_do_not_grow_with_articles(
    client, eka, blog_index, category, number, django_assert_num_queries
):
    for index in range(number):
        page = ArticlePageFactory(parent=blog_index, category=category)
        ArticlePage.objects.filter(pk=page.pk).update(
            first_published_at=at(1 + index % 28, 10)
        )
        page.save_revision(user=eka)
        if index % 2:
            page.get_workflow().start(page, eka)
            IllustrationRequest.objects.create(
                article=page, brief="Gambar dapur yang hangat.", deadline=at(3).date()
            )
    client.force_login(eka)
    client.get(calendar_url(month_param()))  # the feed row is made on the first visit
    with django_assert_num_queries(QUERIES):
        response = client.get(calendar_url(month_param()))
    assert response.status_code == 200
    assert response.content.decode().count('data-calendar-entry="published"') == (
        2 * number
    )


QUERIES = 14
