"""An approval that says "approved" publishes; when it cannot, the editor is told.

The review-cycle browser test once ended with the editor's "Setujui" answered by a
success message and nothing live. The cause: her autosave, still in flight when she
pressed "Ajukan ulang untuk ditinjau", overwrote its own older revision after the
submit had put the review on a newer one; that older revision became the page's
latest without the review hearing of it, and Wagtail (with
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT) treated the editor's approval as one of
an outdated revision: it started the step again and published nothing.
"""

from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

import pytest
from pytest_django.asserts import assertRedirects

from blog.models import ArticlePage

from .conftest import add_url, article_data, edit_url

pytestmark = pytest.mark.django_db


def approve_url(page):
    page = ArticlePage.objects.get(pk=page.pk)
    return reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", page.current_workflow_task_state.pk],
    )


def test_a_late_autosave_that_overwrites_her_older_revision_goes_to_review(
    client, alya, eka, blog_index
):
    client.force_login(alya)
    # Her first autosave: a draft revision of her own.
    client.post(add_url(blog_index), article_data(alya.profile_page, action=None))
    page = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    autosaved = page.latest_revision
    # The autosave's request read the page before her submit...
    stale = Page.objects.get(pk=page.pk).specific
    client.post(edit_url(page), article_data(alya.profile_page))
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    # ...and writes after it, overwriting its own revision.
    stale.standfirst = "Pembuka dari autosave yang datang terlambat."
    stale.save_revision(user=alya, overwrite_revision=autosaved, clean=False)

    page = ArticlePage.objects.get(pk=page.pk)
    assert page.latest_revision == autosaved
    assert page.current_workflow_task_state.revision == autosaved

    client.force_login(eka)
    client.post(approve_url(page), {"comment": ""})
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.live
    assert page.standfirst == "Pembuka dari autosave yang datang terlambat."


def unchanged_form(page, **extra):
    """The edit form exactly as the editor's browser sends it back untouched."""
    credits = list(page.credits.all())
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "standfirst": page.standfirst,
            "body": streamfield(
                [
                    (
                        child.block_type,
                        rich_text(child.value.source)
                        if child.block_type == "paragraph"
                        else child.value,
                    )
                    for child in page.body
                ]
            ),
            "credits": inline_formset(
                [
                    {
                        "id": credit.pk,
                        "contributor": credit.contributor_id,
                        "role": credit.role,
                    }
                    for credit in credits
                ],
                initial=len(credits),
                min=1,
            ),
            "tags": "",
            "comments": inline_formset([]),
        }
    )
    for index, child in enumerate(page.body):
        data[f"body-{index}-id"] = child.id
    for index in range(len(credits)):
        # Django numbers an ordered formset's rows from 1.
        data[f"credits-{index}-ORDER"] = str(index + 1)
    data.update(extra)
    return data


def test_an_approval_that_publishes_nothing_tells_the_editor(
    client, alya, eka, blog_index
):
    client.force_login(alya)
    client.post(add_url(blog_index), article_data(alya.profile_page, action=None))
    page = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    older = page.latest_revision
    client.post(
        edit_url(page), article_data(alya.profile_page, standfirst="Pembuka baru.")
    )
    # The review waits on her newest revision while the page names an older one
    # its latest: the state two racing writes left before they ran in turn.
    ArticlePage.objects.filter(pk=page.pk).update(latest_revision=older)
    shown = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()

    client = Client()
    client.force_login(eka)
    response = client.post(
        edit_url(page),
        unchanged_form(
            shown,
            **{
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": "{}",
            },
        ),
    )

    assert not ArticlePage.objects.get(pk=page.pk).live
    assertRedirects(response, edit_url(page), fetch_redirect_response=False)
    # What she reads on the page she is sent back to.
    shown_page = client.get(edit_url(page)).content.decode()
    assert "Belum terbit: tulisan ini berubah saat Anda meninjaunya" in shown_page
    assert "telah diperbarui" not in shown_page
    # Told, she approves what she now sees, and it is published.
    client.post(approve_url(page), {"comment": ""})
    assert ArticlePage.objects.get(pk=page.pk).live
