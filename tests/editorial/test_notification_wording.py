"""E-mails say what happened, to the people it concerns."""

from django.core import mail
from django.urls import reverse

from wagtail.models import Comment, PageSubscription
from wagtail.test.utils.form_data import inline_formset

import pytest

from blog.models import ArticlePage
from demo.factories import ArticlePageFactory

from .conftest import article_data, draft_by, make_user
from .test_comments import NOTE, edit_data

pytestmark = pytest.mark.django_db


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_a_new_comment_is_said_to_be_added(client, alya, eka, blog_index):
    article = draft_by(alya, blog_index, title="Belajar meminta tolong")
    # Writing an article in the admin subscribes her to its comments.
    PageSubscription.objects.create(page=article, user=alya, comment_notifications=True)
    client.force_login(eka)
    _, path = edit_data(article, alya.profile_page, inline_formset([]))
    data, _ = edit_data(
        article,
        alya.profile_page,
        inline_formset(
            [
                {
                    "contentpath": path,
                    "text": NOTE,
                    "position": "",
                    "resolved": "",
                    "replies": inline_formset([]),
                }
            ]
        ),
    )
    mail.outbox.clear()

    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)

    assert response.status_code == 302
    assert Comment.objects.filter(page=article, text=NOTE).exists()
    [message] = mails_to(alya)
    assert 'Eka menambahkan komentar pada "Belajar meminta tolong".' in message.body
    assert "mengubah komentar" not in message.body


def test_published_mail_goes_to_those_credited_now(
    client, alya, bunga, eka, blog_index
):
    # Alya started the article (she owns it), but it is Bunga's writing.
    article = ArticlePageFactory(
        parent=blog_index,
        owner=alya,
        writer=bunga.profile_page,
        live=False,
        title="Tulisan Bunga",
    )
    article.save_revision(user=alya)
    illustrator = make_user("citra", "Contributors")
    from demo.factories import ContributorPageFactory

    illustrator_page = ContributorPageFactory(
        parent=bunga.profile_page.get_parent(),
        title="Citra",
        slug="citra",
        user=illustrator,
    )
    client.force_login(eka)
    data = article_data(
        bunga.profile_page,
        action="action-publish",
        slug=article.slug,
        title=article.title,
    )
    data.update(
        {
            "credits-TOTAL_FORMS": "2",
            "credits-1-contributor": str(illustrator_page.pk),
            "credits-1-role": "illustrator",
            "credits-1-ORDER": "2",
            "credits-1-DELETE": "",
            "credits-1-id": "",
        }
    )
    mail.outbox.clear()

    client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)

    assert ArticlePage.objects.get(pk=article.pk).live
    assert {m.to[0] for m in mail.outbox if "terbit" in m.body} == {
        bunga.email,
        illustrator.email,
    }
    assert not mails_to(alya)
