"""One contributor's feed: every live article that credits her, in any role."""

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from blog.feeds import ArticleFeedMixin


class ContributorFeed(ArticleFeedMixin, Feed):
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
