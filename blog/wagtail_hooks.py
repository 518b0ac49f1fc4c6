from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category, ContentNoteSuggestion


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
