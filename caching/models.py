"""The page cache's generation token, kept in the database.

Every cached public page is stored under a key that includes this token (see
caching.pages). It lives in the database rather than in the cache because the
database is the one place every process agrees on and that commits together with
the change it reflects:

- a publish, unpublish or privacy change replaces the token in the same transaction,
  so it cannot commit without the token changing, even while Redis is unreachable;
  pages cached before a Redis outage are then out of reach when Redis returns;
- a publish from another process (the scheduled-publishing job, the task worker)
  reaches every web worker's cache, local or shared, as soon as each re-reads the
  token (at most PAGE_CACHE_GENERATION_SECONDS later).

A random token rather than a counter, so that a database restored from a backup can
never bring back pages cached under a token it once had.

Two tokens: `token` moves on every change a reader could see (whole pages, listings,
search results are keyed on it); `shared_token` moves only on changes to what many
pages show (a contributor, a category, a tag, an image, the settings, privacy, a move,
an unpublish, a deletion, an article's first publish). An article's own fragments are
keyed on `shared_token` and the article's own cache key (caching.fragments), so
republishing one article leaves every other article's text cached.
"""

import uuid

from django.db import IntegrityError, models, transaction
from django.utils import timezone

SINGLETON_PK = 1


def new_token():
    return uuid.uuid4().hex


class PageCacheGeneration(models.Model):
    token = models.CharField(max_length=32, default=new_token)
    shared_token = models.CharField(max_length=32, default=new_token)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "page cache generation"
        verbose_name_plural = "page cache generations"

    def __str__(self):
        return self.token

    @classmethod
    def read(cls):
        """The token that moves on every change."""
        return cls.read_both()[0]

    @classmethod
    def read_both(cls):
        """(token, shared_token), in one query."""
        row = (
            cls.objects.filter(pk=SINGLETON_PK)
            .values_list("token", "shared_token")
            .first()
        )
        if row is None:
            # First read on a new (or flushed) database: two processes may race.
            try:
                with transaction.atomic():
                    created = cls.objects.create(pk=SINGLETON_PK)
                    row = (created.token, created.shared_token)
            except IntegrityError:
                row = cls.objects.values_list("token", "shared_token").get(
                    pk=SINGLETON_PK
                )
        return tuple(row)

    @classmethod
    def replace(cls, shared=True):
        """A new token (and a new shared token if `shared`), written in the caller's
        transaction; returns the new token."""
        token = new_token()
        fields = {"token": token, "changed_at": timezone.now()}
        if shared:
            fields["shared_token"] = new_token()
        changed = cls.objects.filter(pk=SINGLETON_PK).update(**fields)
        if not changed:
            fields.pop("changed_at")
            cls.objects.update_or_create(pk=SINGLETON_PK, defaults=fields)
        return token
