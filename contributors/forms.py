"""Admin forms that never cut what a contributor pastes."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


class NoSilentCutMixin:
    """Keep a field's length limit on the server and out of the browser.

    A browser truncates a paste at an input's `maxlength` without a word, so a bio
    pasted from WhatsApp lost its last sentence. The limit moves to a data attribute
    that the admin's counter script (static/js/admin_counter.js) reads, and the
    model field's own validator refuses an over-long value with a form error.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            limit = field.widget.attrs.pop("maxlength", None)
            if limit is not None:
                field.widget.attrs["data-serambi-max-length"] = limit


class ContributorPageForm(NoSilentCutMixin, WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A person has a name, not a "title".
        self.fields["title"].label = _("Nama")
        self.fields["title"].help_text = _(
            "Nama lengkap. Jika ia menulis dengan nama pena saja, nama ini tidak "
            "tampil di situs."
        )
