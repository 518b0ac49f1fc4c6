"""Admin home panels: "Tulisan saya" for contributors, the review desk for editors."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.models import (
    Comment,
    Page,
    Revision,
    TaskState,
    WorkflowState,
)

from blog.models import ArticlePage, BlogIndexPage
from blog.reads import reads_for
from contributors.models import ContributorPage

from .roles import CONTRIBUTORS

RECENT_LIMIT = 10
# The scheduler publishes every minute; a page later than this is stuck, not waiting.
OVERDUE_AFTER = timedelta(minutes=3)


def page_content_type():
    # Workflow states and revisions of every page type point at Page's content type.
    return ContentType.objects.get_for_model(Page)


class State:
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"

    LABELS = {
        DRAFT: _("Draf"),
        IN_REVIEW: _("Sedang ditinjau"),
        CHANGES_REQUESTED: _("Perlu perbaikan"),
        SCHEDULED: _("Terjadwal"),
        PUBLISHED: _("Terbit"),
    }


@dataclass
class EditorNote:
    text: str
    author: object
    created_at: datetime


@dataclass
class ArticleRow:
    page: Page
    state: str
    scheduled_at: datetime | None
    note: EditorNote | None
    has_unpublished_changes: bool

    @property
    def state_label(self):
        return State.LABELS[self.state]


def _workflow_states_by_page(pages):
    states = WorkflowState.objects.active().filter(
        base_content_type=page_content_type(),
        object_id__in=[str(page.pk) for page in pages],
    )
    return {int(state.object_id): state for state in states}


def _scheduled_by_page(pages):
    revisions = Revision.page_revisions.filter(
        object_id__in=[str(page.pk) for page in pages],
        approved_go_live_at__isnull=False,
    )
    return {int(rev.object_id): rev.approved_go_live_at for rev in revisions}


def latest_editor_note(page, author):
    """The newest word from someone else: a review comment or a comment in the draft."""
    notes = []
    task_state = (
        TaskState.objects.filter(
            workflow_state__base_content_type=page_content_type(),
            workflow_state__object_id=str(page.pk),
            finished_at__isnull=False,
        )
        .exclude(comment="")
        .exclude(finished_by=author)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )
    if task_state is not None:
        notes.append(
            EditorNote(
                task_state.comment, task_state.finished_by, task_state.finished_at
            )
        )
    comment = (
        Comment.objects.filter(page=page)
        .exclude(user=author)
        .select_related("user")
        .order_by("-created_at")
        .first()
    )
    if comment is not None:
        notes.append(EditorNote(comment.text, comment.user, comment.created_at))
    reply_model = Comment.replies.rel.related_model
    reply = (
        reply_model.objects.filter(comment__page=page)
        .exclude(user=author)
        .select_related("user")
        .order_by("-created_at")
        .first()
    )
    if reply is not None:
        notes.append(EditorNote(reply.text, reply.user, reply.created_at))
    return max(notes, key=lambda note: note.created_at, default=None)


def article_rows(user):
    pages = list(
        ArticlePage.objects.filter(owner=user, trash_entry__isnull=True).order_by(
            "-latest_revision_created_at"
        )
    )
    workflow_states = _workflow_states_by_page(pages)
    scheduled = _scheduled_by_page(pages)
    rows = []
    for page in pages:
        workflow_state = workflow_states.get(page.pk)
        if (
            workflow_state
            and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
        ):
            state = State.CHANGES_REQUESTED
        elif workflow_state:
            state = State.IN_REVIEW
        elif page.pk in scheduled:
            state = State.SCHEDULED
        elif page.live:
            state = State.PUBLISHED
        else:
            state = State.DRAFT
        note = latest_editor_note(page, user)
        if (
            note
            and page.last_published_at
            and note.created_at <= page.last_published_at
        ):
            # Feedback that publication has answered is history, not a to-do.
            note = None
        rows.append(
            ArticleRow(
                page=page,
                state=state,
                scheduled_at=scheduled.get(page.pk),
                note=note,
                has_unpublished_changes=page.live and page.has_unpublished_changes,
            )
        )
    return rows


class MyArticlesPanel(Component):
    name = "editorial_my_articles"
    template_name = "editorial/dashboard/my_articles.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        blog_index = BlogIndexPage.objects.first()
        profile = ContributorPage.objects.filter(user=self.user).first()
        rows = article_rows(self.user)
        return {
            "rows": rows,
            "reads": reads_for(row.page.pk for row in rows),
            "new_article_url": (
                reverse(
                    "wagtailadmin_pages:add",
                    args=["blog", "articlepage", blog_index.pk],
                )
                if blog_index
                else None
            ),
            "profile": profile,
            "profile_state": (
                _workflow_states_by_page([profile]).get(profile.pk) if profile else None
            ),
        }


@dataclass
class QueueRow:
    page: Page
    requested_by: object
    submitted_at: datetime
    task_state: TaskState


def review_queue():
    states = (
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            base_content_type=page_content_type(),
        )
        .select_related("requested_by", "current_task_state")
        .order_by("created_at", "pk")
    )
    pages = Page.objects.in_bulk([int(state.object_id) for state in states])
    return [
        QueueRow(
            page=pages[int(state.object_id)].specific_deferred,
            requested_by=state.requested_by,
            submitted_at=state.created_at,
            task_state=state.current_task_state,
        )
        for state in states
        if int(state.object_id) in pages
    ]


def scheduled_pages():
    revisions = (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    pages = Page.objects.in_bulk([int(rev.object_id) for rev in revisions])
    return [
        (pages[int(rev.object_id)].specific_deferred, rev.approved_go_live_at)
        for rev in revisions
        if int(rev.object_id) in pages
    ]


def overdue(scheduled, now):
    """Scheduled pages whose time has passed: the scheduler is not running."""
    return [(page, at) for page, at in scheduled if at <= now - OVERDUE_AFTER]


def pending_invitations():
    """Contributors who have not yet set a password from their invitation."""
    return (
        get_user_model()
        .objects.filter(
            groups__name=CONTRIBUTORS,
            is_active=True,
            password__startswith=UNUSABLE_PASSWORD_PREFIX,
            contributor_profile__isnull=False,
        )
        .select_related("contributor_profile")
        .order_by("date_joined")
    )


def recently_published():
    return (
        ArticlePage.objects.live()
        .filter(last_published_at__isnull=False)
        .order_by("-last_published_at")[:RECENT_LIMIT]
    )


class EditorDeskPanel(Component):
    name = "editorial_desk"
    template_name = "editorial/dashboard/editor_desk.html"
    order = 50

    def get_context_data(self, parent_context=None):
        now = timezone.now()
        scheduled = scheduled_pages()
        published = list(recently_published())
        return {
            "queue": review_queue(),
            "scheduled": scheduled,
            "overdue": overdue(scheduled, now),
            "published": published,
            "reads": reads_for(page.pk for page in published),
            "now": now,
            "add_contributor_url": reverse("editorial_add_contributor"),
            "pending_invitations": pending_invitations(),
            # Rendered from a plain dict: the resend forms need the token passed on.
            "csrf_token": (parent_context or {}).get("csrf_token"),
        }
