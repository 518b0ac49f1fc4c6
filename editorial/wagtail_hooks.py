from django.http import HttpResponseForbidden
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.models import Page

from contributors.admin_titles import MAY_SEE_PRIVATE_HOOK
from contributors.hooks import PERMISSION_TESTER_HOOK
from contributors.models import ContributorPage

from . import (
    autosave_race,  # noqa: F401  (registers its own hooks)
    calendar_views,
    illustration_views,  # noqa: F401  (registers its own hooks)
    journey,  # noqa: F401  (registers its own hooks)
    privacy,
    schedule_messages,  # noqa: F401  (registers its own hooks)
    trash_admin,  # noqa: F401  (registers its own hooks)
    views,
    workflows,
)
from .dashboards import EditorDeskPanel, MyArticlesPanel
from .permissions import (
    ContributorPagePermissionTester,
    is_contributor,
    is_editor,
    pages_visible_to,
)


@hooks.register("register_admin_urls")
def register_editorial_urls():
    return [
        path(
            "redaksi/kontributor/tambah/",
            views.add_contributor,
            name="editorial_add_contributor",
        ),
        path(
            "redaksi/kontributor/<int:user_id>/undang-ulang/",
            views.resend_invitation,
            name="editorial_resend_invitation",
        ),
        path("kalender/", calendar_views.calendar_view, name="editorial_calendar"),
        path(
            "kalender/umpan/ganti/",
            calendar_views.reset_feed,
            name="editorial_calendar_feed_reset",
        ),
    ]


class EditorsOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return views.can_add_contributors(request.user)


@hooks.register("register_admin_menu_item")
def add_contributor_menu_item():
    return EditorsOnlyMenuItem(
        _("Tambah kontributor"),
        reverse("editorial_add_contributor"),
        icon_name="user",
        name="editorial-add-contributor",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def calendar_menu_item():
    return MenuItem(
        _("Kalender"),
        reverse("editorial_calendar"),
        icon_name="date",
        name="editorial-calendar",
        order=240,
    )


class MyProfileMenuItem(MenuItem):
    def is_shown(self, request):
        return ContributorPage.objects.filter(user_id=request.user.pk).exists()

    def get_context(self, request):
        context = super().get_context(request)
        page = ContributorPage.objects.filter(user_id=request.user.pk).first()
        if page is not None:
            context["url"] = reverse("wagtailadmin_pages:edit", args=[page.pk])
        return context


@hooks.register("register_admin_menu_item")
def my_profile_menu_item():
    return MyProfileMenuItem(
        _("Profil saya"),
        reverse("wagtailadmin_home"),
        icon_name="user",
        name="editorial-my-profile",
        order=260,
    )


# An approval that published nothing says so (see editorial.workflows).
hooks.register("after_edit_page", workflows.approval_that_published_nothing)


@hooks.register("insert_global_admin_css")
def phone_admin_css():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("css/phone_admin.css")
    )


@hooks.register("insert_global_admin_js")
def phone_admin_js():
    return format_html('<script src="{}" defer></script>', static("js/phone_admin.js"))


@hooks.register("construct_homepage_panels")
def editorial_panels(request, panels):
    user = request.user
    if is_editor(user):
        # The desk replaces Wagtail's own moderation list (same data, oldest first).
        panels[:] = [
            p for p in panels if not isinstance(p, WorkflowObjectsToModeratePanel)
        ]
        panels.append(EditorDeskPanel())
    elif is_contributor(user):
        # "Tulisan saya" shows her articles in review along with everything else.
        panels[:] = [
            p for p in panels if not isinstance(p, UserObjectsInWorkflowModerationPanel)
        ]
        panels.append(MyArticlesPanel(user))


@hooks.register("construct_page_chooser_queryset")
def hide_other_contributors_drafts_in_chooser(pages, request):
    # The explorer and search are narrowed by EditorialPagePermissionPolicy; the
    # chooser lists every page, so it is narrowed here.
    return pages_visible_to(request.user, pages)


@hooks.register("construct_reports_menu")
def reports_for_editors_only(request, menu_items):
    # The reports (site history, workflows, locked pages, ageing pages) list titles
    # of every page in the sections a user may add to, drafts included.
    if not is_editor(request.user):
        menu_items[:] = []


def _locked_for(request, page):
    lock = page.get_lock()
    return lock is not None and lock.for_user(request.user)


def _refuse_locked(request, page):
    # Wagtail blocks editing a page someone else locked, but not deleting or moving
    # it: the lock protects the page as a whole.
    if _locked_for(request, page):
        messages.error(
            request,
            _("'%(title)s' dikunci oleh orang lain dan tidak bisa diubah.")
            % {"title": page.get_admin_display_title()},
        )
        return HttpResponseForbidden(
            _("Halaman ini dikunci oleh orang lain."), content_type="text/plain"
        )
    return None


@hooks.register("before_delete_page")
def refuse_deleting_locked_page(request, page):
    return _refuse_locked(request, page)


@hooks.register("before_move_page")
def refuse_moving_locked_page(request, page, destination):
    return _refuse_locked(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_actions_on_locked_pages(request, action_type, objects, view):
    if action_type in {"delete", "move", "unpublish", "publish"}:
        for obj in objects:
            if isinstance(obj, Page) and (response := _refuse_locked(request, obj)):
                return response
    return None


# --- Privacy: real names and drafts (see editorial/privacy.py) -----------------------
hooks.register(MAY_SEE_PRIVATE_HOOK, privacy.may_current_viewer_see_private)


@hooks.register("register_admin_viewset", order=100)
def register_private_page_viewset():
    # After Wagtail's base page viewset (order 0), which this one replaces.
    return privacy.PrivatePageViewSet()


for _action in privacy.private_bulk_actions():
    # After Wagtail's own (order 0), so that ours replace them in the registry.
    hooks.register("register_bulk_action", _action, order=100)

# She edits her own profile though an editor created it (see editorial.permissions).
hooks.register(PERMISSION_TESTER_HOOK, ContributorPagePermissionTester)
