"""Keep cached public pages fresh: clear them when what they show changes.

Connected in WebsiteConfig.ready(). Django's page cache is cleared as a whole (see
website.cache); the CDN, which can only be purged URL by URL, is sent the URLs that
show the page concerned.
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction, Site
from wagtail.search.tasks import insert_or_update_object_task
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from blog.models import ArticlePage, BlogIndexPage, Category
from contributors.models import ContributorIndexPage, ContributorPage

from .cache import clear_page_cache, purge_frontend_cache
from .models import CustomImage, HomePage, SiteSettings


def _page_urls(page):
    # As wagtail.contrib.frontend_cache builds them, routable sub-pages included.
    url = page.get_full_url()
    if not url:
        return []
    return [
        url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()
    ]


def urls_showing(page):
    """The public URLs, besides the page's own, whose content shows this page.

    Wagtail's frontend_cache app already purges the page itself on publish.
    """
    page = page.specific_deferred
    urls = []
    for home in HomePage.objects.live():
        urls += _page_urls(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        urls.append(site.root_url.rstrip("/") + "/sitemap.xml")
    if isinstance(page, ArticlePage):
        for index in BlogIndexPage.objects.live():
            urls += _page_urls(index)
            for tag in page.tags.all():
                base = index.get_full_url()
                urls += [f"{base}tag/{tag.slug}/", f"{base}tag/{tag.slug}/feed/"]
        for credit in page.credits.select_related("contributor"):
            urls += _page_urls(credit.contributor)
    elif isinstance(page, ContributorPage):
        for index in ContributorIndexPage.objects.live():
            urls += _page_urls(index)
        # Her name is in the byline of every article she is credited on.
        for article in ArticlePage.objects.live().filter(credits__contributor=page):
            urls += _page_urls(article)
    return urls


@receiver(page_published)
def reindex_published_page(sender, instance, **kwargs):
    # The search index is updated on post_save, which fires before a page's tags
    # and other cluster relations are written; by page_published they are.
    if isinstance(instance, (ArticlePage, ContributorPage)):
        insert_or_update_object_task.enqueue(
            instance._meta.app_label, instance._meta.model_name, str(instance.pk)
        )


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    clear_page_cache()
    if settings.WAGTAILFRONTENDCACHE:
        purge_frontend_cache(urls_showing(instance))


@receiver(post_page_move)
@receiver(page_slug_changed)
def page_was_moved(sender, instance, **kwargs):
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
    if settings.WAGTAILFRONTENDCACHE:
        page = instance.page
        purge_frontend_cache(_page_urls(page) + urls_showing(page))


@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
@receiver(post_save, sender=SiteSettings)
@receiver(post_save, sender=CustomImage)
def shown_on_many_pages_changed(sender, created=False, **kwargs):
    # Category names, the footer and image alt texts and credits appear on pages that
    # were not republished; only Django's cache is cleared, the CDN's copies age out.
    # A new one is on no page yet (site settings are created on a page's first
    # render, with the defaults it was already showing).
    if not created:
        clear_page_cache()
