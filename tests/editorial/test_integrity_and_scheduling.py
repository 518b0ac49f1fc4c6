"""What an editor approved is what goes live; scheduled articles go live unattended."""

from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import TaskState

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticlePage
from demo.factories import ContributorPageFactory

from .conftest import article_data, draft_by, edit_url, make_user


def submit(page, user):
    page = ArticlePage.objects.get(pk=page.pk)
    page.get_workflow().start(page, user)
    return ArticlePage.objects.get(pk=page.pk)


def action_url(page, action, task_state):
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
    )


def test_an_edit_during_review_needs_its_own_approval(
    client, alya, eka, edo, blog_index
):
    article = submit(draft_by(alya, blog_index, title="Versi yang ditinjau"), alya)
    reviewed_state = article.current_workflow_task_state

    # Edo edits while it is in review.
    client.force_login(edo)
    client.post(
        edit_url(article),
        article_data(
            alya.profile_page, action=None, slug=article.slug, title="Versi Edo"
        ),
    )
    reviewed_state.refresh_from_db()
    assert reviewed_state.status == TaskState.STATUS_CANCELLED
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.workflow_in_progress

    # Eka's approval of what she reviewed is refused; nothing goes live.
    client.force_login(eka)
    response = client.post(
        action_url(article, "approve", reviewed_state), {"comment": ""}
    )
    assertRedirects(
        response, reverse("wagtailadmin_home"), fetch_redirect_response=False
    )
    article.refresh_from_db()
    assert not article.live

    # Approving the current version publishes exactly that version.
    current = article.current_workflow_task_state
    assert current.revision == article.get_latest_revision()
    client.post(action_url(article, "approve", current), {"comment": ""})
    article.refresh_from_db()
    assert article.live and article.title == "Versi Edo"
    assert article.live_revision == current.revision


def test_editor_edits_and_approves_in_one_step(client, alya, eka, blog_index):
    article = submit(draft_by(alya, blog_index), alya)
    client.force_login(eka)
    data = article_data(
        alya.profile_page,
        action="action-workflow-action",
        slug=article.slug,
        title="Disunting dan disetujui",
    )
    data["workflow-action-name"] = "approve"
    client.post(edit_url(article), data)
    article.refresh_from_db()
    assert article.live and article.title == "Disunting dan disetujui"


def test_approval_at_a_scheduled_time_then_publish_scheduled(
    client, alya, eka, blog_index, monkeypatch
):
    go_live = timezone.now() + timedelta(hours=2)
    article = draft_by(alya, blog_index, title="Untuk besok pagi")
    article.go_live_at = go_live
    article.save_revision(user=alya)
    article = submit(article, alya)
    mail.outbox.clear()

    client.force_login(eka)
    client.post(
        action_url(article, "approve", article.current_workflow_task_state),
        {"comment": ""},
    )
    article.refresh_from_db()
    assert not article.live
    [approved] = mail.outbox
    assert approved.to == [alya.email]
    assert "dijadwalkan terbit" in approved.body

    # The editor's dashboard lists it with its time; the contributor's says scheduled.
    desk = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Untuk besok pagi" in desk
    assert timezone.localtime(go_live).strftime("%H:%M") in desk
    client.force_login(alya)
    assert "Terjadwal" in client.get(reverse("wagtailadmin_home")).content.decode()
    mail.outbox.clear()

    # Nothing happens before the time; at the time, with nobody at the keyboard, it does.
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert not article.live
    later = go_live + timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled", verbosity=0)
    article.refresh_from_db()
    assert article.live
    [published] = mail.outbox
    assert published.to == [alya.email]
    assert "sesuai jadwal" in published.body
    monkeypatch.undo()
    client.logout()
    assert "Untuk besok pagi" in client.get("/artikel/").content.decode()


def test_editor_schedules_directly_from_the_edit_form(client, alya, eka, blog_index):
    article = draft_by(alya, blog_index)
    go_live = timezone.localtime(timezone.now() + timedelta(days=1))
    client.force_login(eka)
    client.post(
        edit_url(article),
        article_data(
            alya.profile_page,
            action="action-publish",
            slug=article.slug,
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
        ),
    )
    article.refresh_from_db()
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None


def test_direct_publication_by_an_editor_tells_the_contributor(
    client, alya, eka, blog_index
):
    article = draft_by(alya, blog_index, title="Langsung terbit")
    client.force_login(eka)
    client.post(
        edit_url(article),
        article_data(alya.profile_page, action="action-publish", slug=article.slug),
    )
    article.refresh_from_db()
    assert article.live
    [published] = mail.outbox
    assert published.to == [alya.email]
    assert "sudah terbit" in published.body


def test_nobody_gets_mail_about_their_own_publication(
    client, blog_index, contributor_index
):
    writer = make_user("ratna", "Editors")
    writer.profile_page = ContributorPageFactory(parent=contributor_index, user=writer)
    article = draft_by(writer, blog_index)
    client.force_login(writer)
    client.post(
        edit_url(article),
        article_data(writer.profile_page, action="action-publish", slug=article.slug),
    )
    article.refresh_from_db()
    assert article.live
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("flag", "action"), [("rejected", "reject"), ("approved", "approve")]
)
def test_notifications_can_be_switched_off_in_account_settings(
    client, alya, eka, blog_index, flag, action
):
    client.force_login(alya)
    account = client.get(reverse("wagtailadmin_account"))
    assert f"notifications-{flag}_notifications" in account.content.decode()
    response = client.post(
        reverse("wagtailadmin_account"),
        {
            "notifications-approved_notifications": "on" if flag != "approved" else "",
            "notifications-rejected_notifications": "on" if flag != "rejected" else "",
            "notifications-updated_comments_notifications": "on",
            "name_email-first_name": "Alya",
            "name_email-last_name": "Rahma",
            "name_email-email": alya.email,
            "locale-preferred_language": "id",
            "locale-current_time_zone": "Asia/Jakarta",
            "theme-theme": "system",
            "theme-density": "default",
            "theme-contrast": "system",
            "theme-keyboard_shortcuts": "on",
        },
    )
    assert response.status_code == 302
    alya.wagtail_userprofile.refresh_from_db()
    assert getattr(alya.wagtail_userprofile, f"{flag}_notifications") is False

    article = submit(draft_by(alya, blog_index), alya)
    mail.outbox.clear()
    client.force_login(eka)
    client.post(
        action_url(article, action, article.current_workflow_task_state),
        {"comment": "Catatan"},
    )
    assert [m for m in mail.outbox if m.to == [alya.email]] == []
