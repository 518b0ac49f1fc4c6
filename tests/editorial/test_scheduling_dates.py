"""Scheduling through the admin's date picker: the date she picked is the date she gets.

The picker writes WAGTAIL_DATETIME_FORMAT ("03/12/2030 10:00", day first). Django's own
Indonesian input formats rejected it and its English ones read it month first, so an
editor either could not schedule at all or got 12 March for 3 December.
"""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from blog.models import ArticlePage

from .conftest import article_data, draft_by

JAKARTA = ZoneInfo("Asia/Jakarta")


def prefer(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def schedule(client, article, writer_page, go_live_at):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_data(
            writer_page,
            action="action-publish",
            slug=article.slug,
            title=article.title,
            go_live_at=go_live_at,
        ),
    )


@pytest.mark.parametrize("language", ["id", "en"])
def test_editor_schedules_through_the_picker_format(
    client, alya, eka, blog_index, language
):
    prefer(eka, language)
    article = draft_by(alya, blog_index, title="Menabung sedikit demi sedikit")
    client.force_login(eka)

    response = schedule(client, article, alya.profile_page, "03/12/2030 10:00")

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    revision = article.scheduled_revision
    assert revision is not None
    assert revision.approved_go_live_at == datetime(2030, 12, 3, 10, 0, tzinfo=JAKARTA)


@pytest.mark.parametrize("language", ["id", "en"])
def test_editor_reschedules_to_another_day(client, alya, eka, blog_index, language):
    prefer(eka, language)
    article = draft_by(alya, blog_index, title="Menabung sedikit demi sedikit")
    client.force_login(eka)
    schedule(client, article, alya.profile_page, "03/12/2030 10:00")
    scheduled = ArticlePage.objects.get(pk=article.pk).scheduled_revision

    # A scheduled page is locked; the status panel's "cancel schedule" frees it.
    response = client.post(
        reverse(
            "wagtailadmin_pages:revisions_unschedule", args=[article.pk, scheduled.pk]
        )
    )
    assert response.status_code == 302
    response = schedule(client, article, alya.profile_page, "11/01/2031 07:30")

    assert response.status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.scheduled_revision.approved_go_live_at == datetime(
        2031, 1, 11, 7, 30, tzinfo=JAKARTA
    )


def test_edit_form_shows_the_scheduled_date_day_first(client, alya, eka, blog_index):
    article = draft_by(alya, blog_index)
    client.force_login(eka)
    schedule(client, article, alya.profile_page, "03/12/2030 10:00")

    content = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    assert 'value="03/12/2030 10:00"' in content


def test_a_date_she_cannot_have_meant_gets_a_clear_error(client, alya, eka, blog_index):
    article = draft_by(alya, blog_index)
    client.force_login(eka)

    response = schedule(client, article, alya.profile_page, "31/02/2030 10:00")

    assert response.status_code == 200
    assert not ArticlePage.objects.get(pk=article.pk).scheduled_revision
    assert "go_live_at" in response.context["form"].errors
