from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _


class AddContributorForm(forms.Form):
    name = forms.CharField(
        label=_("Nama lengkap"),
        max_length=120,
        help_text=_("Nama asli. Tidak tampil di situs jika ia memakai nama pena saja."),
    )
    pen_name = forms.CharField(label=_("Nama pena"), max_length=120, required=False)
    use_pen_name_only = forms.BooleanField(
        label=_("Tampilkan hanya nama pena"), required=False
    )
    email = forms.EmailField(label=_("Alamat e-mail"))
    username = forms.CharField(
        label=_("Nama pengguna"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Untuk masuk ke admin. Huruf, angka dan @ . + - _ saja."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if get_user_model().objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("Sudah ada akun dengan alamat e-mail ini."), code="duplicate_email"
            )
        return email

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if get_user_model().objects.filter(username__iexact=username).exists():
            raise forms.ValidationError(
                _("Nama pengguna ini sudah dipakai."), code="duplicate_username"
            )
        return username

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("use_pen_name_only") and not cleaned_data.get("pen_name"):
            self.add_error("pen_name", _("Isi nama pena jika nama asli disembunyikan."))
        return cleaned_data
