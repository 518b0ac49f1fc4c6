"""Purging the CDN in front of the app servers, in the background.

A publish must never wait for the CDN, nor fail because it is slow or down: the
signal handlers only enqueue `purge_pages_showing` once the change has committed,
and the task worker works out the URLs and sends the purge. (Wagtail's own
frontend_cache app purges the page itself, through a task of its own.)
"""

from functools import partial

from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, Site

from django_tasks import task

from blog.models import ArticlePage, BlogIndexPage
from contributors.models import ContributorIndexPage, ContributorPage

from .models import HomePage


def page_urls(page):
    # As wagtail.contrib.frontend_cache builds them, routable sub-pages included.
    url = page.get_full_url()
    if not url:
        return []
    return [
        url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()
    ]


def urls_showing(page):
    """The public URLs, besides the page's own, whose content shows this page."""
    page = page.specific_deferred
    urls = []
    for home in HomePage.objects.live():
        urls += page_urls(home)
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        urls.append(site.root_url.rstrip("/") + "/sitemap.xml")
    if isinstance(page, ArticlePage):
        for index in BlogIndexPage.objects.live():
            urls += page_urls(index)
            base = index.get_full_url()
            for tag in page.tags.all():
                urls += [
                    base + index.reverse_subpage(route, args=[tag.slug])
                    for route in ("by_tag", "tag_feed")
                ]
        for credit in page.credits.select_related("contributor"):
            urls += page_urls(credit.contributor)
    elif isinstance(page, ContributorPage):
        for index in ContributorIndexPage.objects.live():
            urls += page_urls(index)
        # Her name is in the byline of every article she is credited on.
        for article in ArticlePage.objects.live().filter(credits__contributor=page):
            urls += page_urls(article)
    return urls


@task()
def purge_pages_showing(page_id, include_page=False):
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    urls = urls_showing(page)
    if include_page:
        urls += page_urls(page)
    urls = sorted(set(urls))
    # Already in the background: purge here rather than enqueue a second task.
    purge_urls_from_cache_task.call(urls)
    return urls


def schedule_purge(page, include_page=False):
    """Purge the CDN's copies of what shows `page`, once the change has committed.

    After the commit, so that the CDN cannot fetch and keep the old page again
    between the purge and the commit.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    transaction.on_commit(
        partial(purge_pages_showing.enqueue, page_id=page.pk, include_page=include_page)
    )


def schedule_url_purge(urls):
    """Purge these URLs from the CDN once the change has committed, in the background."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None) or not urls:
        return
    transaction.on_commit(
        partial(purge_urls_from_cache_task.enqueue, urls=sorted(set(urls)))
    )
