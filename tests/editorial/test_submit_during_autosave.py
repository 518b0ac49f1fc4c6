"""A submit that overtakes the autosave which created the page is not lost.

On a slow phone, Wagtail's autosave POSTs the new article to the create view; until
its answer arrives, the form still points there. If she presses "Ajukan untuk
ditinjau" meanwhile, the submit goes to the create view too, whose slug is now taken
by the page the autosave made: without help it answers with a validation error and
her submit is lost. These are the browser's two requests, in that order.
"""

from django.urls import reverse

from wagtail.models import WorkflowState

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticlePage

from .conftest import article_data, draft_by

pytestmark = pytest.mark.django_db

AUTOSAVE = {"HTTP_ACCEPT": "application/json"}


def add_url(blog_index):
    return reverse(
        "wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]
    )


def autosave(client, blog_index, alya, **fields):
    response = client.post(
        add_url(blog_index),
        article_data(alya.profile_page, action=None, **fields),
        **AUTOSAVE,
    )
    assert response.status_code == 200
    assert response.json()["success"] is True
    return ArticlePage.objects.get(pk=response.json()["pk"])


def submit_lands_on(autosaved, as_alya, alya, blog_index):
    """Her submit, with a new first sentence: it goes to the autosaved page, which
    is then in review, and no second page is made. Returns that page."""
    response = as_alya.post(
        add_url(blog_index),
        article_data(alya.profile_page, standfirst="Kalimat pembuka yang baru."),
    )

    assertRedirects(response, reverse("wagtailadmin_home"))
    assert list(ArticlePage.objects.values_list("pk", flat=True)) == [autosaved.pk]
    submitted = ArticlePage.objects.get(pk=autosaved.pk)
    assert submitted.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return submitted


def test_submit_overtaking_the_autosave_submits_the_autosaved_page(
    as_alya, alya, blog_index
):
    autosaved = autosave(as_alya, blog_index, alya)
    assert not autosaved.live

    # Her submit, sent before the autosave's answer moved the form to the edit view.
    submitted = submit_lands_on(autosaved, as_alya, alya, blog_index)
    latest = submitted.get_latest_revision_as_object()
    assert latest.standfirst == "Kalimat pembuka yang baru."


def test_the_autosave_request_itself_is_never_taken_for_a_submit(
    as_alya, alya, blog_index
):
    autosave(as_alya, blog_index, alya)

    # A second autosave to the create view (a retry whose first answer was lost)
    # is Wagtail's own business: a JSON error, no second page.
    response = as_alya.post(
        add_url(blog_index), article_data(alya.profile_page, action=None), **AUTOSAVE
    )

    assert response.status_code == 400
    assert response.json()["error_code"] == "validation_error"
    assert ArticlePage.objects.count() == 1


def test_an_older_draft_with_the_same_title_is_left_alone(as_alya, alya, blog_index):
    """Only the page this browser session's autosave made is taken over."""
    older = draft_by(
        alya, blog_index, title="Belajar meminta tolong", slug="belajar-meminta-tolong"
    )

    response = as_alya.post(add_url(blog_index), article_data(alya.profile_page))

    assert response.status_code == 200
    assert "belajar-meminta-tolong" in response.content.decode()
    assert ArticlePage.objects.get().pk == older.pk
    assert ArticlePage.objects.get().current_workflow_state is None


def test_once_the_form_has_moved_to_the_edit_view_a_new_article_is_new(
    as_alya, alya, blog_index
):
    autosaved = autosave(as_alya, blog_index, alya)
    # The autosave's answer arrived: later autosaves go to the edit view.
    response = as_alya.post(
        reverse("wagtailadmin_pages:edit", args=[autosaved.pk]),
        article_data(alya.profile_page, action=None),
        **AUTOSAVE,
    )
    assert response.status_code == 200

    # A new article of hers under the same title is not her first one.
    response = as_alya.post(add_url(blog_index), article_data(alya.profile_page))

    assert response.status_code == 200
    assert ArticlePage.objects.count() == 1
    assert ArticlePage.objects.get().current_workflow_state is None


def test_a_submit_that_read_her_session_before_the_autosave_saved_it_still_lands(
    as_alya, alya, blog_index, monkeypatch
):
    """Both requests in flight at once: the submit read her session before the
    autosave stored its memory. Create POSTs run one at a time and read the session
    again under the lock, so the submit still reaches the autosaved page."""
    from django.contrib.sessions.backends.db import SessionStore

    stale = SessionStore(as_alya.session.session_key).load()
    autosaved = autosave(as_alya, blog_index, alya)
    real_load = SessionStore.load
    loads = []

    def first_load_is_stale(store):
        loads.append(store)
        return dict(stale) if len(loads) == 1 else real_load(store)

    monkeypatch.setattr(SessionStore, "load", first_load_is_stale)
    submit_lands_on(autosaved, as_alya, alya, blog_index)
