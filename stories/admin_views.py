""" "Cerita masuk": the editors' queue of stories, built on Wagtail's generic views.

Editors only (EditorsOnly, registered as the model's permission policy): a
contributor who finds one of these URLs is sent to the dashboard like anywhere
Wagtail refuses. Nothing here can add or edit a story: editors read it, turn it
into a draft, or decline it.
"""

from django import forms
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.permission_policies.base import BasePermissionPolicy

from blog.models import ArticleCredit
from editorial.illustration import editors
from editorial.permissions import is_editor
from importer.parsing import UnreadableText
from importer.views import HIDDEN, match_for, preview_blocks

from .models import StorySettings, StorySubmission
from .reading import decline, make_draft, parse_story, story_credits


class EditorsOnly(BasePermissionPolicy):
    """Editors may read the queue and decide; nobody adds or edits a story here."""

    def user_has_permission(self, user, action):
        return action == "view" and is_editor(user)

    def user_has_any_permission(self, user, actions):
        return "view" in actions and is_editor(user)

    def users_with_any_permission(self, actions):
        ids = [user.pk for user in editors()] if "view" in actions else []
        return self.auth_model.objects.filter(pk__in=ids)

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


class WaitedColumn(Column):
    """How long the story has waited for a decision (or waited, once decided)."""

    def get_value(self, instance):
        end = instance.decided_at or timezone.now()
        return timesince(instance.received_at, end, depth=1)


class QueueView(IndexView):
    default_ordering = "received_at"

    def get_base_queryset(self):
        # Undecided stories first, the longest waiting at the top.
        return (
            super()
            .get_base_queryset()
            .defer("text", "file_data", "picture_data", "contact")
            .order_by("decided_at", "received_at")
        )


class DeclineForm(forms.Form):
    message = forms.CharField(
        label=gettext_lazy("Pesan untuk pengirim"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=gettext_lazy(
            "Dikirim ke e-mailnya bila ia meninggalkan e-mail. Ubah sesuai ceritanya."
        ),
    )


class StoryView(InspectView):
    """The story as Serambi understood it, the contact for editors, the two actions."""

    template_name = "stories/admin/story.html"

    def get_page_title(self):
        return _("Cerita masuk")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        story = self.object
        try:
            parsed = parse_story(story)
        except UnreadableText as error:
            parsed, unreadable = None, str(error)
        else:
            unreadable = ""
        settings = StorySettings.for_request(self.request)
        profile = match_for(self.request, story.name)
        context.update(
            {
                "story": story,
                "parsed": parsed,
                "unreadable": unreadable,
                "blocks": preview_blocks(parsed) if parsed else [],
                "credits": [
                    (ArticleCredit.Role(credit.role).label, credit.name)
                    for credit in (story_credits(story, parsed) if parsed else [])
                ],
                "profile": None if profile == HIDDEN else profile,
                "waited": timesince(story.received_at, story.decided_at, depth=2),
                "decline_form": DeclineForm(
                    initial={"message": settings.declined_message}
                ),
                "retention_days": settings.retention_days,
            }
        )
        return context


def _editor_story(request, pk):
    if not is_editor(request.user):
        return None
    return get_object_or_404(StorySubmission, pk=pk)


def _undecided(request, pk):
    """(story, None) when an editor may decide it now, else (None, the answer)."""
    story = _editor_story(request, pk)
    if story is None:
        return None, permission_denied(request)
    if story.status != StorySubmission.Status.NEW:
        messages.error(request, _("Cerita ini sudah diputuskan."))
        return None, redirect("stories:inspect", pk)
    return story, None


@require_POST
def to_draft(request, pk):
    story, refused = _undecided(request, pk)
    if refused:
        return refused
    try:
        page = make_draft(
            story,
            request.user,
            accepted_message=StorySettings.for_request(request).accepted_message,
        )
    except UnreadableText as error:
        messages.error(request, str(error))
        return redirect("stories:inspect", pk)
    messages.success(
        request,
        _("Cerita “%(title)s” menjadi draf. Sunting lalu terbitkan seperti biasa.")
        % {"title": page.title},
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


@require_POST
def to_declined(request, pk):
    story, refused = _undecided(request, pk)
    if refused:
        return refused
    form = DeclineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tulis pesan untuk pengirim sebelum menolak."))
        return redirect("stories:inspect", pk)
    decline(story, request.user, form.cleaned_data["message"])
    messages.success(request, _("Cerita ditolak; pengirim diberi kabar bila bisa."))
    return redirect("stories:index")


@never_cache
def picture(request, pk):
    """Her picture, for editors only; never a public file."""
    story = _editor_story(request, pk)
    if story is None or not story.picture_data:
        return permission_denied(request) if story is None else HttpResponse(status=404)
    response = HttpResponse(
        bytes(story.picture_data), content_type="application/octet-stream"
    )
    response["Content-Type"] = image_type(story.picture_name)
    response["Cache-Control"] = "private, no-store"
    return response


def image_type(name):
    extension = name.rsplit(".", 1)[-1].lower()
    return {
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "png": "image/png",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "heic": "image/heic",
        "heif": "image/heif",
    }.get(extension, "application/octet-stream")


COLUMNS = [
    DateColumn("received_at", label=gettext_lazy("Diterima")),
    WaitedColumn("waited", label=gettext_lazy("Menunggu")),
    Column("name", label=gettext_lazy("Nama")),
    Column("status", label=gettext_lazy("Status"), accessor="get_status_display"),
]
