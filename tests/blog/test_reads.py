"""Reads without tracking: the beacon, the per-day rows, and who sees the counts."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

import pytest

from blog.models import ArticleReadDay
from blog.reads import SERIES_DAYS, reads_for
from demo.factories import ArticlePageFactory, ContributorPageFactory

PHONE = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36"
)


def make_user(username, group):
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@contoh.id", password="kata-sandi-uji"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def article(blog_index):
    return ArticlePageFactory(parent=blog_index, title="Menabung sedikit demi sedikit")


def beacon(client, page, user_agent=PHONE, method="post", address="127.0.0.1"):
    url = reverse("read_beacon", args=[page.pk])
    return getattr(client, method)(url, HTTP_USER_AGENT=user_agent, REMOTE_ADDR=address)


def counts(page):
    return list(
        ArticleReadDay.objects.filter(article=page).values_list("count", flat=True)
    )


def test_a_read_is_counted_in_todays_row(client, article):
    assert beacon(client, article).status_code == 204
    assert beacon(client, article, address="10.1.2.3").status_code == 204
    row = ArticleReadDay.objects.get()
    assert (row.article_id, row.day, row.count) == (
        article.pk,
        timezone.localdate(),
        2,
    )


def test_counting_is_one_statement(client, article):
    beacon(client, article)  # the row exists: the next read updates it
    with CaptureQueriesContext(connection) as queries:
        response = beacon(client, article, address="10.1.2.3")
    assert response.status_code == 204
    assert len(queries) == 1
    assert queries[0]["sql"].startswith("INSERT INTO")
    assert "ON CONFLICT" in queries[0]["sql"]
    assert counts(article) == [2]


def test_the_first_read_of_a_day_is_the_same_one_statement(
    client, article, django_assert_num_queries
):
    with django_assert_num_queries(1):
        assert beacon(client, article).status_code == 204
    assert counts(article) == [1]


def test_the_beacon_sets_no_cookie_and_is_not_cached(client, article):
    response = beacon(client, article)
    assert response.cookies == {}
    assert "Set-Cookie" not in response.headers
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "WhatsApp/2.23.20.0",
        "curl/8.4.0",
        "python-requests/2.31",
        "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/120.0",
        "",
    ],
)
def test_bots_are_not_counted(client, article, user_agent, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert beacon(client, article, user_agent=user_agent).status_code == 204
    assert counts(article) == []


@pytest.mark.parametrize("group", ["Editors", "Contributors"])
def test_logged_in_people_with_admin_access_are_not_counted(client, article, group):
    client.force_login(make_user("orang", group))
    assert beacon(client, article).status_code == 204
    assert counts(article) == []


def test_get_is_refused(client, article):
    assert beacon(client, article, method="get").status_code == 405
    assert counts(article) == []


def test_an_unknown_article_is_404(client, article):
    response = client.post(
        reverse("read_beacon", args=[article.pk + 1000]), HTTP_USER_AGENT=PHONE
    )
    assert response.status_code == 404
    assert ArticleReadDay.objects.count() == 0


def test_a_draft_is_not_counted(client, blog_index):
    draft = ArticlePageFactory(parent=blog_index, live=False)
    assert beacon(client, draft).status_code == 404
    assert counts(draft) == []


def test_an_article_in_a_private_section_is_not_counted(client, article, blog_index):
    PageViewRestriction.objects.create(
        page=blog_index, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert beacon(client, article).status_code == 404
    assert counts(article) == []


def test_a_non_article_page_is_not_counted(client, home_page):
    response = client.post(
        reverse("read_beacon", args=[home_page.pk]), HTTP_USER_AGENT=PHONE
    )
    assert response.status_code == 404


def test_the_public_page_carries_the_beacon_and_no_count(client, article):
    ArticleReadDay.objects.create(article=article, day=timezone.localdate(), count=77)
    response = client.get(article.url, HTTP_USER_AGENT=PHONE)
    html = response.content.decode()
    assert f'data-read-beacon="{reverse("read_beacon", args=[article.pk])}"' in html
    assert "77" not in html
    assert "dibaca" not in html
    # sendBeacon is a connection to our own origin, which the public policy allows.
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "connect-src" not in policy or "connect-src 'self'" in policy


def test_reads_for_sums_days_in_one_query(
    article, blog_index, django_assert_num_queries
):
    today = timezone.localdate()
    other = ArticlePageFactory(parent=blog_index)
    ArticleReadDay.objects.bulk_create(
        [
            ArticleReadDay(article=article, day=today, count=3),
            ArticleReadDay(article=article, day=today - timedelta(days=1), count=2),
            ArticleReadDay(article=article, day=today - timedelta(days=29), count=4),
            ArticleReadDay(article=article, day=today - timedelta(days=30), count=10),
            ArticleReadDay(article=article, day=today - timedelta(days=400), count=5),
            ArticleReadDay(article=other, day=today, count=1),
        ]
    )
    with django_assert_num_queries(1):
        reads = reads_for([article.pk, other.pk], today=today)
    summary = reads[article.pk]
    assert (summary.total, summary.last_30) == (24, 9)
    assert len(summary.series) == SERIES_DAYS
    assert summary.series[0] == 4
    assert summary.series[-2:] == [2, 3]
    assert sum(summary.series) == 9
    assert (reads[other.pk].total, reads[other.pk].last_30) == (1, 1)


@pytest.mark.parametrize("number", [1, 20])
def test_reads_for_is_one_query_however_many_articles(
    blog_index, number, django_assert_num_queries
):
    pages = [ArticlePageFactory(parent=blog_index) for _ in range(number)]
    ArticleReadDay.objects.bulk_create(
        ArticleReadDay(article=page, day=timezone.localdate(), count=2)
        for page in pages
    )
    with django_assert_num_queries(1):
        reads = reads_for(page.pk for page in pages)
    assert [reads[page.pk].total for page in pages] == [2] * number


def test_a_sparkline_stays_inside_its_box():
    from blog.reads import ReadsSummary

    summary = ReadsSummary(total=5, last_30=5, series=[0] * 29 + [5])
    points = [tuple(map(float, p.split(","))) for p in summary.sparkline_points.split()]
    assert len(points) == SERIES_DAYS
    assert points[0] == (0.0, summary.HEIGHT - 1)
    assert points[-1] == (float(summary.WIDTH), 1.0)


# --- Who sees the counts ---------------------------------------------------------


@pytest.fixture
def writer_with_reads(contributor_index, blog_index):
    user = make_user("sari", "Contributors")
    profile = ContributorPageFactory(
        parent=contributor_index, title="Sari Utami", slug="sari", user=user
    )
    page = ArticlePageFactory(
        parent=blog_index, owner=user, writer=profile, title="Ketika anak bertanya"
    )
    page.save_revision(user=user).publish()
    ArticleReadDay.objects.create(article=page, day=timezone.localdate(), count=42)
    return user, page


def reads_queries(queries):
    return [q for q in queries if ArticleReadDay._meta.db_table in q["sql"]]


def test_the_owner_sees_her_reads_on_tulisan_saya(client, writer_with_reads):
    user, page = writer_with_reads
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-reads-total="42"' in html
    assert "42 kali dibaca" in html
    assert '<svg class="serambi-reads__sparkline"' in html
    assert len(reads_queries(queries)) == 1


def test_another_contributor_does_not_see_them(client, writer_with_reads):
    client.force_login(make_user("wati", "Contributors"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert "data-reads-total" not in response.content.decode()


def test_an_editor_sees_them_on_her_desk(client, writer_with_reads):
    client.force_login(make_user("eka", "Editors"))
    response = client.get(reverse("wagtailadmin_home"))
    assert 'data-reads-total="42"' in response.content.decode()


@pytest.mark.parametrize("number", [1, 20])
def test_reads_on_the_dashboard_take_one_query_however_many_articles(
    client, contributor_index, blog_index, number
):
    user = make_user("sari", "Contributors")
    profile = ContributorPageFactory(
        parent=contributor_index, title="Sari Utami", slug="sari", user=user
    )
    for _ in range(number):
        page = ArticlePageFactory(parent=blog_index, owner=user, writer=profile)
        ArticleReadDay.objects.create(article=page, day=timezone.localdate(), count=1)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("wagtailadmin_home"))
    assert response.content.decode().count('data-reads-total="1"') == number
    assert len(reads_queries(queries)) == 1


# --- A script cannot inflate the counts --------------------------------------------


def test_repeats_from_one_reader_count_once_a_day(client, article):
    for _ in range(5):
        assert beacon(client, article).status_code == 204
    # Another reader at the same address (a family's shared phone line): she counts.
    beacon(client, article, user_agent=PHONE + " Firefox/139.0")

    assert counts(article) == [2]


def test_beacons_from_one_address_are_limited(client, article, settings):
    settings.READ_BEACON_LIMIT_PER_MINUTE = 5
    statuses = [
        beacon(client, article, user_agent=f"{PHONE} v{n}").status_code
        for n in range(20)
    ]

    assert statuses == [204] * 5 + [429] * 15
    assert counts(article) == [5]
    assert beacon(client, article, address="10.9.8.7").status_code == 204


def test_with_the_cache_down_reads_still_count(client, article, monkeypatch):
    from django.core.cache import cache

    def no_answer(*args, **kwargs):
        """django-redis with IGNORE_EXCEPTIONS: no answer, no error."""

    monkeypatch.setattr(cache, "add", no_answer)
    monkeypatch.setattr(cache, "incr", no_answer)

    assert beacon(client, article).status_code == 204
    assert counts(article) == [1]
