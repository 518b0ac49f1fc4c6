"""Comments on a draft: an editor notes a paragraph, the contributor answers."""

from wagtail.models import Comment, CommentReply, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

import pytest

from blog.models import ArticlePage

from .conftest import add_url, article_data, edit_url
from .test_review_cycle import workflow_action_url

NOTE = "Bisakah paragraf ini diberi contoh nyata?"
ANSWER = "Sudah saya tambahkan cerita tentang tetangga saya."


def edit_data(article, writer_page, comments, action="action-save"):
    """The edit form as the browser posts it: the body keeps its block ids, which
    comments on a paragraph point at."""
    heading, paragraph = article.get_latest_revision_as_object().body
    data = nested_form_data(
        {
            "title": article.title,
            "slug": article.slug,
            "standfirst": article.standfirst,
            "body": {
                "count": "2",
                "0": {
                    "type": "heading",
                    "id": heading.id,
                    "value": {"text": "Hari yang berat", "level": "h2"},
                    "deleted": "",
                    "order": "0",
                },
                "1": {
                    "type": "paragraph",
                    "id": paragraph.id,
                    "value": rich_text("<p>Saya akhirnya menelepon kakak.</p>"),
                    "deleted": "",
                    "order": "1",
                },
            },
            "credits": inline_formset(
                [{"contributor": writer_page.pk, "role": "writer"}], min=1
            ),
            "tags": "",
            "comments": comments,
        }
    )
    data[action] = action
    return data, f"body.{paragraph.id}"


@pytest.mark.django_db
def test_editor_comments_on_a_paragraph_and_the_contributor_replies(
    client, blog_index, alya, eka
):
    client.force_login(alya)
    client.post(add_url(blog_index), article_data(alya.profile_page))
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")

    # The editor notes the paragraph while reviewing, then asks for changes.
    client.force_login(eka)
    _, paragraph_path = edit_data(article, alya.profile_page, inline_formset([]))
    data, _ = edit_data(
        article,
        alya.profile_page,
        inline_formset(
            [
                {
                    "contentpath": paragraph_path,
                    "text": NOTE,
                    "position": "",
                    "resolved": "",
                    "replies": inline_formset([]),
                }
            ]
        ),
    )
    assert client.post(edit_url(article), data).status_code == 302
    comment = Comment.objects.get(page=article)
    assert (comment.user, comment.text, comment.contentpath) == (
        eka,
        NOTE,
        paragraph_path,
    )
    article.refresh_from_db()
    client.post(workflow_action_url(article, "reject"), {"comment": ""})
    article.refresh_from_db()
    assert article.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES

    # She sees the note on her draft and answers it.
    client.force_login(alya)
    editor = client.get(edit_url(article)).content.decode()
    assert NOTE in editor
    data, _ = edit_data(
        article,
        alya.profile_page,
        inline_formset(
            [
                {
                    "id": comment.pk,
                    "contentpath": paragraph_path,
                    "text": NOTE,
                    "position": "",
                    "resolved": "",
                    "replies": inline_formset([{"text": ANSWER}]),
                }
            ],
            initial=1,
        ),
    )
    assert client.post(edit_url(article), data).status_code == 302
    reply = CommentReply.objects.get(comment=comment)
    assert (reply.user, reply.text) == (alya, ANSWER)
    # Her answer did not rewrite the editor's note.
    comment.refresh_from_db()
    assert (comment.user, comment.text) == (eka, NOTE)
