"""Keep cached public pages fresh: clear them when what they show changes.

Connected in WebsiteConfig.ready(). Django's page cache is cleared as a whole (see
caching.pages); the CDN, which can only be purged URL by URL, is sent the URLs that
show the page concerned, from a background task (website.purge).

A change clears the *shared* token too (caching.models) unless it concerns one
article only: republishing an already-live article moves only the token every page
and listing is keyed on, and its own fragments are re-keyed by its `cache_key` (which
carries its last publish), so the other articles' text stays cached.
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.models.pages import COMMENTS_RELATION_NAME
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from blog.models import ArticleCredit, ArticlePage, ArticleTag, Category
from caching.pages import clear_page_cache, page_rows_being_saved
from contributors.models import ContributorPage
from images.models import CustomImage
from importer.signals import article_imported

from .models import HelplineSettings, HomePage, HomePageFeaturedArticle, SiteSettings
from .purge import schedule_purge
from .search_index import reindex_credited_articles


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    # The search index is updated on post_save, which fires before a page's tags
    # and other cluster relations are written; by page_published they are.
    if isinstance(instance, (ArticlePage, ContributorPage)):
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )
    if isinstance(instance, ContributorPage):
        # Her articles are found by her public name, which may have just changed.
        reindex_credited_articles.enqueue(instance.pk)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    # A publish replaces the token twice on purpose: live_page_saved already did when
    # the page row was saved, but its credits and tags are written a moment later (the
    # publish is not one transaction), and a reader in between may have cached the page
    # without them under the new token. This second replacement retires that copy.
    # Republishing a live article changes what the pages that show it show, and its
    # own fragments' key: the other articles' own fragments stay (see the module's
    # docstring). A first publish may change what many pages show (a contributor's
    # first article); an unpublish certainly does.
    republished = (
        kwargs.get("signal") is page_published
        and isinstance(instance, ArticlePage)
        and instance.first_published_at != instance.last_published_at
    )
    clear_page_cache(shared=not republished)
    schedule_purge(instance)


@receiver(post_page_move)
@receiver(page_slug_changed)
def page_was_moved(sender, instance, **kwargs):
    clear_page_cache()


# What a draft save, a lock or a new child writes on a page's row: nothing a reader sees.
DRAFT_BOOKKEEPING_FIELDS = {
    COMMENTS_RELATION_NAME,
    "latest_revision",
    "latest_revision_created_at",
    "draft_title",
    "has_unpublished_changes",
    "locked",
    "locked_at",
    "locked_by",
    "numchild",
}


def _changes_what_readers_see(update_fields):
    return update_fields is None or bool(set(update_fields) - DRAFT_BOOKKEEPING_FIELDS)


@receiver(pre_save, sender=ArticlePage)
def note_whether_an_article_is_republished(
    sender, instance, update_fields=None, **kwargs
):
    """Whether this save re-keys the article's own fragments: a live article saved
    again with a new `last_published_at` (a publish) under the same path. Anything
    else (a first publish, a script's save that leaves `cache_key` as it was) makes
    the shared token move too (live_page_saved)."""
    instance._republishes_itself = False
    if instance.pk is None or not instance.live:
        return
    if not _changes_what_readers_see(update_fields):
        return
    stored = (
        Page.objects.filter(pk=instance.pk)
        .values_list("live", "last_published_at", "url_path")
        .first()
    )
    instance._republishes_itself = bool(
        stored
        and stored[0]
        and stored[1] != instance.last_published_at
        and stored[2] == instance.url_path
    )


@receiver(post_save)
def live_page_saved(sender, instance, created, update_fields=None, **kwargs):
    # A live page saved outside publishing (a script, a bulk change in our code, a
    # page created live) shows its new row to readers within a second, like a
    # publish; a draft save on a live page changes nothing they see and keeps the
    # cache. Restrictions and listing snapshots are keyed on the same token.
    if not isinstance(instance, Page) or not instance.live:
        return
    if created or _changes_what_readers_see(update_fields):
        clear_page_cache(shared=not getattr(instance, "_republishes_itself", False))


@receiver(post_save, sender=ArticleCredit)
@receiver(post_delete, sender=ArticleCredit)
@receiver(post_save, sender=ArticleTag)
@receiver(post_delete, sender=ArticleTag)
def article_rows_changed(sender, instance, **kwargs):
    # Credits and tags written by the article's own save are its save's business
    # (live_page_saved); written on their own (a script), they may be on a live
    # article whose cache_key does not change.
    if not page_rows_being_saved():
        clear_page_cache()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        clear_page_cache()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    # A page made private must leave the caches at once, and its listings with it.
    clear_page_cache()
    schedule_purge(instance.page, include_page=True)


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(post_save, sender=SiteSettings)
@receiver(post_save, sender=HelplineSettings)
@receiver(post_save, sender=CustomImage)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
def shown_on_many_pages_changed(sender, created=False, **kwargs):
    # Category names, the footer, the helplines and image alt texts and credits appear on pages that
    # were not republished; only Django's cache is cleared, the CDN's copies age out.
    # A new one is on no page yet (site settings are created on a page's first
    # render, with the defaults it was already showing).
    if not created:
        clear_page_cache()


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def site_changed(sender, **kwargs):
    # A site's hostname, port and root page are in every address a page prints
    # (links, canonical URLs, feeds), and each process keeps the sites' root paths
    # for the current token (contributors.routing.site_root_paths).
    clear_page_cache()


@receiver(article_imported)
def feature_sticky_post(sender, page, featured=False, **kwargs):
    # A post pinned to the front of its old blog is pinned to ours: among the home
    # page's featured articles, through a revision as an editor's change would be
    # (published at once unless the home page has a draft of its own waiting).
    if not featured or not page.live:
        return
    home = HomePage.objects.first()
    if home is None:
        return
    latest = home.get_latest_revision_as_object()
    if any(item.article_id == page.pk for item in latest.featured_articles.all()):
        return
    waiting = home.has_unpublished_changes
    latest.featured_articles.add(HomePageFeaturedArticle(article=page))
    revision = latest.save_revision(log_action=True)
    if not waiting:
        revision.publish()
