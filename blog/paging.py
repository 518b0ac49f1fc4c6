"""Pages of a long article listing at the same cost on page 1 as on page 400.

The public contract is `/artikel/?page=N`. An OFFSET makes the database walk past every
article before the page, and Django's Paginator counts them all on each request, so a
deep page costs more as the archive grows. Instead:

- a *snapshot* of the listing holds its count and, for every page, the sort key
  (first_published_at, id) of its first article. It is built by one index-only query
  when missing and kept in the cache (Redis in production) and in each process's
  memory (contributors.visibility.VersionMemo), under the version that
  every change to pages moves on (contributors.visibility.public_version), and for at
  most SNAPSHOT_SECONDS, which bounds how long a process-local cache can trail;
- a page is then a *keyset seek*: the articles whose key is at or below its first
  article's key, in the listing order, LIMIT per_page. The order is indexed
  (wagtailcore_page.first_published_at, with the id as tie-break), so the database
  starts at the right row however deep the page.

A stale snapshot never shows a wrong article: a page still lists live articles in
order from its starting key; at worst a page boundary is off by the articles published
since, until the next change or SNAPSHOT_SECONDS.
"""

from django.core.cache import cache
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from contributors.visibility import VersionMemo, public_version

SNAPSHOT_SECONDS = 300

# Snapshots this process read, for the current version: a round trip to the cache
# on every listing rendered, spared. Each is a few kilobytes (a 50,000-article
# listing's, some 4,000 start keys, about half a megabyte).
_snapshots = VersionMemo(max_entries=64, max_seconds=SNAPSHOT_SECONDS)


class KeysetPaginator(Paginator):
    """A Paginator over a newest-first article queryset that seeks rather than skips.

    `listing` names the listing in the cache (e.g. "3:category:keluarga"): two
    paginators with the same name must be over the same articles.
    """

    def __init__(self, articles, per_page, listing):
        # `articles`: the queryset, or a function that builds it when the snapshot
        # or a page is first asked for (BlogIndexPage.paginate builds it only then).
        super().__init__(articles, per_page)
        self.listing = listing

    def _check_object_list_is_ordered(self):
        """Always newest first (the keys seek in that order); a queryset still to
        be built is not built to be asked."""

    @cached_property
    def articles(self):
        return self.object_list() if callable(self.object_list) else self.object_list

    @cached_property
    def snapshot(self):
        return _snapshots.get((self.listing, self.per_page), self._read_snapshot)

    def _read_snapshot(self):
        version = public_version()
        key = f"serambi:listing:{version}:{self.listing}:{self.per_page}"
        snapshot = cache.get(key) if version else None
        if snapshot is None:
            keys = list(
                self.articles.order_by()
                .newest_first()
                .values_list("first_published_at", "pk")
            )
            snapshot = {"count": len(keys), "starts": keys[:: self.per_page]}
            if version:
                cache.set(key, snapshot, SNAPSHOT_SECONDS)
        return snapshot

    @cached_property
    def count(self):
        return self.snapshot["count"]

    def page(self, number):
        number = self.validate_number(number)
        articles = self.articles
        if number > 1:
            published, pk = self.snapshot["starts"][number - 1]
            if published is None:  # no key to seek by: an article never published
                bottom = (number - 1) * self.per_page
                return self._get_page(
                    articles[bottom : bottom + self.per_page], number, self
                )
            # "At or below the key", written so that the database walks the
            # first_published_at index backwards from the key (its entries carry
            # the id) and stops after per_page rows: no OR of two ranges to merge.
            articles = articles.filter(first_published_at__lte=published).exclude(
                first_published_at=published, pk__gt=pk
            )
        return self._get_page(articles[: self.per_page], number, self)

    def page_of(self, articles, number):
        """Page `number` holding `articles` (what page(number) lists, read
        elsewhere)."""
        return self._get_page(articles, number, self)
