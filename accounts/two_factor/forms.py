from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.security import Throttle

# Wrong passwords typed into these forms, counted per account with the log-in limits:
# an open session cannot be used to guess the password.
password_throttle = Throttle("2fa-password")


class PasswordForm(forms.Form):
    """Asks again for the account password before the second factor changes."""

    password = forms.CharField(
        label=_("Kata sandi akun Anda"),
        help_text=_(
            "Demi keamanan, ketik lagi kata sandi yang Anda pakai untuk masuk."
        ),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        key = ("user", self.user.pk)
        if password_throttle.blocked(key):
            raise forms.ValidationError(
                _("Terlalu banyak kata sandi yang salah. Coba lagi nanti."),
                code="throttled",
            )
        if not self.user.check_password(password):
            password_throttle.hit(key)
            raise forms.ValidationError(
                _("Kata sandi tidak cocok."), code="wrong_password"
            )
        return password


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Kode"),
        max_length=32,
        help_text=_(
            "Enam angka dari aplikasi autentikator Anda, atau salah satu kode pemulihan."
        ),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )


class EnrolForm(PasswordForm):
    field_order = ["code", "password"]

    code = forms.CharField(
        label=_("Kode dari aplikasi"),
        max_length=12,
        help_text=_("Enam angka yang ditampilkan aplikasi autentikator untuk Serambi."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
            }
        ),
    )
