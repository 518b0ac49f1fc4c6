"""Which pages the public may see, read once and kept in the cache.

Wagtail asks the database on every request: serving a page reads its ancestors and
their view restrictions (two queries), and `PageQuerySet.public()` reads every
restriction again. Restrictions are few and rarely change, so their (id, path) pairs
are kept in the cache under a *version* that any change to pages or restrictions moves
on (see `public_version`); listings key their own cached snapshots (see
blog.paging) by the same version. Here, in the lowest app, so every page type can use
it.
"""

import time

from django.core.cache import cache
from django.db.models import Q

from wagtail.models import PageViewRestriction

RESTRICTIONS_SECONDS = 300

# Where the token comes from: installed at start-up by the site (website.apps installs
# the page cache's generation, which lives in the database and is replaced in the same
# transaction as any change a reader could see). A token kept only in the cache would
# be lost with a write dropped while Redis blips, leaving a new restriction unapplied.
_version_source = None


def use_version_source(source):
    global _version_source
    _version_source = source


def public_version():
    """A token that changes whenever what the public may see may have changed, or
    None when no source is installed (then nothing here is cached)."""
    return _version_source() if _version_source is not None else None


# Every VersionMemo, for forget_version_memos().
_memos = []


class VersionMemo:
    """Values this process read under the current public version, kept until the
    version moves (or `max_seconds` pass): a version names one state of what the
    public sees, so what was read under it holds while it is current. Each value
    kept spares a round trip to the cache on every render that asks for it.

    At most `max_entries` values; without a version source nothing is kept.
    """

    def __init__(self, max_entries=64, max_seconds=None):
        self.max_entries = max_entries
        self.max_seconds = max_seconds
        self.forget()
        _memos.append(self)

    def forget(self):
        # (version, {key: (value, time.monotonic() when read)}), replaced whole.
        self._kept = (None, {})

    def get(self, key, read):
        version = public_version()
        if not version:
            return read()
        kept_version, values = self._kept
        if kept_version != version:
            values = {}
            self._kept = (version, values)
        now = time.monotonic()
        found = values.get(key)
        if found is not None and (
            self.max_seconds is None or now - found[1] < self.max_seconds
        ):
            return found[0]
        value = read()
        if value is None:  # nothing to keep yet (settings not created, say)
            return value
        if len(values) >= self.max_entries:
            values.clear()
        values[key] = (value, now)
        return value


def forget_version_memos():
    """Drop what every VersionMemo kept (a test's fresh database)."""
    for memo in _memos:
        memo.forget()


# A listing asks for the restrictions several times per render (each `public()`),
# and each ask was a round trip to the cache.
_restrictions = VersionMemo(max_entries=1)


def restricted_paths():
    """[(restriction id, tree path of the restricted page)], from this process's
    memo of the current version, else the cache, else the database."""
    return list(_restrictions.get("paths", _read_restricted_paths))


def _read_restricted_paths():
    version = public_version()
    key = f"serambi:restrictions:{version}"
    paths = cache.get(key) if version else None
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("pk", "page__path"))
        if version:
            cache.set(key, paths, RESTRICTIONS_SECONDS)
    return tuple(paths)


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
            # Known to be empty: Wagtail's serve hook iterates it, which would
            # still compile its SQL to find out.
            nothing = PageViewRestriction.objects.none()
            nothing._result_cache, nothing._prefetch_done = [], True
            return nothing
        return PageViewRestriction.objects.filter(pk__in=ids)
