"""Where a contributor stands: one action to submit, the editor's request on top,
back to "Tulisan saya" once submitted, and notes that go once published."""

import re

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest

from blog.models import ArticlePage

from .conftest import article_data, draft_by

REQUEST = "Tambahkan satu contoh nyata di paragraf kedua."


def submit(page, user):
    page.get_workflow().start(page, user)
    return ArticlePage.objects.get(pk=page.pk)


def request_changes(client, page, editor, comment=REQUEST):
    client.force_login(editor)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[page.pk, "reject", task_state.pk],
        ),
        {"comment": comment},
    )
    assert response.status_code == 302
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return page


def action_menu(response):
    content = response.content.decode()
    return content[content.index("<footer") :]


def test_a_new_article_offers_one_plain_submit(client, alya, blog_index):
    client.force_login(alya)

    response = client.get(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    )

    menu = action_menu(response)
    assert "Ajukan untuk ditinjau" in menu
    assert "Kirim ke" not in menu


def test_a_returned_article_offers_resubmit_and_no_workflow_jargon(
    client, alya, eka, blog_index
):
    article = request_changes(client, submit(draft_by(alya, blog_index), alya), eka)
    client.force_login(alya)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    menu = action_menu(response)
    assert "Ajukan ulang untuk ditinjau" in menu
    assert 'name="action-cancel-workflow"' not in menu
    assert 'name="action-restart-workflow"' not in menu
    assert "Pengajuan ulang ke" not in menu


def test_editors_keep_their_workflow_actions(client, alya, eka, blog_index):
    article = submit(draft_by(alya, blog_index), alya)
    client.force_login(eka)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert 'name="action-cancel-workflow"' in action_menu(response)


def test_the_editors_request_is_on_top_when_she_opens_it(client, alya, eka, blog_index):
    article = request_changes(client, submit(draft_by(alya, blog_index), alya), eka)
    client.force_login(alya)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    [message] = [str(m) for m in response.context["messages"]]
    assert "Redaksi meminta perbaikan" in message
    assert REQUEST in message
    assert "Eka" in message


def test_no_banner_while_in_review(client, alya, blog_index):
    article = submit(draft_by(alya, blog_index), alya)
    client.force_login(alya)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    messages = [str(m) for m in response.context["messages"]]
    assert not [m for m in messages if "meminta perbaikan" in m]


def test_after_submitting_a_new_article_she_is_back_at_her_desk(
    client, alya, blog_index
):
    client.force_login(alya)

    response = client.post(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]),
        article_data(alya.profile_page),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_after_resubmitting_she_is_back_at_her_desk(client, alya, eka, blog_index):
    article = request_changes(client, submit(draft_by(alya, blog_index), alya), eka)
    client.force_login(alya)

    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_data(alya.profile_page, slug=article.slug, title=article.title),
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_the_old_request_leaves_her_desk_once_published(client, alya, eka, blog_index):
    article = request_changes(client, submit(draft_by(alya, blog_index), alya), eka)
    client.force_login(alya)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REQUEST in home

    client.post(
        reverse("wagtailadmin_pages:edit", args=[article.pk]),
        article_data(alya.profile_page, slug=article.slug, title=article.title),
    )
    article = ArticlePage.objects.get(pk=article.pk)
    client.force_login(eka)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[article.pk, "approve", article.current_workflow_task_state.pk],
        ),
        {"comment": ""},
    )
    assert ArticlePage.objects.get(pk=article.pk).live

    client.force_login(alya)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert REQUEST not in home


@pytest.mark.parametrize(
    ("status", "word"), [("draft", "draf"), ("in_review", "sedang ditinjau")]
)
def test_the_explorer_uses_her_desks_status_words(
    client, alya, blog_index, status, word
):
    article = draft_by(alya, blog_index)
    if status == "in_review":
        submit(article, alya)
    client.force_login(alya)

    content = client.get(
        reverse("wagtailadmin_explore", args=[blog_index.pk])
    ).content.decode()

    statuses = [
        re.sub(r"<[^>]+>[^<]*</span>|\s+", " ", tag).strip().lower()
        for tag in re.findall(
            r'class="w-status[^"]*"[^>]*>(.*?)</(?:span|a)>\s*(?:<|$)', content, re.S
        )
    ]
    assert word in statuses
    assert "konsep" not in statuses
    assert "dalam moderasi" not in statuses
