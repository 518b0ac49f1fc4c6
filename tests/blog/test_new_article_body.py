"""A new article opens with one empty paragraph to type or paste into; an empty
paragraph is left out on save rather than refused, and the errors of the other blocks
stay on the blocks they belong to."""

from django.urls import reverse

from wagtail.test.utils.form_data import rich_text, streamfield

import pytest

from blog.models import ArticlePage
from demo.factories import ArticlePageFactory

from .test_admin import add_url, article_form

pytestmark = pytest.mark.django_db

EMPTY = rich_text("<p></p>")


def body_blocks(response):
    return [
        (
            child.block_type,
            child.value.source if child.block_type == "paragraph" else "",
        )
        for child in response.context["form"]["body"].value()
    ]


def test_a_new_article_opens_with_one_empty_paragraph(admin_browser, blog_index):
    response = admin_browser.get(add_url(blog_index))

    assert response.status_code == 200
    assert body_blocks(response) == [("paragraph", "")]


def test_an_article_being_edited_gets_no_extra_paragraph(
    admin_browser, blog_index, writer
):
    article = ArticlePageFactory(parent=blog_index, writer=writer)
    before = [child.block_type for child in article.body]

    response = admin_browser.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))

    assert [kind for kind, _ in body_blocks(response)] == before


def test_the_unused_empty_paragraph_is_left_out(admin_browser, blog_index, writer):
    data = article_form(
        [{"contributor": writer.pk, "role": "writer"}],
        body=streamfield(
            [
                ("paragraph", EMPTY),
                ("heading", {"text": "Mulai dari catatan", "level": "h2"}),
                ("paragraph", rich_text("<p>Setiap malam saya mencatat.</p>")),
            ]
        ),
    )

    response = admin_browser.post(add_url(blog_index), data)

    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="mengatur-uang-belanja")
    assert [child.block_type for child in article.body] == ["heading", "paragraph"]


def test_an_article_whose_body_is_only_the_empty_paragraph_saves_as_a_draft(
    admin_browser, blog_index, writer
):
    data = article_form(
        [{"contributor": writer.pk, "role": "writer"}],
        body=streamfield([("paragraph", EMPTY)]),
    )
    del data["action-publish"]

    response = admin_browser.post(add_url(blog_index), data)

    assert response.status_code == 302
    assert list(ArticlePage.objects.get(slug="mengatur-uang-belanja").body) == []


def test_an_error_stays_on_its_own_block_after_an_empty_paragraph(
    admin_browser, blog_index, writer
):
    data = article_form(
        [{"contributor": writer.pk, "role": "writer"}],
        body=streamfield(
            [
                ("paragraph", EMPTY),
                ("heading", {"text": "", "level": "h2"}),
            ]
        ),
    )

    response = admin_browser.post(add_url(blog_index), data)

    assert response.status_code == 200
    error = response.context["form"].errors.as_data()["body"][0]
    assert list(error.block_errors) == [1]
    assert not ArticlePage.objects.exists()
