"""Which pages the public may see, read once and kept in the cache.

Wagtail asks the database on every request: serving a page reads its ancestors and
their view restrictions (two queries), and `PageQuerySet.public()` reads every
restriction again. Restrictions are few and rarely change, so their (id, path) pairs
are kept in the cache under a *version* that any change to pages or restrictions moves
on (see `public_version`); listings key their own cached snapshots (see
blog.paging) by the same version. Here, in the lowest app, so every page type can use
it.
"""

from django.core.cache import cache
from django.db.models import Q

from wagtail.models import PageViewRestriction

RESTRICTIONS_SECONDS = 300

# Where the token comes from: installed at start-up by the site (website.apps installs
# the page cache's generation, which lives in the database and is replaced in the same
# transaction as any change a reader could see). A token kept only in the cache would
# be lost with a write dropped while Redis blips, leaving a new restriction unapplied.
_version_source = None

# (version, paths) last read by this process: a version names one set of
# restrictions, so the paths read under it hold for as long as it is current. A
# listing asks several times per render (each `public()`), and each ask was a round
# trip to the cache.
_restrictions_memo = None


def use_version_source(source):
    global _version_source
    _version_source = source


def public_version():
    """A token that changes whenever what the public may see may have changed, or
    None when no source is installed (then nothing here is cached)."""
    return _version_source() if _version_source is not None else None


def restricted_paths():
    """[(restriction id, tree path of the restricted page)], from this process's
    memo of the current version, else the cache, else the database."""
    global _restrictions_memo
    version = public_version()
    memo = _restrictions_memo
    if version and memo is not None and memo[0] == version:
        return list(memo[1])
    key = f"serambi:restrictions:{version}"
    paths = cache.get(key) if version else None
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("pk", "page__path"))
        if version:
            cache.set(key, paths, RESTRICTIONS_SECONDS)
    if version:
        _restrictions_memo = (version, tuple(paths))
    return paths


def forget_restrictions():
    """Drop this process's memo (a test's fresh database)."""
    global _restrictions_memo
    _restrictions_memo = None


def private_q(paths=None):
    """Pages in a private section (as PageQuerySet.private_q, from the cache, or
    of `paths` as restricted_paths gave them)."""
    q = Q()
    for _pk, path in restricted_paths() if paths is None else paths:
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


class PublicQuerySetMixin:
    """`public()` without reading the restrictions table on every call."""

    def public(self):
        return self.exclude(private_q())


class CachedViewRestrictionsMixin:
    """A page whose view restrictions cost no query when none applies.

    Wagtail's serve hook and admin views call `get_view_restrictions()`; the answer
    stays a queryset (the admin orders it), but an empty one when no restricted page
    is this page or above it. An alias takes its source's restrictions: Wagtail's
    own lookup answers for those.
    """

    def get_view_restrictions(self):
        if self.alias_of_id:
            return super().get_view_restrictions()
        ids = [pk for pk, path in restricted_paths() if self.path.startswith(path)]
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
