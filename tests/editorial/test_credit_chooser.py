"""Crediting anyone from the Credits tab: people by their public names, and someone
without an account added by name without leaving the article."""

import json

from django.urls import reverse

import pytest

from blog.models import ArticleCredit, ArticlePage
from contributors.models import ContributorPage
from demo.factories import ContributorPageFactory

from .conftest import article_data, draft_by

pytestmark = pytest.mark.django_db


@pytest.fixture
def bunda_senja(contributor_index):
    return ContributorPageFactory(
        parent=contributor_index,
        title="Siti Rahmawati",
        pen_name="Bunda Senja",
        use_pen_name_only=True,
        slug="bunda-senja",
    )


def chooser_html(client, **params):
    response = client.get(reverse("contributor_chooser:choose"), params)
    assert response.status_code == 200
    return json.loads(response.content)["html"]


def test_the_credits_tab_uses_the_people_chooser(client, alya, blog_index):
    article = draft_by(alya, blog_index)
    client.force_login(alya)

    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[article.pk])
    ).content.decode()

    assert reverse("contributor_chooser:choose") in html
    assert "Pilih halaman (Kontributor)" not in html


def test_people_are_listed_and_found_by_their_public_names(client, alya, bunda_senja):
    client.force_login(alya)

    listing = chooser_html(client)
    assert "Bunda Senja" in listing
    assert "Siti Rahmawati" not in listing
    assert "Pilih orang" in listing

    found = client.get(reverse("contributor_chooser:choose_results"), {"q": "Senja"})
    assert "Bunda Senja" in found.content.decode()
    by_real_name = client.get(
        reverse("contributor_chooser:choose_results"), {"q": "Rahmawati"}
    )
    assert "Bunda Senja" not in by_real_name.content.decode()


def test_a_writer_adds_an_illustrator_without_an_account(client, alya, blog_index):
    article = draft_by(alya, blog_index)
    client.force_login(alya)

    response = client.post(reverse("contributor_chooser:create"), {"name": "Ans"})

    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["step"] == "chosen"
    assert data["result"]["title"] == "Ans"
    ans = ContributorPage.objects.get(pk=data["result"]["id"])
    assert (ans.title, ans.live, ans.owner, ans.user) == ("Ans", False, alya, None)

    # She credits Ans as illustrator in the same article form.
    form = article_data(alya.profile_page, action=None, slug=article.slug)
    form.update(
        {
            "credits-TOTAL_FORMS": "2",
            "credits-1-contributor": str(ans.pk),
            "credits-1-role": "illustrator",
            "credits-1-ORDER": "2",
            "credits-1-DELETE": "",
            "credits-1-id": "",
        }
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), form)
    assert response.status_code == 302
    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    credits = [(c.contributor_id, c.role) for c in draft.credits.all()]
    assert (ans.pk, ArticleCredit.Role.ILLUSTRATOR) in credits
    # A draft profile for the editors to complete: nothing public yet.
    assert client.get("/kontributor/ans/").status_code == 404


def test_a_second_person_of_the_same_name_gets_a_slug_of_her_own(client, alya):
    client.force_login(alya)

    client.post(reverse("contributor_chooser:create"), {"name": "Ans"})
    client.post(reverse("contributor_chooser:create"), {"name": "Ans"})

    assert sorted(
        ContributorPage.objects.filter(title="Ans").values_list("slug", flat=True)
    ) == ["ans", "ans-2"]


def test_an_empty_name_is_refused(client, alya):
    client.force_login(alya)

    response = client.post(reverse("contributor_chooser:create"), {"name": "  "})

    assert json.loads(response.content)["step"] == "reshow_creation_form"
    assert not ContributorPage.objects.filter(title="").exists()


def test_other_contributors_drafts_are_not_offered(client, alya, bunga):
    client.force_login(bunga)
    client.post(reverse("contributor_chooser:create"), {"name": "Teman Bunga"})

    client.force_login(alya)
    assert "Teman Bunga" not in chooser_html(client)
