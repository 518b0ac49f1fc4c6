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
    client.post(
        reverse("contributor_chooser:create"), {"name": "Ans", "same_person": "new"}
    )

    assert sorted(
        ContributorPage.objects.filter(title="Ans").values_list("slug", flat=True)
    ) == ["ans", "ans-2"]


@pytest.mark.parametrize("typed", ["Ans", "ans.", "  ANS ", "Afriana Setiawan."])
def test_a_name_already_here_offers_that_profile_never_a_second(
    client, alya, contributor_index, typed
):
    ans = ContributorPageFactory(parent=contributor_index, title="Ans", slug="ans")
    afriana = ContributorPageFactory(
        parent=contributor_index, title="Afriana Setiawan", slug="afriana-setiawan"
    )
    meant = afriana if typed.startswith("Afriana") else ans
    client.force_login(alya)
    people_before = ContributorPage.objects.count()

    offered = json.loads(
        client.post(reverse("contributor_chooser:create"), {"name": typed}).content
    )

    assert offered["step"] == "reshow_creation_form"
    assert f"pakai profil “{meant.title}” yang sudah ada" in offered["htmlFragment"]
    assert ContributorPage.objects.count() == people_before
    # She says it is the same person: the existing profile is chosen.
    chosen = json.loads(
        client.post(
            reverse("contributor_chooser:create"),
            {"name": typed, "same_person": "same"},
        ).content
    )
    assert (chosen["step"], chosen["result"]["id"]) == ("chosen", str(meant.pk))
    assert ContributorPage.objects.count() == people_before


def test_a_pen_name_match_is_offered_by_the_pen_name_only(client, alya, bunda_senja):
    bunda_senja.save_revision().publish()
    client.force_login(alya)
    by_pen_name = json.loads(
        client.post(
            reverse("contributor_chooser:create"), {"name": "bunda senja."}
        ).content
    )
    assert "pakai profil “Bunda Senja” yang sudah ada" in by_pen_name["htmlFragment"]
    # Her real name typed by someone else offers nothing, and shows nothing.
    by_real_name = json.loads(
        client.post(
            reverse("contributor_chooser:create"), {"name": "Siti Rahmawati"}
        ).content
    )
    assert by_real_name["step"] == "chosen"
    assert "Bunda Senja" not in json.dumps(by_real_name)


def test_a_guest_writer_is_added_with_her_bio(client, alya):
    client.force_login(alya)
    response = client.post(
        reverse("contributor_chooser:create"),
        {
            "name": "Maya Putri",
            "short_bio": "Ibu dua anak yang menulis dari Makassar.",
        },
    )
    person = ContributorPage.objects.get(
        pk=json.loads(response.content)["result"]["id"]
    )
    assert person.short_bio == "Ibu dua anak yang menulis dari Makassar."


def test_a_credit_sent_twice_by_a_submit_after_an_autosave_is_one_credit(
    client, alya, blog_index, contributor_index
):
    ans = ContributorPageFactory(parent=contributor_index, title="Ans", slug="ans")
    article = draft_by(alya, blog_index)
    writer_credit = article.credits.get()
    client.force_login(alya)

    def form(action):
        data = article_data(alya.profile_page, action=action, slug=article.slug)
        # Her credit as loaded with the page, and Ans, added since: a new row.
        data.update(
            {
                "credits-TOTAL_FORMS": "2",
                "credits-INITIAL_FORMS": "1",
                "credits-0-id": str(writer_credit.pk),
                "credits-1-contributor": str(ans.pk),
                "credits-1-role": "illustrator",
                "credits-1-ORDER": "2",
                "credits-1-DELETE": "",
                "credits-1-id": "",
            }
        )
        return data

    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    # The autosave stores Ans's credit...
    autosaved = client.post(edit, form(None), HTTP_ACCEPT="application/json")
    assert autosaved.json()["success"] is True
    # ...and "Ajukan", pressed before its answer came back, sends Ans as new again.
    client.post(edit, form("action-submit"))

    submitted = ArticlePage.objects.get(pk=article.pk)
    assert submitted.current_workflow_state.status == "in_progress"
    credits = submitted.get_latest_revision_as_object().credits.all()
    assert sorted((c.contributor.title, c.role) for c in credits) == [
        ("Alya Rahma", "writer"),
        ("Ans", "illustrator"),
    ]


def test_a_role_changed_after_the_autosave_is_the_one_kept(
    client, alya, blog_index, contributor_index
):
    """The autosave stored Ans with the role the new row had then (writer); she chose
    "illustrator" and pressed "Ajukan" before its answer came back."""
    ans = ContributorPageFactory(parent=contributor_index, title="Ans", slug="ans")
    article = draft_by(alya, blog_index)
    writer_credit = article.credits.get()
    client.force_login(alya)

    def form(action, role):
        data = article_data(alya.profile_page, action=action, slug=article.slug)
        data.update(
            {
                "credits-TOTAL_FORMS": "2",
                "credits-INITIAL_FORMS": "1",
                "credits-0-id": str(writer_credit.pk),
                "credits-1-contributor": str(ans.pk),
                "credits-1-role": role,
                "credits-1-ORDER": "2",
                "credits-1-DELETE": "",
                "credits-1-id": "",
            }
        )
        return data

    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    autosaved = client.post(edit, form(None, "writer"), HTTP_ACCEPT="application/json")
    assert autosaved.json()["success"] is True
    client.post(edit, form("action-submit", "illustrator"))

    submitted = ArticlePage.objects.get(pk=article.pk)
    assert submitted.current_workflow_state.status == "in_progress"
    credits = submitted.get_latest_revision_as_object().credits.all()
    assert sorted((c.contributor.title, c.role) for c in credits) == [
        ("Alya Rahma", "writer"),
        ("Ans", "illustrator"),
    ]
    assert sorted(
        ArticleCredit.objects.filter(page=submitted).values_list(
            "contributor__title", "role"
        )
    ) == [("Alya Rahma", "writer"), ("Ans", "illustrator")]
