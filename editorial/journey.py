"""Where a contributor stands, said plainly in the page editor.

Wagtail's editor speaks of workflows ("Batalkan alur kerja", "Restart alur kerja",
"Pengajuan ulang ke Persetujuan redaksi") and leaves her in the page explorer after
she submits. A contributor gets one action to submit and one to resubmit, the
editor's request for changes at the top of the page, and goes back to "Tulisan saya"
once her article is on its way.
"""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import (
    CancelWorkflowMenuItem,
    RestartWorkflowMenuItem,
    SubmitForModerationMenuItem,
)
from wagtail.admin.menu import MenuItem
from wagtail.models import TaskState, WorkflowState

from blog.models import ArticlePage

from .permissions import is_editor

WORKFLOW_JARGON = (CancelWorkflowMenuItem, RestartWorkflowMenuItem)


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page and page.pk else None
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            context["label"] = _("Ajukan ulang untuk ditinjau")
        else:
            context["label"] = _("Ajukan untuk ditinjau")
        return context


@hooks.register("construct_page_action_menu")
def plain_submit_for_contributors(menu_items, request, context):
    if is_editor(request.user):
        return
    menu_items[:] = [
        SubmitForReviewMenuItem(order=item.order)
        if isinstance(item, SubmitForModerationMenuItem)
        else item
        for item in menu_items
        if not isinstance(item, WORKFLOW_JARGON)
    ]
    # What she writes an article for is to send it to the editors: that is the action
    # bar's own button (Wagtail shows the first item there), one tap on a phone;
    # "Simpan draf" moves into the menu beside it (and her work saves itself).
    submit = [item for item in menu_items if isinstance(item, SubmitForReviewMenuItem)]
    if submit and _is_article(request, context):
        menu_items.remove(submit[0])
        menu_items.insert(0, submit[0])


def _is_article(request, context):
    page = context.get("page")
    if page is not None:
        return isinstance(page, ArticlePage)
    # The create view names the page type in its URL only.
    match = request.resolver_match
    return match is not None and (
        match.kwargs.get("content_type_app_name"),
        match.kwargs.get("content_type_model_name"),
    ) == (ArticlePage._meta.app_label, ArticlePage._meta.model_name)


def changes_requested(page):
    """The finished review step that asked for changes, if that is where it stands."""
    state = page.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    return (
        TaskState.objects.filter(workflow_state=state, status=TaskState.STATUS_REJECTED)
        .select_related("finished_by")
        .order_by("-finished_at")
        .first()
    )


@hooks.register("before_edit_page")
def show_the_editors_request(request, page):
    if request.method != "GET":
        return
    rejected = changes_requested(page)
    if rejected is None:
        return
    reviewer = rejected.finished_by
    values = {
        "name": (reviewer.get_full_name() or reviewer.get_username())
        if reviewer
        else _("redaksi"),
        "date": formats.date_format(
            timezone.localtime(rejected.finished_at), "j F Y, H:i"
        ),
    }
    if rejected.comment:
        text = _(
            "Redaksi meminta perbaikan (%(name)s, %(date)s): “%(comment)s” "
            "Setelah memperbaikinya, pilih “Ajukan ulang untuk ditinjau”."
        ) % {**values, "comment": rejected.comment}
    else:
        text = (
            _(
                "Redaksi meminta perbaikan (%(name)s, %(date)s). Lihat komentar di "
                "tulisan, lalu pilih “Ajukan ulang untuk ditinjau”."
            )
            % values
        )
    messages.warning(request, text)


def _back_to_her_desk(request, page):
    if "action-submit" in request.POST and not is_editor(request.user):
        return redirect("wagtailadmin_home")
    return None


hooks.register("after_create_page", _back_to_her_desk)
hooks.register("after_edit_page", _back_to_her_desk)


def guide(request):
    """Serambi's own guide, in the admin's language, in place of Wagtail's English one."""
    language = "en" if (get_language() or "").startswith("en") else "id"
    return TemplateResponse(
        request,
        "editorial/guide.html",
        {
            "guide_template": f"editorial/guide/{language}.html",
            "page_title": _("Panduan Serambi"),
            "header_title": _("Panduan Serambi"),
            "header_icon": "help",
        },
    )


@hooks.register("register_admin_urls")
def guide_urls():
    return [path("panduan/", guide, name="editorial_guide")]


@hooks.register("construct_help_menu")
def our_guide_in_the_help_menu(request, menu_items):
    # Wagtail's entries open its English manual and release notes on another site.
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in {"editor-guide"} and not item.name.startswith("whats-new")
    ]
    menu_items.insert(
        0,
        MenuItem(
            _("Panduan Serambi"),
            reverse("editorial_guide"),
            icon_name="help",
            name="serambi-guide",
            order=100,
        ),
    )
