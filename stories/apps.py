from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StoriesConfig(AppConfig):
    name = "stories"
    verbose_name = _("Kirim cerita")

    def ready(self):
        from website.sections import register_section

        from .models import StoryFormPage

        # The footer and /bantuan/ link to the form wherever an editor put it, read
        # on the settings query every public page makes anyway (website.sections).
        register_section("stories", StoryFormPage)
