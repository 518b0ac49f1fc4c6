"""Which pages the public may see, read once and kept in the cache.

Wagtail asks the database on every request: serving a page reads its ancestors and
their view restrictions (two queries), and `PageQuerySet.public()` reads every
restriction again. Restrictions are few and rarely change, so their (id, path) pairs
are kept in the cache under a *version* that any change to pages or restrictions moves
on (see `ContributorsConfig.ready`); listings key their own cached snapshots (see
blog.paging) by the same version. Here, in the lowest app, so every page type can use
it.
"""

import uuid

from django.core.cache import cache
from django.db.models import Q

from wagtail.models import PageViewRestriction

VERSION_KEY = "serambi:public-version"
RESTRICTIONS_SECONDS = 300


def public_version():
    """A token that changes whenever what the public may see may have changed."""
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, None)


def forget_public_state(*args, **kwargs):
    """A signal receiver: pages or restrictions changed, so every cached answer about
    them (restrictions, listing snapshots) is out of date."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def restricted_paths():
    """[(restriction id, tree path of the restricted page)], from the cache."""
    key = f"serambi:restrictions:{public_version()}"
    paths = cache.get(key)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("pk", "page__path"))
        cache.set(key, paths, RESTRICTIONS_SECONDS)
    return paths


def private_q():
    """Pages in a private section (as PageQuerySet.private_q, from the cache)."""
    q = Q()
    for _pk, path in restricted_paths():
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
