"""Care around hard subjects: the content notes editors suggest to writers."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class ContentNoteSuggestion(Orderable):
    """A content note editors keep ready, offered as the writer types one."""

    text = models.CharField(_("teks"), max_length=120, unique=True)

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("saran catatan konten")
        verbose_name_plural = pgettext_lazy("plural", "saran catatan konten")

    def __str__(self):
        return self.text


class SuggestionsInput(forms.TextInput):
    """A text input with a <datalist>: the browser offers the suggestions as she
    types, and she may still write her own note."""

    template_name = "blog/widgets/suggestions_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        list_id = f"{context['widget']['attrs'].get('id') or name}-suggestions"
        context["widget"]["attrs"]["list"] = list_id
        context["widget"]["list_id"] = list_id
        context["widget"]["suggestions"] = list(
            ContentNoteSuggestion.objects.values_list("text", flat=True)
        )
        return context
