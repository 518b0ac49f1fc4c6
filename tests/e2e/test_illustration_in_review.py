"""The hand-off once the article is in review, on a 375 px phone: the illustrator who
took the job adds her picture and marks it done from the bar that stays on screen; the
editor reviewing the article sees her revision."""

from django.urls import reverse

from wagtail.models import Collection

import pytest
from playwright.sync_api import expect

from blog.models import ArticlePage
from demo.factories import ContributorPageFactory, CustomImageFactory
from editorial.models import IllustrationRequest
from tests.e2e.test_admin_on_a_phone import log_in
from tests.editorial.conftest import draft_by, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TITLE = "Hujan di jalan pulang"


def in_viewport(page, locator):
    """Whether the element is on screen now, without any scrolling."""
    box = locator.bounding_box()
    viewport = page.viewport_size
    return (
        box is not None
        and box["y"] >= 0
        and box["y"] + box["height"] <= viewport["height"]
        and box["x"] >= 0
        and box["x"] + box["width"] <= viewport["width"]
    )


def test_she_adds_her_picture_to_an_article_in_review(
    live_server, page, blog_index, contributor_index
):
    alya = make_user("alya", "Contributors")
    alya.profile_page = ContributorPageFactory(
        parent=contributor_index, title="Alya Rahma", slug="alya", user=alya
    )
    sekar = make_user("sekar", "Contributors")
    ContributorPageFactory(
        parent=contributor_index, title="Sekar Wangi", slug="sekar", user=sekar
    )
    eka = make_user("eka", "Editors")
    draft = draft_by(alya, blog_index, title=TITLE)
    draft.get_workflow().start(draft, alya)
    CustomImageFactory(
        title="Dua payung di jalan",
        uploaded_by_user=sekar,
        collection=Collection.get_first_root_node(),
    )
    job = IllustrationRequest.objects.create(
        article=draft,
        brief="Seorang ibu dan anaknya berbagi satu payung.",
        requested_by=alya,
        status=IllustrationRequest.Status.TAKEN,
        illustrator=sekar,
    )

    # --- Sekar opens the job she took: both saves are on screen at once.
    log_in(
        page,
        live_server,
        sekar,
        then_open=live_server.url + reverse("editorial_illustrate", args=[job.pk]),
    )
    done = page.get_by_role("button", name="Simpan dan tandai selesai")
    expect(done).to_be_visible()
    assert in_viewport(page, done)
    assert in_viewport(page, page.get_by_role("button", name="Simpan ilustrasi"))

    # --- She chooses her picture and, without scrolling back, marks the job done.
    page.locator("#id_hero_image-chooser").get_by_role(
        "button", name="Pilih sebuah gambar"
    ).click()
    page.locator(".modal").get_by_text("Dua payung di jalan").first.click()
    page.wait_for_selector(".modal", state="hidden")
    assert in_viewport(page, done)
    done.click()
    expect(page.locator(".messages .success")).to_contain_text("disimpan di draf")
    expect(page.locator(".messages .error")).to_have_count(0)

    draft = ArticlePage.objects.get(pk=draft.pk)
    latest = draft.get_latest_revision_as_object()
    assert latest.hero_image.title == "Dua payung di jalan"
    assert draft.current_workflow_state.status == "in_progress"
    assert draft.current_workflow_state.current_task_state.revision == (
        draft.latest_revision
    )
    job.refresh_from_db()
    assert job.status == IllustrationRequest.Status.DONE

    # --- The editor reviewing it sees her picture in what she is asked to approve.
    log_in(page, live_server, eka)
    page.locator("[data-editorial-queue]").get_by_text(TITLE).click()
    page.wait_for_selector("#id_title")
    expect(page.locator("#id_hero_image-chooser")).to_contain_text(
        "Dua payung di jalan"
    )
