from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from blog.hooks import ARTICLE_SAVING_HOOK

from . import page_endings, views


@hooks.register("register_admin_urls")
def register_importer_urls():
    return [path("kirim-tulisan/", views.submit_text, name="importer_submit_text")]


class SubmitTextMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_submit_text(request.user)


@hooks.register("register_admin_menu_item")
def submit_text_menu_item():
    return SubmitTextMenuItem(
        _("Kirim tulisan"),
        reverse("importer_submit_text"),
        icon_name="doc-full",
        name="importer-submit-text",
        order=240,
    )


class SubmitTextPanel(Component):
    """On the dashboard, above "Tulisan saya": a text written elsewhere comes in here."""

    name = "importer_submit_text"
    template_name = "importer/dashboard_panel.html"
    order = 45

    def get_context_data(self, parent_context=None):
        return {"url": reverse("importer_submit_text")}


@hooks.register("construct_homepage_panels")
def submit_text_panel(request, panels):
    if views.may_submit_text(request.user):
        panels.append(SubmitTextPanel())


# A post pasted into the page editor with its ending ("Ilustrator: Ans", her name,
# her bio) gets the credits Kirim tulisan would give it (importer.page_endings).
hooks.register(ARTICLE_SAVING_HOOK, page_endings.read_ending_on_save)
