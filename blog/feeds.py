"""RSS 2.0 feeds of articles, with every credit, as the community credits its people."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from contributors.names import join_names

from .models import FEED_ITEMS, ArticleCredit

DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"


class CreditsRssFeed(Rss201rev2Feed):
    """RSS 2.0 with a <dc:creator> per writer.

    RSS's own <author> must be an e-mail address, which contributors do not publish;
    Dublin Core's creator takes a name, and feed readers show it as the byline.
    """

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:dc": DUBLIN_CORE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name in item.get("creators", ()):
            handler.addQuickElement("dc:creator", name)


def credits_text(credits):
    """ "Penulis: A dan B · Ilustrator: C": roles in the order credited."""
    names_by_role = {}
    for credit in credits:
        names_by_role.setdefault(credit.get_role_display(), []).append(
            credit.contributor.public_name
        )
    return " · ".join(
        f"{role}: {join_names(names)}" for role, names in names_by_role.items()
    )


class ArticleFeedMixin:
    """What every article feed shares: item fields built from prefetched credits."""

    feed_type = CreditsRssFeed
    language = "id"

    def __init__(self, articles):
        super().__init__()
        self.articles = articles

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return None

    def items(self):
        return list(self.articles.with_card_data()[:FEED_ITEMS])

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_url(self.request)

    def item_description(self, item):
        # share_summary: an article with a content note is described by its note,
        # not quoted, since a feed reader shows it to whoever subscribed.
        parts = [item.share_summary, credits_text(item.credits.all())]
        # Feed readers read an RSS description as HTML: the summary is text, so it is
        # escaped for that HTML once ("<balasan>" stays words, "&" stays "&").
        return escape("\n\n".join(str(part) for part in parts if part))

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [item.category.name] if item.category else []

    def item_extra_kwargs(self, item):
        names = [
            credit.contributor.public_name
            for credit in item.credits.all()
            if credit.role == ArticleCredit.Role.WRITER
        ]
        return {"creators": names}


class ArticleFeed(ArticleFeedMixin, Feed):
    """The blog index's feed, or one category's or tag's."""

    def __init__(self, index_page, articles, category=None, tag=None):
        super().__init__(articles)
        self.index_page = index_page
        self.category = category
        self.tag = tag

    def title(self):
        if self.category is not None:
            return _("Serambi: %(name)s") % {"name": self.category.name}
        if self.tag is not None:
            return _("Serambi: #%(name)s") % {"name": self.tag.name}
        return _("Serambi: artikel terbaru")

    def link(self):
        url = self.index_page.get_url(self.request)
        if self.category is not None:
            url += self.index_page.reverse_subpage(
                "by_category", args=[self.category.slug]
            )
        elif self.tag is not None:
            url += self.index_page.reverse_subpage("by_tag", args=[self.tag.slug])
        return url

    def description(self):
        if self.category is not None and self.category.description:
            return self.category.description
        return _("Tulisan terbaru dari komunitas Serambi.")


class ContributorFeed(ArticleFeedMixin, Feed):
    """One contributor's feed: every live article that credits her, in any role."""

    def __init__(self, contributor, articles):
        super().__init__(articles)
        self.contributor = contributor

    def title(self):
        return _("Serambi: tulisan %(name)s") % {"name": self.contributor.public_name}

    def link(self):
        return self.contributor.get_url(self.request)

    def description(self):
        return self.contributor.short_bio or _(
            "Tulisan dan karya %(name)s di Serambi."
        ) % {"name": self.contributor.public_name}
