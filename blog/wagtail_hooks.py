from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from contributors.hooks import ARTICLES_HOOK, FEED_HOOK

from .feeds import ContributorFeed
from .models import ArticleCredit, Category, ContentNoteSuggestion, public_articles


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "folder-open-inverse"
    menu_label = _("Kategori")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]


register_snippet(CategoryViewSet)


class ContentNoteSuggestionViewSet(SnippetViewSet):
    model = ContentNoteSuggestion
    icon = "warning"
    menu_label = _("Saran catatan konten")
    list_display = ["text"]
    search_fields = ["text"]


register_snippet(ContentNoteSuggestionViewSet)


@hooks.register(ARTICLES_HOOK)
def contributor_articles(contributor, request=None):
    """Her live, public articles in any role, newest first, ready for cards."""
    credits = ArticleCredit.objects.filter(page=OuterRef("pk"), contributor=contributor)
    return (
        public_articles(request).filter(Exists(credits)).newest_first().with_card_data()
    )


@hooks.register(FEED_HOOK)
def contributor_feed(contributor, articles, request):
    return ContributorFeed(contributor, articles)(request)
