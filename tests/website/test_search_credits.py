"""/cari/ finds an article by the public name of anyone credited on it, never by a
real name that its owner hides behind her pen name."""

from django.urls import reverse

from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest

from blog.models import ArticlePage
from contributors.models import ContributorPage
from tests.site_builder import article, contributor, pen_name_writer

pytestmark = pytest.mark.django_db


def found(client, query):
    response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return [str(page) for page in response.context["results"]]


@pytest.fixture
def people(contributor_index):
    writer = contributor(contributor_index, "Ayu Lestari")
    illustrator = contributor(contributor_index, "Dewi Anggraini")
    hidden = pen_name_writer(contributor_index)
    return writer, illustrator, hidden


def test_finds_an_article_by_its_writer_and_by_its_illustrator(
    client, blog_index, people
):
    writer, illustrator, _ = people
    article(
        blog_index, writers=[writer], illustrators=[illustrator], title="Pagi di pasar"
    )

    assert sorted(found(client, "Lestari")) == ["Ayu Lestari", "Pagi di pasar"]
    assert sorted(found(client, "Anggraini")) == ["Dewi Anggraini", "Pagi di pasar"]


def test_finds_a_pen_name_writers_article_by_her_pen_name_only(
    client, blog_index, people
):
    _, illustrator, hidden = people
    article(
        blog_index, writers=[hidden], illustrators=[illustrator], title="Surat malam"
    )

    assert sorted(found(client, "Senja")) == ["Bunga Senja", "Surat malam"]
    assert found(client, "Rahmawati") == []
    assert found(client, "Siti") == []


def test_an_article_published_in_the_admin_is_found_by_its_illustrator(
    admin_browser, client, blog_index, people
):
    writer, illustrator, _ = people
    url = reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk])
    data = nested_form_data(
        {
            "title": "Menanam cabai di teras",
            "slug": "menanam-cabai",
            "standfirst": "Kebun kecil untuk dapur sendiri.",
            "body": streamfield(
                [("paragraph", rich_text("<p>Pot bekas pun bisa dipakai.</p>"))]
            ),
            "credits": inline_formset(
                [
                    {"contributor": writer.pk, "role": "writer"},
                    {"contributor": illustrator.pk, "role": "illustrator"},
                ],
                min=1,
            ),
            "tags": "",
            "comments": inline_formset([]),
            "action-publish": "action-publish",
        }
    )

    response = admin_browser.post(url, data)

    page = ArticlePage.objects.get(slug="menanam-cabai")
    assert response.status_code == 302
    assert page.live
    assert sorted(found(client, "Anggraini")) == [
        "Dewi Anggraini",
        "Menanam cabai di teras",
    ]


def test_a_new_public_name_is_found_and_the_hidden_one_no_longer(
    admin_browser, client, blog_index, people, django_capture_on_commit_callbacks
):
    writer, _, _ = people
    article(blog_index, writers=[writer], title="Belajar menabung")
    assert sorted(found(client, "Lestari")) == ["Ayu Lestari", "Belajar menabung"]

    # She takes a pen name and hides her real one; her editor publishes the change.
    data = nested_form_data(
        {
            "title": writer.title,
            "slug": "melati-pagi",
            "pen_name": "Melati Pagi",
            "use_pen_name_only": "on",
            "short_bio": writer.short_bio,
            "bio": rich_text(""),
            "links": inline_formset([]),
            "comments": inline_formset([]),
            "user": "",
            "action-publish": "action-publish",
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_browser.post(
            reverse("wagtailadmin_pages:edit", args=[writer.pk]), data
        )

    assert response.status_code == 302
    assert ContributorPage.objects.get(pk=writer.pk).pen_name == "Melati Pagi"
    assert sorted(found(client, "Melati")) == ["Belajar menabung", "Melati Pagi"]
    assert found(client, "Lestari") == []
