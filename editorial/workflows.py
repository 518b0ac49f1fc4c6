"""Integrity of the review: what an editor approved is exactly what goes live.

Wagtail imports WAGTAIL_FINISH_WORKFLOW_ACTION while it defines its own models, so
this module imports wagtail.models only inside functions.
"""

from contextvars import ContextVar

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

# Set while an approval publishes, so the publication e-mail is not sent on top of
# the approval e-mail that already says the article is live.
publishing_approved_revision = ContextVar("publishing_approved_revision", default=False)


def publish_approved_revision(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish the revision the reviewer approved.

    Wagtail's default publishes the latest revision, which need not be the one that
    was reviewed. Every edit during review restarts the review on the new revision
    (see `send_edits_back_for_review`), so the two agree; publishing the reviewed one
    keeps that true for revisions made any other way.
    """
    task_state = workflow_state.current_task_state
    revision = (
        task_state.revision
        if task_state is not None and task_state.revision_id
        else workflow_state.content_object.get_latest_revision()
    )
    token = publishing_approved_revision.set(True)
    try:
        revision.publish(user=user)
    finally:
        publishing_approved_revision.reset(token)


def send_edits_back_for_review(sender, instance, created, raw=False, **kwargs):
    """post_save of Revision: an edit made during review needs its own approval.

    The review task restarts on the new revision, so an approval given for what the
    reviewer saw cannot publish something else: approving the old task state is
    refused. The restart is quiet (no new "submitted" e-mail): the article stays in
    the queue with its original waiting time, and only editors can edit during review.
    """
    from wagtail.models import TaskState, WorkflowState

    if raw:
        return
    update_fields = kwargs.get("update_fields")
    if not created and update_fields is not None and "content" not in update_fields:
        return
    workflow_state = (
        WorkflowState.objects.filter(
            base_content_type_id=instance.base_content_type_id,
            object_id=instance.object_id,
            status=WorkflowState.STATUS_IN_PROGRESS,
        )
        .select_related("current_task_state")
        .first()
    )
    if workflow_state is None or workflow_state.current_task_state is None:
        return
    task_state = workflow_state.current_task_state
    if task_state.status != TaskState.STATUS_IN_PROGRESS:
        return
    # An autosave that overwrites an older revision of hers makes that one the
    # latest: it needs the review as much as a new one does.
    restart_review(workflow_state, task_state, instance)


@transaction.atomic
def restart_review(workflow_state, task_state, revision):
    from wagtail.models import TaskState

    task_state.status = TaskState.STATUS_CANCELLED
    task_state.finished_at = timezone.now()
    task_state.finished_by = revision.user
    task_state.save(update_fields=["status", "finished_at", "finished_by"])

    task = task_state.task.specific
    new_state = task.get_task_state_class()(workflow_state=workflow_state)
    new_state.status = TaskState.STATUS_IN_PROGRESS
    new_state.revision = revision
    new_state.task = task
    new_state.save()
    workflow_state.current_task_state = new_state
    workflow_state.save(update_fields=["current_task_state"])


def approval_that_published_nothing(request, page):
    """after_edit_page: an approval from the page editor that did not end the review.

    Wagtail says "approved" once the task is, whether or not the review then ends: with
    WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT, an approval of a revision that is no
    longer the latest (a newer one came in while she read) starts the step again and
    publishes nothing. The editor is told, on the page, instead of sent away with a
    success message.
    """
    from wagtail.models import WorkflowState

    if (
        request.method != "POST"
        or not request.POST.get("action-workflow-action")
        or request.POST.get("workflow-action-name") != "approve"
    ):
        return None
    state = (
        WorkflowState.objects.filter(
            base_content_type_id=page.get_base_content_type().pk,
            object_id=str(page.pk),
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None or state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None
    # Drop the "approved" message Wagtail queued; keep any other.
    storage = messages.get_messages(request)
    kept = [message for message in storage if message.level != messages.SUCCESS]
    for message in kept:
        messages.add_message(
            request, message.level, message.message, message.extra_tags
        )
    messages.error(
        request,
        _(
            "Belum terbit: tulisan ini berubah saat Anda meninjaunya, jadi persetujuan "
            "Anda belum berlaku. Periksa versi terbaru di bawah, lalu pilih "
            "“Setujui” lagi."
        ),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
