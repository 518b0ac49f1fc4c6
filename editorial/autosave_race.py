"""A submit that overtakes the autosave which created the page.

Wagtail's autosave POSTs a new page to the create view as JSON; only when its answer
arrives does the form point to the page's edit view. On a slow phone a contributor can
press "Ajukan untuk ditinjau" before that: her submit then goes to the create view
again, whose slug the autosaved page has just taken, and Wagtail answers with a
validation error ("slug sudah dipakai"): the submit is lost, her article stays a draft.

So the create view remembers, in her session, the page an autosave made (by parent,
page type and slug). A full POST of the same form to the create view
within a few minutes is handed to that page's edit view: the submit (or save, or
publish) happens to the page the autosave created. The memory is dropped as soon as
the page's own edit view is posted to, i.e. once the form has moved there; a draft
that this session's autosave did not make is never touched.

That memory is only as good as its timing: an autosave and a submit in flight at once
could each pass the slug check before either saved, and the second then failed inside
Wagtail with a 500. So POSTs to the create view run one at a time per person
(`OnePageCreationAtATime`), and the autosave's memory is stored before its lock is
released: whichever comes second sees what the first did.
"""

import time
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import Resolver404, resolve

from wagtail import hooks
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from .models import IllustrationRequest

SESSION_KEY = "serambi_autosaved_pages"
# Longer than any autosave answer takes to arrive, even on a poor connection.
WINDOW_SECONDS = 15 * 60


def _is_autosave(request):
    # Wagtail's own test: its autosave asks for JSON, a form submit for HTML.
    return not request.accepts("text/html")


def _key(parent_page, page_class, slug):
    return f"{parent_page.pk}:{page_class._meta.label_lower}:{slug}"


@hooks.register("after_create_page", order=-100)
def remember_the_autosaved_page(request, page):
    if request.method != "POST" or not _is_autosave(request):
        return
    entries = request.session.get(SESSION_KEY, {})
    parent = page.get_parent()
    # The slug the form sent, which her submit sends again, and the one the page was
    # given (the same, unless Wagtail cleaned it).
    for slug in {request.POST.get("slug", ""), page.slug}:
        entries[_key(parent, type(page), slug)] = [page.pk, time.time()]
    request.session[SESSION_KEY] = entries
    # Now, inside the create lock, not when the response leaves: a submit waiting for
    # the lock must find it.
    request.session.save()


@hooks.register("before_create_page")
def hand_the_submit_to_the_autosaved_page(request, parent_page, page_class):
    if request.method != "POST" or _is_autosave(request):
        return None
    entries = request.session.get(SESSION_KEY) or {}
    entry = entries.pop(
        _key(parent_page, page_class, request.POST.get("slug", "")), None
    )
    if entry is None:
        return None
    request.session[SESSION_KEY] = entries
    page_id, saved_at = entry
    if time.time() - saved_at > WINDOW_SECONDS:
        return None
    page = (
        Page.objects.child_of(parent_page)
        .type(page_class)
        .filter(
            pk=page_id,
            owner=request.user,
            live=False,
            first_published_at__isnull=True,
        )
        .first()
    )
    if page is None:
        return None
    return EditView.as_view()(request, page_id=page.pk)


@hooks.register("before_edit_page")
def forget_once_the_form_has_moved(request, page):
    if request.method != "POST":
        return
    entries = request.session.get(SESSION_KEY)
    if entries and any(page_id == page.pk for page_id, _ in entries.values()):
        request.session[SESSION_KEY] = {
            key: entry for key, entry in entries.items() if entry[0] != page.pk
        }


def _is_page_create(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return False
    return match.url_name == "add" and "wagtailadmin_pages" in match.namespaces


class OnePageCreationAtATime:
    """POSTs to Wagtail's page create view run one at a time per person.

    The person's user row is locked for the request (PostgreSQL; SQLite's IMMEDIATE
    transactions already take the database's write lock), and her session is read
    again once the lock is held, so a submit that waited for an autosave sees the page
    the autosave made and is handed to it (above).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.session_store = import_module(settings.SESSION_ENGINE).SessionStore

    def __call__(self, request):
        if (
            request.method != "POST"
            or not request.user.is_authenticated
            or not _is_page_create(request)
        ):
            return self.get_response(request)
        with transaction.atomic():
            list(
                get_user_model()
                .objects.select_for_update()
                .filter(pk=request.user.pk)
                .values_list("pk", flat=True)
            )
            if request.session.session_key:
                request.session = self.session_store(request.session.session_key)
            return self.get_response(request)


# Views whose POSTs save a revision of an existing page or act on its review, and
# the URL keyword that names the page.
_PAGE_WRITERS = {
    ("wagtailadmin_pages", "edit"): "page_id",
    ("wagtailadmin_pages", "workflow_action"): "page_id",
}


def _page_written_by(request):
    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name == "editorial_illustrate":
        return (
            IllustrationRequest.objects.filter(pk=match.kwargs.get("pk"))
            .values_list("article_id", flat=True)
            .first()
        )
    for namespace, name in _PAGE_WRITERS:
        if match.url_name == name and namespace in match.namespaces:
            return match.kwargs.get(_PAGE_WRITERS[(namespace, name)])
    return None


class OnePageEditAtATime:
    """POSTs that write one page (an autosave, a submit, an approval, an
    illustrator's save) run one at a time per page.

    Wagtail reads the page, its latest revision and its review state at the start of
    a request and writes on that basis. Two at once (her autosave still in flight when
    she presses "Ajukan ulang untuk ditinjau") could each read the same state: the
    autosave then set the page's latest revision back to its own, older one while
    the review waited on the submitted one, and the editor's "Setujui" later found
    the review on a revision that was no longer the latest, restarted it
    (WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT) and published nothing. Run in turn,
    the second request reads what the first wrote: Wagtail's own check refuses an
    autosave of a revision that is no longer the latest.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or not request.user.is_authenticated:
            return self.get_response(request)
        page_id = _page_written_by(request)
        if page_id is None:
            return self.get_response(request)
        with transaction.atomic():
            # PostgreSQL locks the page's row; SQLite's IMMEDIATE transaction has
            # already taken the database's write lock.
            list(
                Page.objects.select_for_update()
                .filter(pk=page_id)
                .values_list("pk", flat=True)
            )
            return self.get_response(request)
