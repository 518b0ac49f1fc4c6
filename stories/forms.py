"""The story form: her text or file (read with Kirim tulisan's own rules), a picture,
the name to publish under, a contact if she wants a reply, and her agreement.

Two fields are for robots: `website`, a honeypot no person sees or fills, and
`started`, the signed time the form was rendered (the time trap, stories.views).
"""

import re
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from images.forms import stripped_or_invalid
from importer.forms import SourceForm

STAMP_SALT = "stories.form-started"
PICTURE_TYPES = "image/jpeg,image/png,image/webp,image/heic,image/heif,image/gif"
PHONE = re.compile(r"^\+?[\d\s().-]+$")

ANONYMOUS = "Anonim"


def max_picture_bytes():
    return getattr(settings, "STORY_MAX_PICTURE_BYTES", 5 * 1024 * 1024)


def stamp(at=None):
    """The signed time a form was rendered, for the `started` field."""
    return signing.Signer(salt=STAMP_SALT).sign(str(int(at or time.time())))


def seconds_since(value):
    """Seconds since a `stamp`, or None when it is missing or forged."""
    try:
        started = int(signing.Signer(salt=STAMP_SALT).unsign(value or ""))
    except (signing.BadSignature, ValueError):
        return None
    return time.time() - started


class StoryForm(SourceForm):
    """Kirim tulisan's first step (text or one file, its size and type rules), with
    what a member without an account adds."""

    picture = forms.FileField(
        label=_("Satu gambar (boleh dikosongkan)"),
        help_text=_(
            "Foto atau ilustrasi untuk ceritamu, paling besar 5 MB. Lokasi dan data "
            "kamera di dalamnya dihapus sebelum disimpan."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PICTURE_TYPES}),
    )
    name = forms.CharField(
        label=_("Nama yang dicantumkan"),
        help_text=_(
            "Nama pena, atau “Anonim”. Tidak perlu nama asli. Bila dikosongkan, "
            "ceritamu terbit sebagai Anonim."
        ),
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    real_name = forms.BooleanField(
        label=_("Ini nama asli saya, dan boleh diterbitkan"),
        required=False,
    )
    contact = forms.CharField(
        label=_("E-mail atau nomor WhatsApp (hanya bila ingin dibalas)"),
        help_text=_(
            "Hanya redaksi yang melihatnya. Dihapus bersama ceritamu setelah redaksi "
            "memutuskan. Kabar lewat e-mail dikirim otomatis; nomor WhatsApp "
            "dihubungi redaksi bila perlu."
        ),
        max_length=254,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "email"}),
    )
    agree = forms.BooleanField(
        label=_("Saya sudah membaca dan setuju dengan ketentuan komunitas di atas"),
        error_messages={
            "required": _("Centang persetujuan ketentuan komunitas untuk mengirim.")
        },
    )
    # For robots only (see the module docstring); the template hides it from people
    # and from screen readers.
    website = forms.CharField(
        label=_("Jangan isi kolom ini"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    started = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["text"].label = _("Tempel ceritamu di sini")
        self.fields["text"].help_text = _(
            "Judul di baris pertama, lalu ceritamu. Paling besar 5 MB."
        )
        self.fields["upload"].label = _("atau unggah berkas")
        self.fields["upload"].help_text = _(
            "Word (.docx) atau teks biasa (.txt), paling besar 5 MB."
        )
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}_help"
        # A fresh time on every rendering; what she posted is never carried back.
        self.initial["started"] = stamp()
        if self.is_bound:
            data = self.data.copy()
            data["started"] = stamp()
            self.data = data

    def clean_picture(self):
        picture = self.cleaned_data.get("picture")
        if not picture:
            return picture
        if picture.size > max_picture_bytes():
            raise ValidationError(
                _("Gambarnya terlalu besar: paling besar 5 MB."), code="too_big"
            )
        return stripped_or_invalid(picture)

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split()) or ANONYMOUS

    def clean_contact(self):
        contact = self.cleaned_data["contact"].strip()
        if not contact:
            return ""
        if "@" in contact:
            try:
                validate_email(contact)
            except ValidationError:
                raise ValidationError(
                    _("Alamat e-mail ini tidak lengkap. Periksa lagi, atau kosongkan."),
                    code="contact",
                ) from None
            return contact
        digits = re.sub(r"\D", "", contact)
        if not PHONE.match(contact) or not 8 <= len(digits) <= 15:
            raise ValidationError(
                _(
                    "Tulis alamat e-mail atau nomor WhatsApp (8–15 angka, boleh "
                    "diawali +62 atau 0), atau kosongkan."
                ),
                code="contact",
            )
        return contact

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("real_name") and cleaned.get("name") == ANONYMOUS:
            cleaned["real_name"] = False
        return cleaned
