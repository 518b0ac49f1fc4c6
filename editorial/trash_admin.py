"""The trash in the admin: the delete views move pages there; editors restore them.

Imported by wagtail_hooks, which registers the hooks below.
"""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_POST

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from . import trash
from .models import TrashCanPage, TrashedPage
from .tables import trash_table

# Run after the lock checks in wagtail_hooks (order 0): a locked page stays put.
AFTER_LOCK_CHECKS = 100


def _refused(request, messages_, status, page=None):
    return TemplateResponse(
        request,
        "editorial/trash/refused.html",
        {
            "page_title": _("Tidak bisa"),
            "header_icon": "warning",
            "refusals": messages_,
            "page": page,
            "back_url": get_valid_next_url_from_request(request)
            or (
                reverse("wagtailadmin_explore", args=[page.get_parent().pk])
                if page is not None
                else reverse("wagtailadmin_home")
            ),
        },
        status=status,
    )


# --- Deleting moves to the trash ----------------------------------------------------


@hooks.register("before_delete_page", order=AFTER_LOCK_CHECKS)
def trash_instead_of_deleting(request, page):
    if not trash.is_trashable(page):
        # Other page types, and a page already in the trash (a superuser deleting
        # it for good), take Wagtail's own delete.
        return None
    parent_id = page.get_parent().pk
    if request.method == "POST":
        try:
            trash.move_to_trash(page, request.user)
        except trash.TrashRefused as refusal:
            return _refused(request, [str(refusal)], status=409, page=page)
        buttons = []
        if trash.can_use_trash(request.user):
            buttons.append(
                messages.button(reverse("editorial_trash"), _("Buka tempat sampah"))
            )
        messages.success(
            request,
            _("'%(title)s' dipindahkan ke tempat sampah.")
            % {"title": page.get_admin_display_title()},
            buttons=buttons,
        )
        return redirect(
            get_valid_next_url_from_request(request)
            or reverse("wagtailadmin_explore", args=[parent_id])
        )
    try:
        trash.check_trashable(page)
    except trash.TrashRefused as refusal:
        return _refused(request, [str(refusal)], status=409, page=page)
    return TemplateResponse(
        request,
        "editorial/trash/confirm_trash.html",
        {
            "page_title": _("Hapus %(title)s")
            % {"title": page.get_admin_display_title()},
            "header_icon": "bin",
            "page": page,
            "next": get_valid_next_url_from_request(request),
            "retention_days": trash.retention_days(),
        },
    )


@hooks.register("before_bulk_action", order=AFTER_LOCK_CHECKS)
def trash_instead_of_bulk_deleting(request, action_type, objects, view):
    if action_type != "delete":
        return None
    pages = [obj for obj in objects if isinstance(obj, Page)]
    to_trash = [page for page in pages if trash.is_trashable(page)]
    if not to_trash:
        return None
    refusals = []
    for page in to_trash:
        try:
            trash.check_trashable(page)
        except trash.TrashRefused as refusal:
            refusals.append(str(refusal))
    if refusals:
        return _refused(request, refusals, status=409)
    for page in pages:
        if page in to_trash:
            trash.move_to_trash(page, request.user)
        else:
            # As Wagtail's bulk delete does; the view checked can_delete() for each.
            page.delete(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d halaman dipindahkan ke tempat sampah.",
            "%(count)d halaman dipindahkan ke tempat sampah.",
            len(to_trash),
        )
        % {"count": len(to_trash)},
    )
    return redirect(view.next_url)


# --- A page in the trash stays as it is until restored ------------------------------


def _refuse_trashed(request, page):
    if not trash.is_in_trash(page):
        return None
    return _refused(
        request,
        [
            _("'%(title)s' ada di tempat sampah. Pulihkan dulu sebelum mengubahnya.")
            % {"title": page.get_admin_display_title()}
        ],
        status=403,
    )


@hooks.register("before_edit_page")
def refuse_editing_trashed_page(request, page):
    return _refuse_trashed(request, page)


@hooks.register("before_copy_page")
def refuse_copying_trashed_page(request, page):
    return _refuse_trashed(request, page)


@hooks.register("before_move_page")
def refuse_moving_trashed_page(request, page, destination):
    return _refuse_trashed(request, page)


@hooks.register("construct_explorer_page_queryset")
def hide_trash_can_in_explorer(parent_page, pages, request):
    return pages.not_type(TrashCanPage)


def trash_cans_among_children(parent_page):
    """How many of the page's children the hook above hides (the explorer's count
    without counting the children themselves). By the cans' own key: a handful of
    rows, not a walk of the tree's index."""
    prefix, depth = parent_page.path, parent_page.depth + 1
    return sum(
        path.startswith(prefix) and len(path) == depth * Page.steplen
        for path in TrashCanPage.objects.order_by("pk").values_list("path", flat=True)
    )


@hooks.register("construct_page_chooser_queryset")
def hide_trash_in_chooser(pages, request):
    # Nothing may link to or credit a page in the trash. A path prefix, as the
    # chooser's search accepts only lookups on Page's filter fields.
    # By its own key, not by Page's path order (a walk of the whole tree's index).
    can_path = (
        TrashCanPage.objects.order_by("pk").values_list("path", flat=True).first()
    )
    if can_path is None:
        return pages
    return pages.exclude(path__startswith=can_path)


@hooks.register("register_log_actions")
def register_trash_log_actions(actions):
    actions.register_action(
        trash.TRASH_ACTION,
        gettext_lazy("Pindahkan ke tempat sampah"),
        gettext_lazy("Dipindahkan ke tempat sampah"),
    )
    actions.register_action(
        trash.RESTORE_ACTION,
        gettext_lazy("Pulihkan dari tempat sampah"),
        gettext_lazy("Dipulihkan dari tempat sampah"),
    )


# --- The trash views ----------------------------------------------------------------


def _forbidden(request, message):
    return _refused(request, [message], status=403)


def _editors_only(request):
    if trash.can_use_trash(request.user):
        return None
    return _forbidden(request, _("Hanya redaksi yang dapat membuka tempat sampah."))


def _administrators_only(request):
    if trash.can_delete_for_good(request.user):
        return None
    return _forbidden(
        request, _("Hanya administrator yang dapat menghapus halaman secara permanen.")
    )


def trash_index(request):
    if refusal := _editors_only(request):
        return refusal
    can_delete_for_good = trash.can_delete_for_good(request.user)
    entries = TrashedPage.objects.select_related(
        "page__content_type", "parent", "trashed_by"
    )
    return TemplateResponse(
        request,
        "editorial/trash/index.html",
        {
            "page_title": _("Tempat sampah"),
            "header_icon": "bin",
            "table": trash_table(entries, can_delete_for_good),
            "retention_days": trash.retention_days(),
            "can_delete_for_good": can_delete_for_good,
        },
    )


@require_POST
def trash_restore(request, entry_id):
    if refusal := _editors_only(request):
        return refusal
    entry = get_object_or_404(TrashedPage, pk=entry_id)
    try:
        page = trash.restore(entry, request.user)
    except trash.TrashRefused as refusal:
        return _refused(request, [str(refusal)], status=409)
    messages.success(
        request,
        _("'%(title)s' dipulihkan.") % {"title": page.get_admin_display_title()},
        buttons=[
            messages.button(
                reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Sunting")
            )
        ],
    )
    return redirect("editorial_trash")


@require_http_methods(["GET", "POST"])
def trash_delete(request, entry_id):
    if refusal := _administrators_only(request):
        return refusal
    entry = get_object_or_404(TrashedPage, pk=entry_id)
    if request.method == "POST":
        try:
            title = trash.delete_for_good(entry, request.user)
        except trash.TrashRefused as refusal:
            return _refused(request, [str(refusal)], status=409)
        messages.success(request, _("'%(title)s' dihapus permanen.") % {"title": title})
        return redirect("editorial_trash")
    return TemplateResponse(
        request,
        "editorial/trash/confirm_delete.html",
        {
            "page_title": _("Hapus permanen"),
            "header_icon": "bin",
            "entries": [entry],
            "action_url": reverse("editorial_trash_delete", args=[entry.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def trash_empty(request):
    if refusal := _administrators_only(request):
        return refusal
    entries = TrashedPage.objects.all()
    if request.method == "POST":
        deleted, refused = trash.empty(entries, request.user)
        if deleted:
            messages.success(
                request,
                ngettext(
                    "%(count)d halaman dihapus permanen.",
                    "%(count)d halaman dihapus permanen.",
                    len(deleted),
                )
                % {"count": len(deleted)},
            )
        for refusal in refused:
            messages.error(request, refusal)
        return redirect("editorial_trash")
    return TemplateResponse(
        request,
        "editorial/trash/confirm_delete.html",
        {
            "page_title": _("Kosongkan tempat sampah"),
            "header_icon": "bin",
            "entries": entries.select_related("page"),
            "action_url": reverse("editorial_trash_empty"),
        },
    )


@hooks.register("register_admin_urls")
def register_trash_urls():
    return [
        path("trash/", trash_index, name="editorial_trash"),
        path("trash/kosongkan/", trash_empty, name="editorial_trash_empty"),
        path(
            "trash/<int:entry_id>/pulihkan/",
            trash_restore,
            name="editorial_trash_restore",
        ),
        path(
            "trash/<int:entry_id>/hapus/", trash_delete, name="editorial_trash_delete"
        ),
    ]


class TrashMenuItem(MenuItem):
    def is_shown(self, request):
        return trash.can_use_trash(request.user)


@hooks.register("register_admin_menu_item")
def trash_menu_item():
    return TrashMenuItem(
        gettext_lazy("Tempat sampah"),
        reverse("editorial_trash"),
        icon_name="bin",
        name="editorial-trash",
        order=10000,
    )
