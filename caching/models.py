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

Two tokens: `PageCacheGeneration.token` moves on every change a reader could see
(whole pages, listings, search results are keyed on it); `SharedCacheGeneration.token`
moves only on changes to what many pages show (a contributor, a category, a tag, an
image, the settings, privacy, a move, an unpublish, a deletion, an article's first
publish). An article's own fragments are keyed on the shared token and the article's
own cache key (caching.fragments), so republishing one article leaves every other
article's text cached. A change to what many pages show moves both.
"""

import uuid

from django.db import IntegrityError, models, transaction
from django.utils import timezone

SINGLETON_PK = 1


def new_token():
    return uuid.uuid4().hex


class PageCacheGeneration(models.Model):
    token = models.CharField(max_length=32, default=new_token)
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
        """(token, shared token), in one query."""
        shared = SharedCacheGeneration.objects.filter(pk=SINGLETON_PK).values("token")
        row = (
            cls.objects.filter(pk=SINGLETON_PK)
            .annotate(shared=models.Subquery(shared[:1]))
            .values_list("token", "shared")
            .first()
        )
        if row is None or row[1] is None:
            # First read on a new (or flushed) database: two processes may race.
            for model in (cls, SharedCacheGeneration):
                try:
                    with transaction.atomic():
                        model.objects.get_or_create(pk=SINGLETON_PK)
                except IntegrityError:
                    pass
            return cls.read_both()
        return tuple(row)

    @classmethod
    def replace(cls, shared=True):
        """A new token (and a new shared token if `shared`), written in the caller's
        transaction; returns the new token."""
        token = new_token()
        models_and_tokens = [(cls, token)]
        if shared:
            models_and_tokens.append((SharedCacheGeneration, new_token()))
        for model, value in models_and_tokens:
            changed = model.objects.filter(pk=SINGLETON_PK).update(
                token=value, changed_at=timezone.now()
            )
            if not changed:
                model.objects.update_or_create(
                    pk=SINGLETON_PK, defaults={"token": value}
                )
        return token


class SharedCacheGeneration(models.Model):
    """The shared token (see the module's docstring), in a table of its own."""

    token = models.CharField(max_length=32, default=new_token)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "shared cache generation"
        verbose_name_plural = "shared cache generations"

    def __str__(self):
        return self.token
