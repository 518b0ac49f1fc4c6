"""Submit → request changes → resubmit → approve → public, through the admin views."""

from django.core import mail
from django.urls import reverse

from wagtail.models import WorkflowState

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticlePage

from .conftest import add_url, article_data, edit_url


def workflow_action_url(page, action):
    task_state = page.current_workflow_task_state
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk]
    )


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.mark.django_db
def test_whole_cycle_with_the_mails_it_sends(client, blog_index, alya, eka, edo):
    # She writes and submits.
    client.force_login(alya)
    response = client.post(add_url(blog_index), article_data(alya.profile_page))
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    assert not article.live
    assert article.owner == alya
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # Both editors hear of it, with a link to review; she does not.
    assert {m.to[0] for m in mail.outbox} == {eka.email, edo.email}
    submitted = mails_to(eka)[0]
    assert "Menunggu tinjauan" in submitted.subject
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    assert f"http://testserver{edit}" in submitted.body
    assert not mails_to(alya)
    mail.outbox.clear()

    # Eka requests changes with a comment.
    client.force_login(eka)
    response = client.post(
        workflow_action_url(article, "reject"),
        {"comment": "Paragraf kedua perlu contoh nyata."},
    )
    assertRedirects(
        response,
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        fetch_redirect_response=False,
    )
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert not article.live
    [rejected] = mail.outbox
    assert rejected.to == [alya.email]
    assert "Perlu perbaikan" in rejected.subject
    assert "Paragraf kedua perlu contoh nyata." in rejected.body
    mail.outbox.clear()

    # She sees the comment on her dashboard, revises and resubmits.
    client.force_login(alya)
    home = client.get(reverse("wagtailadmin_home"))
    assert "Perlu perbaikan" in home.content.decode()
    assert "Paragraf kedua perlu contoh nyata." in home.content.decode()
    response = client.post(
        edit_url(article),
        article_data(alya.profile_page, title="Belajar meminta tolong (revisi)"),
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert {m.to[0] for m in mail.outbox} == {eka.email, edo.email}
    mail.outbox.clear()

    # Eka approves; it goes live, and only Alya is told.
    client.force_login(eka)
    response = client.post(workflow_action_url(article, "approve"), {"comment": ""})
    assertRedirects(
        response,
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        fetch_redirect_response=False,
    )
    article.refresh_from_db()
    assert article.live
    assert article.title == "Belajar meminta tolong (revisi)"
    [approved] = mail.outbox
    assert approved.to == [alya.email]
    assert "Disetujui" in approved.subject
    assert "sudah terbit" in approved.body

    # A reader sees it.
    client.logout()
    response = client.get("/artikel/")
    assert "Belajar meminta tolong (revisi)" in response.content.decode()
    assert client.get(article.url).status_code == 200


@pytest.mark.django_db
def test_contributor_cannot_publish_by_posting_the_publish_action(
    client, blog_index, alya
):
    client.force_login(alya)
    client.post(
        add_url(blog_index), article_data(alya.profile_page, action="action-publish")
    )
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    assert not article.live
    assert client.get(article.url).status_code == 404 if article.url else True
    client.logout()
    assert "Belajar meminta tolong" not in client.get("/artikel/").content.decode()
