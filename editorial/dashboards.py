"""Admin home panels: "Tulisan saya" for contributors, the review desk for editors."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.fields.json import KeyTextTransform
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

from blog.models import ArticleCredit, ArticlePage, BlogIndexPage
from blog.reads import reads_for
from contributors.models import ContributorPage

from .illustration import may_take
from .models import IllustrationRequest
from .roles import contributor_accounts
from .tables import (
    illustration_requests_table,
    my_articles_table,
    pending_invitations_table,
    published_table,
    review_queue_table,
    scheduled_table,
)

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
    illustration_request: IllustrationRequest | None = None
    is_illustrator: bool = False
    is_owner: bool = True

    @property
    def title(self):
        # Hers to see (she owns, is credited or draws it): the draft's title.
        return self.page.draft_title

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


def _newest_by_page(rows, page_of):
    """The first row for each page of rows ordered newest first."""
    newest = {}
    for row in rows:
        newest.setdefault(page_of(row), row)
    return newest


def latest_editor_notes(pages, author):
    """The newest word from someone else on each page: a review comment, a comment in
    the draft or a reply to one. Three queries, however many pages."""
    page_ids = [page.pk for page in pages]
    task_states = _newest_by_page(
        TaskState.objects.filter(
            workflow_state__base_content_type=page_content_type(),
            workflow_state__object_id__in=[str(pk) for pk in page_ids],
            finished_at__isnull=False,
        )
        .exclude(comment="")
        .exclude(finished_by=author)
        .select_related("finished_by", "workflow_state")
        .order_by("-finished_at"),
        lambda state: int(state.workflow_state.object_id),
    )
    comments = _newest_by_page(
        Comment.objects.filter(page_id__in=page_ids)
        .exclude(user=author)
        .select_related("user")
        .order_by("-created_at"),
        lambda comment: comment.page_id,
    )
    reply_model = Comment.replies.rel.related_model
    replies = _newest_by_page(
        reply_model.objects.filter(comment__page_id__in=page_ids)
        .exclude(user=author)
        .select_related("user", "comment")
        .order_by("-created_at"),
        lambda reply: reply.comment.page_id,
    )
    notes = {}
    for pk in page_ids:
        candidates = []
        if (state := task_states.get(pk)) is not None:
            candidates.append(
                EditorNote(state.comment, state.finished_by, state.finished_at)
            )
        for item in (comments.get(pk), replies.get(pk)):
            if item is not None:
                candidates.append(EditorNote(item.text, item.user, item.created_at))
        notes[pk] = max(candidates, key=lambda note: note.created_at, default=None)
    return notes


def my_articles(user):
    """Hers: owned, credited (as published) or taken to illustrate."""
    return (
        ArticlePage.objects.filter(
            Q(owner=user)
            | Q(
                pk__in=ArticleCredit.objects.filter(contributor__user=user).values(
                    "page_id"
                )
            )
            | Q(illustration_request__illustrator=user),
            trash_entry__isnull=True,
        )
        .select_related("illustration_request")
        .order_by("-latest_revision_created_at", "-pk")
    )


def article_rows(user):
    pages = list(my_articles(user))
    workflow_states = _workflow_states_by_page(pages)
    scheduled = _scheduled_by_page(pages)
    notes = latest_editor_notes(pages, user)
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
        note = notes[page.pk]
        if (
            note
            and page.last_published_at
            and note.created_at <= page.last_published_at
        ):
            # Feedback that publication has answered is history, not a to-do.
            note = None
        illustration_request = getattr(page, "illustration_request", None)
        rows.append(
            ArticleRow(
                page=page,
                state=state,
                scheduled_at=scheduled.get(page.pk),
                note=note,
                has_unpublished_changes=page.live and page.has_unpublished_changes,
                illustration_request=illustration_request,
                is_illustrator=bool(
                    illustration_request
                    and illustration_request.illustrator_id == user.pk
                ),
                is_owner=page.owner_id == user.pk,
            )
        )
    return rows


def waiting_for_illustration(user):
    """Open requests on other people's drafts: what an illustrator may see of them
    (the title, the opening lines and the brief), never the body."""
    return list(
        IllustrationRequest.objects.filter(
            status=IllustrationRequest.Status.OPEN,
            article__trash_entry__isnull=True,
        )
        .exclude(article__owner=user)
        .select_related("article")
        .defer("article__body")
        # The opening lines as the latest draft has them, not its whole content.
        .annotate(
            intro=KeyTextTransform("standfirst", "article__latest_revision__content")
        )
        .order_by("deadline", "created_at", "pk")
    )


def illustration_requests_for_editors():
    return list(
        IllustrationRequest.objects.filter(article__trash_entry__isnull=True)
        .exclude(status=IllustrationRequest.Status.DONE)
        .select_related("article", "illustrator__contributor_profile")
        .defer("article__body")
        .order_by("deadline", "created_at", "pk")
    )


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
            "table": my_articles_table(rows, reads_for(row.page.pk for row in rows)),
            "new_article_url": (
                reverse(
                    "wagtailadmin_pages:add",
                    args=["blog", "articlepage", blog_index.pk],
                )
                if blog_index
                else None
            ),
            "profile": profile,
            "waiting": waiting_for_illustration(self.user)
            if may_take(self.user)
            else [],
            "csrf_token": (parent_context or {}).get("csrf_token"),
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
        contributor_accounts()
        .filter(password__startswith=UNUSABLE_PASSWORD_PREFIX)
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
            "queue_table": review_queue_table(review_queue(), now),
            "scheduled_table": scheduled_table(scheduled),
            "overdue": overdue(scheduled, now),
            "published_table": published_table(
                published, reads_for(page.pk for page in published)
            ),
            "add_contributor_url": reverse("editorial_add_contributor"),
            "pending_invitations_table": pending_invitations_table(
                pending_invitations()
            ),
            "illustration_requests_table": illustration_requests_table(
                illustration_requests_for_editors()
            ),
            # Rendered from a plain dict: the resend forms take their token from it.
            "request": (parent_context or {}).get("request"),
        }
