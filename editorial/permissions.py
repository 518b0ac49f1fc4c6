"""Who may do what, beyond the group permissions in roles.py."""

from django.db.models import Q

from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

from contributors.models import ContributorPage

from .roles import CONTRIBUTORS, EDITORS


def group_names(user):
    """The names of `user`'s groups, asked once per user object.

    Django loads `request.user` afresh for each request, so this is at most one query
    a request however many role checks a page makes, and none after the first.
    """
    try:
        return user._serambi_group_names
    except AttributeError:
        names = frozenset(user.groups.values_list("name", flat=True))
        user._serambi_group_names = names
        return names


def is_editor(user):
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # Anyone who can publish somewhere reviews other people's work. Wagtail keeps
    # the page permissions for the request, so that answer is asked first.
    return policy_registry.get_by_type(Page).user_has_any_permission(
        user, {"publish"}
    ) or EDITORS in group_names(user)


def is_contributor(user):
    return (
        user.is_authenticated and user.is_active and CONTRIBUTORS in group_names(user)
    )


def pages_visible_to(user, pages):
    """Narrow an admin page listing to what `user` may see.

    Wagtail lists every page under an index where the user may add pages, drafts
    included. A contributor sees live pages, her own pages and her own profile, not
    another contributor's unpublished work.
    """
    if is_editor(user):
        return pages
    own_profiles = list(
        ContributorPage.objects.filter(user_id=user.pk).values_list("pk", flat=True)
    )
    # Plain lookups on Page's own filter fields, so this also narrows search results.
    return pages.filter(Q(live=True) | Q(owner=user.pk) | Q(pk__in=own_profiles))


class LeafPagePermissionTester(PagePermissionTester):
    """Wagtail's tester, answering "may she delete (or move) it?" without a query
    for a page with no children.

    Wagtail asks whether the page and its descendants are all hers and unpublished
    (or not live, or hers) by querying them, for every row of a listing and twice
    (the Move and Delete buttons). Without children the page is the whole set, so
    the same rules are read from the row.
    """

    def can_delete(self, ignore_bulk=False):
        user, page = self.user, self.page
        if page.numchild or not user.is_active or self.page_is_root:
            return super().can_delete(ignore_bulk=ignore_bulk)
        if user.is_superuser:
            return True
        if "change" in self.permissions:
            return "publish" in self.permissions or not page.live
        if "add" in self.permissions:
            hers = page.owner_id is not None and page.owner_id == user.pk
            return hers if "publish" in self.permissions else hers and not page.live
        return False


def remember_permissions(pages, user):
    """Give each listed page one tester for `user`, asked by every button of its row.

    Wagtail builds a new tester for each button (edit, move, copy, delete, …), each
    reading the page's permissions afresh; the row's page keeps one here.
    """
    for page in pages:
        tester = page.permissions_for_user(user)
        if type(tester) is PagePermissionTester:
            tester = LeafPagePermissionTester(user, page)
        page.permissions_for_user = _answer_for(page, user, tester)


def _answer_for(page, user, tester):
    own = type(page).permissions_for_user

    def permissions_for_user(someone):
        return tester if someone == user else own(page, someone)

    return permissions_for_user


class ContributorPagePermissionTester(LeafPagePermissionTester):
    """A contributor edits her own profile page, whoever created it.

    Ownership cannot express this: owning a page only helps someone who may add pages
    to its parent, and contributors must not create profiles. The link that counts is
    the page's `user`, which only editors may change.
    """

    def is_own_profile(self):
        return (
            self.user.is_active
            and self.page.user_id is not None
            and self.page.user_id == self.user.pk
        )

    def can_edit(self):
        return super().can_edit() or self.is_own_profile()

    def can_copy(self):
        # Copying would create a second profile: only for those who edit any profile.
        return super().can_edit()


class EditorialPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page policy, minus other contributors' drafts in every listing.

    Explorer, page search, the page API and the audit-log reports all list
    `explorable_instances`; narrowing it here closes them all at once.
    """

    def explorable_instances(self, user):
        return pages_visible_to(user, super().explorable_instances(user))


def register_page_policy():
    # Page is nearer than AbstractPage in every page model's MRO, so this wins.
    policy_registry.register(Page, EditorialPagePermissionPolicy(Page))
