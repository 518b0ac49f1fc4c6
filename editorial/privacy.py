"""Real names and drafts stay with the people allowed to see them, in the admin too.

A contributor may see another contributor's real name only where that person shows it
publicly, and another contributor's unpublished work not at all. Wagtail's listings
are narrowed by EditorialPagePermissionPolicy (editorial.permissions); this module
closes what that does not reach:

- the name a page is shown by (`get_admin_display_title`, see
  contributors.admin_titles) depends on who is looking: `AdminViewerMiddleware`
  remembers the request, `may_current_viewer_see_private` answers for it;
- the reports answer 403 by URL to whoever does not see them in the menu;
- bulk-action confirmation pages count the objects she may not act on instead of
  listing them by title, and a bulk move only goes to a page she may see;
- the page explorer's "Owner" and "Edited by" filters, which list every account
  that owns or edited any page by its real name, are for editors only, and its
  status panel of a page (who published it, who saved its draft) is for editors and
  the page's own person.
"""

import functools
import json
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Exists, OuterRef
from django.http import Http404, JsonResponse
from django.utils.functional import cached_property
from django.utils.html import escape
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache
from django.views.defaults import page_not_found

from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.ui.components import MediaContainer
from wagtail.admin.views.chooser import BrowseView, ExternalLinkView, PageTitleColumn
from wagtail.admin.views.pages.bulk_actions.delete import (
    DeleteBulkAction as PageDeleteBulkAction,
)
from wagtail.admin.views.pages.bulk_actions.move import MoveBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.admin.views.pages.listing import (
    ExplorableIndexView,
    GenericPageFilterSet,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.documents.views.bulk_actions.add_tags import (
    AddTagsBulkAction as DocumentAddTagsBulkAction,
)
from wagtail.documents.views.bulk_actions.add_to_collection import (
    AddToCollectionBulkAction as DocumentAddToCollectionBulkAction,
)
from wagtail.documents.views.bulk_actions.delete import (
    DeleteBulkAction as DocumentDeleteBulkAction,
)
from wagtail.images.views.bulk_actions.add_tags import (
    AddTagsBulkAction as ImageAddTagsBulkAction,
)
from wagtail.images.views.bulk_actions.add_to_collection import (
    AddToCollectionBulkAction as ImageAddToCollectionBulkAction,
)
from wagtail.images.views.bulk_actions.delete import (
    DeleteBulkAction as ImageDeleteBulkAction,
)
from wagtail.models import Page, PageLogEntry
from wagtail.snippets.bulk_actions.delete import (
    DeleteBulkAction as SnippetDeleteBulkAction,
)
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction
from wagtail.users.views.bulk_actions.delete import (
    DeleteBulkAction as UserDeleteBulkAction,
)
from wagtail.users.views.bulk_actions.set_active_state import (
    SetActiveStateBulkAction,
)

from blog.models import ArticleCredit
from contributors.models import ContributorPage
from contributors.routing import site_root_paths

from .permissions import is_editor, pages_visible_to, remember_permissions
from .trash_admin import trash_cans_among_children

REPORTS_NAMESPACE = "wagtailadmin_reports"
EXTERNAL_LINK_CHOOSER = "wagtailadmin_choose_page_external_link"
PAGE_CHOOSER_BROWSE = {"wagtailadmin_choose_page", "wagtailadmin_choose_page_child"}

_current_request = ContextVar("serambi_current_request", default=None)


# --- Who is looking -----------------------------------------------------------------


class AdminViewerMiddleware:
    """Remember the request being answered, and keep the reports for editors.

    Wagtail asks a page for its admin title without a request; the models ask the
    `serambi_may_see_private` hook, which reads the request remembered here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None:
            return None
        if match.url_name == EXTERNAL_LINK_CHOOSER and request.method == "POST":
            view = admin_view(PrivateExternalLinkView.as_view())
            return view(request, *view_args, **view_kwargs)
        if match.url_name in PAGE_CHOOSER_BROWSE:
            view = admin_view(ListedPageBrowseView.as_view())
            return view(request, *view_args, **view_kwargs)
        if REPORTS_NAMESPACE not in match.namespaces:
            return None
        # The reports list titles from every section a user may add to, drafts
        # included; reports_for_editors_only hides them from everyone else's menu,
        # and this keeps them shut when reached by URL.
        user = request.user
        if user.is_authenticated and not viewer_is_editor(request):
            raise PermissionDenied
        return None


def admin_view(view):
    """`view` wrapped as Wagtail wraps each admin URL's (wagtail.admin.urls): admin
    access required, its own 404 page, never cached."""
    view = require_admin_access(view)

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return page_not_found(request, "", template_name="wagtailadmin/404.html")

    return never_cache(wrapper)


def viewer_is_editor(request):
    # Asked once per page in a listing: remembered for the request.
    if not hasattr(request, "_serambi_is_editor"):
        request._serambi_is_editor = is_editor(request.user)
    return request._serambi_is_editor


def _active_user(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return user


def is_hers_or_editor(request, page):
    """Is the page hers (she owns it, or it is her profile), or is she an editor?"""
    user = _active_user(request)
    if user is None:
        return False
    if viewer_is_editor(request):
        return True
    if page.owner_id is not None and page.owner_id == user.pk:
        return True
    return (
        isinstance(page, ContributorPage)
        and page.user_id is not None
        and page.user_id == user.pk
    )


def may_see_private(request, page):
    """May the user of `request` see this page's drafts and its real name?

    Hers or an editor's, and an article's also for whoever it credits."""
    if is_hers_or_editor(request, page):
        return True
    user = _active_user(request)
    if user is None or isinstance(page, ContributorPage):
        return False
    return page.pk in credited_page_ids(request, user)


def credited_page_ids(request, user):
    """The pages that credit her: a listing asks for every row, so one query.

    Remembered for a GET only: a POST may change the credits it then reports on."""
    if request.method not in ("GET", "HEAD"):
        return _credited_page_ids(user)
    if getattr(request, "_serambi_credited_for", None) != user.pk:
        request._serambi_credited = _credited_page_ids(user)
        request._serambi_credited_for = user.pk
    return request._serambi_credited


def _credited_page_ids(user):
    return set(
        ArticleCredit.objects.filter(contributor__user_id=user.pk).values_list(
            "page_id", flat=True
        )
    )


def current_request():
    """The request being answered (AdminViewerMiddleware), or None outside one."""
    return _current_request.get()


def may_current_viewer_see_private(page):
    """The `serambi_may_see_private` hook: None outside a request."""
    request = _current_request.get()
    if request is None:
        return None
    return may_see_private(request, page)


# --- A pasted URL of one of our pages -----------------------------------------------


class PrivateExternalLinkView(ExternalLinkView):
    """Wagtail names the page a pasted URL matches by its `draft_title`.

    For a profile that is the real name, for a live article with an unpublished
    revision its new title, and the name becomes the link's text in the article.
    The page is named here as the viewer may see it.
    """

    def post(self, request):
        response = super().post(request)
        data = json.loads(response.content)
        page_data = data.get("internal") or data.get("result")
        if not isinstance(page_data, dict) or "id" not in page_data:
            return response
        page = Page.objects.filter(pk=page_data["id"]).first()
        if page is None:
            return response
        page = page.specific
        private, shown = page.draft_title, page.get_admin_display_title()
        if private == shown:
            return response
        page_data["adminTitle"] = shown
        if "html" in data:
            data["html"] = data["html"].replace(escape(private), escape(shown))
        return JsonResponse(data)


# --- The page chooser ---------------------------------------------------------------


class ChildTitleColumn(PageTitleColumn):
    """The title cell names each page's parent (its `data-parent-id`): every row
    but the first is a child of the page being browsed, so none has to ask for it."""

    def __init__(self, *args, parent_page, **kwargs):
        super().__init__(*args, **kwargs)
        self.parent_page = parent_page

    def get_cell_context_data(self, instance, parent_context):
        if instance.pk != self.parent_page.pk:
            instance._cached_parent_obj = self.parent_page
        return super().get_cell_context_data(instance, parent_context)


class ListedPageBrowseView(BrowseView):
    """Wagtail's page chooser, with what each row shows read once for all of them.

    Its status cell asks every page for a scheduled revision and a workflow in
    progress, and its title cell for the page's parent: three queries a row. The
    explorer reads the first two with its listing (`annotate_approved_schedule`,
    `prefetch_workflow_states`); so does this. Which pages are listed, and by what
    title, is decided as before (`construct_page_chooser_queryset`,
    `get_admin_display_title`).
    """

    @property
    def columns(self):
        return [
            ChildTitleColumn(
                column.name,
                label=column.label,
                is_multiple_choice=column.is_multiple_choice,
                parent_page=self.parent_page,
            )
            if type(column) is PageTitleColumn
            else column
            for column in super().columns
        ]

    def get_object_list(self):
        pages = super().get_object_list()
        return pages.annotate_approved_schedule().prefetch_workflow_states()


# --- Bulk actions -------------------------------------------------------------------


class PrivateBulkActionMixin:
    """List what she may act on; of the rest, say only how many there are.

    Wagtail lists every object asked for by title, including those she may not even
    see (another contributor's draft, an image someone else uploaded, a user).
    """

    def get_actionable_objects(self):
        try:
            return super().get_actionable_objects()
        except ObjectDoesNotExist as error:
            # `id=all&childOf=<a page that does not exist>`: a 404, not a 500.
            raise Http404 from error

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        refused = context.get("items_with_no_access") or []
        if refused:
            context["items_with_no_access"] = []
            messages.warning(
                self.request,
                gettext("Item yang tidak dapat Anda proses: %(count)d.")
                % {"count": len(refused)},
            )
        return context


class PrivateMoveBulkAction(PrivateBulkActionMixin, MoveBulkAction):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The destination's title is shown back to her: only pages she may see.
        form.fields["chooser"].queryset = pages_visible_to(
            self.request.user, Page.objects.all()
        )
        return form


WAGTAIL_BULK_ACTIONS = [
    PageDeleteBulkAction,
    PublishBulkAction,
    UnpublishBulkAction,
    ImageDeleteBulkAction,
    ImageAddTagsBulkAction,
    ImageAddToCollectionBulkAction,
    DocumentDeleteBulkAction,
    DocumentAddTagsBulkAction,
    DocumentAddToCollectionBulkAction,
    SnippetDeleteBulkAction,
    UserDeleteBulkAction,
    SetActiveStateBulkAction,
    AssignRoleBulkAction,
]


def private_bulk_actions():
    """Our versions of every bulk action Wagtail registers, to register after its."""
    actions = [PrivateMoveBulkAction]
    for action in WAGTAIL_BULK_ACTIONS:
        actions.append(
            type(
                f"Private{action.__module__.split('.')[1].title()}{action.__name__}",
                (PrivateBulkActionMixin, action),
                {"__module__": __name__},
            )
        )
    return actions


# --- The page explorer's filters ----------------------------------------------------

PEOPLE_FILTERS = ("owner", "edited_by")


class PrivatePageFilterSet(GenericPageFilterSet):
    """Wagtail's explorer filters, without the people filters for non-editors.

    They list every account that owns or edited any page, drafts included, by its
    account name: a contributor's real name. Dropped rather than relabelled, so that
    an owner in the address filters nothing either (trying account ids one by one
    would otherwise tell whose article is whose).
    """

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        if request is None or not viewer_is_editor(request):
            for name in PEOPLE_FILTERS:
                self.filters.pop(name, None)
            return
        # The same accounts as Wagtail's choices, asked account by account along
        # the owner and log indexes: Wagtail's `pk IN (every page's owner)` reads
        # the whole owner index (1.3 ms at 50,000 articles) on each explorer page.
        self.filters["owner"].queryset = accounts_that(
            Page.objects.filter(owner=OuterRef("pk"))
        )
        self.filters["edited_by"].queryset = accounts_that(
            PageLogEntry.objects.filter(action="wagtail.edit", user=OuterRef("pk"))
        )


def accounts_that(rows):
    def queryset(request):
        return get_user_model().objects.filter(Exists(rows)).order_by("pk")

    return queryset


class PrivateExplorableIndexView(ExplorableIndexView):
    """The explorer, with the page's status panel only for editors and her own pages.

    That panel names who published the page and who saved its latest draft by their
    account (real) names, and tells of drafts and reviews in progress: someone merely
    credited on the page does not see it.
    """

    def get_base_queryset(self):
        # Listing a page's children (not searching or filtering the tree) where she
        # may explore the whole subtree the page is in: every child is explorable,
        # and Wagtail's filter on the id of every explorable page (a list of the
        # whole archive, 50,000 ids at 50,000 articles, built for each query) keeps
        # what pages_visible_to keeps here.
        if not self.lists_children_in_full:
            return super().get_base_queryset()
        children = self.model._default_manager.child_of(self.parent_page)
        return self.annotate_queryset(pages_visible_to(self.request.user, children))

    def get_paginator(self, queryset, per_page, **kwargs):
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.lists_every_child():
            # Treebeard keeps each page's number of children: counting them is a
            # scan of the whole section (12 ms at 50,000 articles) for a number the
            # parent's row already holds. Only the trash can is hidden from it.
            paginator.count = self.parent_page.numchild - trash_cans_among_children(
                self.parent_page
            )
        return paginator

    @cached_property
    def lists_children_in_full(self):
        """Whether she lists the page's children (not searching or filtering the
        tree) in a subtree she may explore in full."""
        return (
            not (self.is_searching or self.is_filtering)
            and self.explores_whole_subtree()
        )

    def lists_every_child(self):
        """Whether the listing is every child of the page but the trash can: an
        editor (pages_visible_to hides nothing from her) listing the children of a
        subtree she may explore in full."""
        return self.lists_children_in_full and is_editor(self.request.user)

    def explores_whole_subtree(self):
        """Whether every page under the parent is in her explorable_instances: it
        lies under a page she holds an explore permission on (Wagtail's policy
        grants the whole subtree of such a page; editorial narrows the drafts)."""
        user = self.request.user
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        tops = self.permission_policy.instances_with_direct_explore_permission(user)
        return any(self.parent_page.path.startswith(page.path) for page in tops)

    def get_side_panels(self):
        if not is_hers_or_editor(self.request, self.parent_page.specific_deferred):
            return MediaContainer()
        return super().get_side_panels()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # Each row's buttons ask for its permissions; one answer per row.
        remember_permissions(context["object_list"], self.request.user)
        share_site_root_paths(context["object_list"])
        return context


def share_site_root_paths(pages):
    """Each row's "View live" button asks its page for its URL (`page.url`, without
    the request), and each page then reads the sites' root paths from the cache by
    itself: a cache round trip a row. The rows share this process's copy here."""
    paths = site_root_paths()
    for page in pages:
        page._wagtail_cached_site_root_paths = paths


class PrivatePageViewSet(PageViewSet):
    """Wagtail's page views for every page type, with the explorer above.

    Registered for `Page` after Wagtail's own base viewset, so it replaces it in
    Wagtail's page viewset registry: the explorer of any section, its results and
    the per-type listings all use it.
    """

    filterset_class = PrivatePageFilterSet
    index_view_class = PrivateExplorableIndexView
