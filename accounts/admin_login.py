"""The admin's log-in form, in the community's words.

Wagtail's form leaves the password field's label to Django's default, the untranslated
field name ("Password").
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm


class LoginForm(WagtailLoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Kata sandi")
