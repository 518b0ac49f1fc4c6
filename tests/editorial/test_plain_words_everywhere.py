"""Words a volunteer should not meet, on every admin page she and an editor use:
"Slug", "Deskripsi meta", "Publikasi", "Persetujuan" beside "Tinjauan", and English
names read out by screen readers ("Actions", a "Search" button)."""

import json
import re

from django.urls import reverse

from wagtail.models import Workflow

import pytest

from editorial.models import IllustrationRequest

from .conftest import draft_by
from .test_plain_words import visible_text

pytestmark = pytest.mark.django_db

HIDDEN_WORDS = [r"\bSlug\b", r"Deskripsi meta", r"\bPublikasi\b", r"Persetujuan"]
HIDDEN_MARKUP = ['aria-label="Actions"', 'value="Search"']


def pages_for(alya, bunga, eka, blog_index):
    draft = draft_by(alya, blog_index, title="Belajar meminta tolong")
    in_review = draft_by(alya, blog_index, title="Hujan di jalan pulang", slug="hujan")
    in_review.get_workflow().start(in_review, alya)
    job = IllustrationRequest.objects.create(
        article=in_review,
        brief="Seorang ibu dan anaknya berbagi satu payung.",
        requested_by=alya,
        status=IllustrationRequest.Status.TAKEN,
        illustrator=bunga,
    )
    edit = "wagtailadmin_pages:edit"
    return [
        (alya, reverse("wagtailadmin_home")),
        (alya, reverse(edit, args=[draft.pk])),
        (alya, reverse(edit, args=[in_review.pk])),
        (alya, reverse("importer_submit_text")),
        (alya, reverse("wagtailimages:add")),
        (alya, reverse("editorial_calendar")),
        (alya, reverse("contributor_chooser:choose")),
        (alya, reverse("wagtailimages_chooser:choose")),
        (bunga, reverse("editorial_illustrate", args=[job.pk])),
        (eka, reverse("wagtailadmin_home")),
        (eka, reverse(edit, args=[in_review.pk])),
        (eka, reverse("editorial_calendar")),
    ]


def test_no_jargon_on_the_pages_contributors_and_editors_use(
    client, alya, bunga, eka, blog_index
):
    found = []
    for user, url in pages_for(alya, bunga, eka, blog_index):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if response["Content-Type"].startswith("application/json"):
            html = json.loads(html).get("html", "")
        text = visible_text(html)
        found += [
            f"{user.username} {url}: {word}"
            for word in HIDDEN_WORDS
            if re.search(word, text)
        ]
        found += [f"{user.username} {url}: {m}" for m in HIDDEN_MARKUP if m in html]
    assert found == []


def test_the_review_step_has_the_workflows_name(db):
    workflow = Workflow.objects.get(name="Tinjauan redaksi")
    assert [task.name for task in workflow.tasks] == ["Tinjauan redaksi"]
