"""The blog index (/artikel/ until an editor renames it), its category and tag
listings, and their feeds."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from caching.fragments import same_for_every_reader
from contributors.pagination import page_number
from contributors.routing import DirectChildRouteMixin, ServedUrlMixin
from contributors.visibility import CachedViewRestrictionsMixin, restricted_paths
from modelrows.sql import list_compiled_once

from .. import slugs  # noqa: F401 - the "uslug" converter of the routes below
from ..paging import KeysetPaginator
from .articles import ArticlePage, public_articles
from .taxonomy import Category, live_categories

ARTICLES_PER_PAGE = 12
FEED_ITEMS = 20


class BlogIndexPage(
    ServedUrlMixin,
    CachedViewRestrictionsMixin,
    RoutablePageMixin,
    DirectChildRouteMixin,
    Page,
):
    """Every article, newest first, and the category and tag listings."""

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["blog.ArticlePage"]
    max_count = 1
    # An article's template shows both: fetched with the article as it is routed.
    child_select_related = ("category", "hero_image")

    class Meta:
        verbose_name = _("indeks artikel")
        verbose_name_plural = pgettext_lazy("plural", "indeks artikel")

    def get_articles(self, request=None, paths=None):
        """Live, public articles under this index, newest first (public(): the
        private sections of `paths` left out if given)."""
        return public_articles(request, paths).descendant_of(self).newest_first()

    def paginate(self, request, articles, listing="all"):
        """One page of cards; a malformed or out-of-range ?page= gives the first or
        last page rather than an error. Deep pages seek rather than skip (see
        blog.paging), so page 400 costs what page 1 does.

        `articles(paths)` builds the listing's queryset, the private sections of
        `paths` left out. It is called only where what it builds is not known
        already: a listing's page runs the same SQL for as long as what it is built
        from stays (this index's place, the private sections left out, the listing,
        the page and the key it starts at), so it is built and compiled once for
        those (modelrows.sql); the rows are read afresh.
        """
        paths = tuple(restricted_paths())
        paginator = KeysetPaginator(
            lambda: articles(paths).with_card_data(),
            ARTICLES_PER_PAGE,
            f"{self.pk}:{listing}",
        )
        number = page_number(paginator, request.GET.get("page"))
        starts = paginator.snapshot["starts"]
        start = starts[number - 1] if number <= len(starts) else None
        key = ("listing", self.path, paths, listing, paginator.per_page, number, start)
        cards = list_compiled_once(
            ArticlePage, key, lambda: paginator.page(number).object_list
        )
        return paginator.page_of(cards, number)

    def get_category(self, slug):
        return get_object_or_404(Category, slug=slug)

    def get_tag(self, slug):
        tag = Tag.objects.filter(slug=slug).first()
        if tag is None:
            raise Http404
        return tag

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read where the template's cached fragment misses (caching.fragments).
        context["categories"] = SimpleLazyObject(live_categories)
        # Every route renders through render_listing, which gives the feed_url.
        return context

    def feed_url(self, request=None, category=None, tag=None):
        if category is not None:
            route = self.reverse_subpage("category_feed", args=[category.slug])
        elif tag is not None:
            route = self.reverse_subpage("tag_feed", args=[tag.slug])
        else:
            route = self.reverse_subpage("feed")
        return self.get_url(request) + route

    def render_listing(self, request, articles, listing="all", **extra_context):
        """The index's template over one page of `articles` (see paginate)."""
        return self.render(
            request,
            context_overrides={
                # Read where the listing's cached fragment misses (caching.fragments).
                "articles": SimpleLazyObject(
                    lambda: self.paginate(request, articles, listing)
                ),
                "feed_url": self.feed_url(request, **extra_context),
                **extra_context,
            },
        )

    @path("")
    def all_articles(self, request):
        return self.render_listing(
            request, lambda paths: self.get_articles(request, paths)
        )

    @path("kategori/<uslug:slug>/")
    def by_category(self, request, slug):
        category = self.get_category(slug)
        return self.render_listing(
            request,
            lambda paths: self.get_articles(request, paths).filter(category=category),
            f"category:{category.pk}",
            category=category,
        )

    @path("tag/<uslug:slug>/")
    def by_tag(self, request, slug):
        tag = self.get_tag(slug)
        return self.render_listing(
            request,
            lambda paths: self.get_articles(request, paths).filter(
                tagged_items__tag=tag
            ),
            f"tag:{tag.pk}",
            tag=tag,
        )

    # --- Feeds: RSS 2.0, one for everything, one per category and per tag.

    @path("feed/", name="feed")
    @same_for_every_reader
    def feed(self, request):
        from ..feeds import ArticleFeed

        return ArticleFeed(self, self.get_articles(request))(request)

    @path("kategori/<uslug:slug>/feed/", name="category_feed")
    @same_for_every_reader
    def category_feed(self, request, slug):
        from ..feeds import ArticleFeed

        category = self.get_category(slug)
        articles = self.get_articles(request).filter(category=category)
        return ArticleFeed(self, articles, category=category)(request)

    @path("tag/<uslug:slug>/feed/", name="tag_feed")
    @same_for_every_reader
    def tag_feed(self, request, slug):
        from ..feeds import ArticleFeed

        tag = self.get_tag(slug)
        articles = self.get_articles(request).filter(tagged_items__tag=tag)
        return ArticleFeed(self, articles, tag=tag)(request)

    # --- Sitemap and front-end cache: the listings are pages of their own.

    def get_listing_paths(self):
        """The index's own listings and feeds, relative to its URL."""
        paths = ["", self.reverse_subpage("feed")]
        for category in Category.objects.with_live_articles():
            paths += [
                self.reverse_subpage(route, args=[category.slug])
                for route in ("by_category", "category_feed")
            ]
        return paths

    def get_cached_paths(self):
        return ["/" + path for path in self.get_listing_paths()]

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if base:
            urls += [
                {
                    "location": base
                    + self.reverse_subpage("by_category", args=[category.slug])
                }
                for category in Category.objects.with_live_articles(request)
            ]
        return urls
