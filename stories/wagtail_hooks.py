from django.urls import path

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import StorySubmission

register_permission_policy(StorySubmission, admin_views.EditorsOnly(StorySubmission))


class StoryQueue(ModelViewSet):
    model = StorySubmission
    name = "stories"
    url_prefix = "cerita-masuk"
    icon = "mail"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = admin_views.QueueView
    inspect_view_class = admin_views.StoryView
    inspect_view_enabled = True
    list_filter = ["status"]
    # Wagtail builds its add/edit views from this; get_urlpatterns never routes them.
    form_fields = ["title"]

    @property
    def menu_label(self):
        return StorySubmission._meta.verbose_name_plural.capitalize()

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            list_display=["__str__", *admin_views.COLUMNS], **kwargs
        )

    def get_urlpatterns(self):
        """The list and one story, and the two decisions; no add, edit or delete."""
        kept = {"index", "index_results", "inspect"}
        return [
            *(p for p in super().get_urlpatterns() if p.name in kept),
            path("draft/<int:pk>/", admin_views.to_draft, name="draft"),
            path("decline/<int:pk>/", admin_views.to_declined, name="decline"),
            path("picture/<int:pk>/", admin_views.picture, name="picture"),
        ]


@hooks.register("register_admin_viewset")
def register_story_queue():
    return StoryQueue()
