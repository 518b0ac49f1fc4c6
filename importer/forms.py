"""The forms of "Kirim tulisan": her text or file first, then what Serambi understood."""

from pathlib import PurePath

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from blog.models import ArticleCredit
from editorial.roles import contributor_accounts

from .parsing import UPLOAD_EXTENSIONS

MAX_BYTES = 5 * 1024 * 1024

TOO_BIG = _(
    "Tulisan ini terlalu besar: paling besar 5 MB. Bagi menjadi beberapa tulisan, "
    "atau kecilkan gambar di dalam berkas Word-nya."
)
WRONG_TYPE = _(
    "Berkas ini tidak bisa dibaca. Unggah berkas Word (.docx), Markdown (.md) "
    "atau teks biasa (.txt)."
)

EMPTY_FILE = _("Berkas ini kosong. Pilih berkas yang berisi tulisan Anda.")


class SourceForm(forms.Form):
    """Step 1: the whole text pasted, or one file."""

    text = forms.CharField(
        label=_("Tempel seluruh tulisan Anda"),
        help_text=_(
            "Judul di baris pertama, lalu isi tulisan, baris kredit "
            "(mis. “Ilustrator: Ans”), nama Anda dan bio singkat di akhir."
        ),
        widget=forms.Textarea(attrs={"rows": 12, "class": "serambi-import__text"}),
        required=False,
        strip=False,
    )
    upload = forms.FileField(
        label=_("atau unggah berkas"),
        help_text=_(
            "Word (.docx), Markdown (.md) atau teks biasa (.txt), paling besar 5 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(UPLOAD_EXTENSIONS)}),
        required=False,
        error_messages={"empty": EMPTY_FILE},
    )

    def clean_text(self):
        text = self.cleaned_data["text"]
        if len(text.encode("utf-8")) > MAX_BYTES:
            raise ValidationError(TOO_BIG, code="too_big")
        return text

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if PurePath(upload.name).suffix.lower() not in UPLOAD_EXTENSIONS:
            raise ValidationError(WRONG_TYPE, code="wrong_type")
        if upload.size > MAX_BYTES:
            raise ValidationError(TOO_BIG, code="too_big")
        return upload

    def clean(self):
        cleaned = super().clean()
        text, upload = cleaned.get("text"), cleaned.get("upload")
        if self.errors:
            return cleaned
        if upload and text and text.strip():
            raise ValidationError(
                _(
                    "Pilih salah satu: tempel tulisan atau unggah berkas. "
                    "Kosongkan kotak teks bila Anda ingin mengunggah berkas."
                ),
                code="both",
            )
        if not upload and not (text or "").strip():
            raise ValidationError(
                _("Tempel tulisan Anda atau pilih berkas terlebih dahulu."),
                code="empty",
            )
        return cleaned


class CreditForm(forms.Form):
    role = forms.ChoiceField(label=_("Peran"), choices=ArticleCredit.Role.choices)
    name = forms.CharField(
        label=_("Nama"),
        max_length=255,
        required=False,
    )


MAX_CREDITS = 20

# Formset-style rows: one empty row to add a credit, "Hapus" to remove one; the
# preview's "Tambah kredit" adds another row (with or without JavaScript).
CreditFormSet = forms.formset_factory(
    CreditForm, extra=1, max_num=MAX_CREDITS, can_delete=True
)


class OwnerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.contributor_profile.title} ({obj.get_username()})"


class ConfirmForm(forms.Form):
    """Step 2: the source carried along, her title, the alt texts, and (editors) whose."""

    text = forms.CharField(widget=forms.HiddenInput, required=False, strip=False)
    upload_token = forms.CharField(widget=forms.HiddenInput, required=False)
    title = forms.CharField(
        label=_("Judul"),
        max_length=255,
        error_messages={
            "required": _("Tulisan ini belum punya judul. Tulis judulnya.")
        },
    )

    def __init__(self, *args, images=(), on_behalf=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.image_fields = []
        for index, image in enumerate(images):
            name = f"alt_{index}"
            self.fields[name] = forms.CharField(
                label=_("Teks alternatif untuk %(file)s") % {"file": image.filename},
                help_text=_(
                    "Gambarkan isi gambar dalam satu kalimat, untuk pembaca yang "
                    "tidak bisa melihatnya."
                ),
                max_length=255,
                required=False,
                initial=image.alt_text,
            )
            self.image_fields.append(name)
        if on_behalf:
            self.fields["owner"] = OwnerChoiceField(
                label=_("Atas nama kontributor"),
                queryset=contributor_accounts(),
                required=False,
                empty_label=_("— saya sendiri —"),
                help_text=_(
                    "Draf menjadi milik kontributor ini; ia bisa melanjutkannya."
                ),
            )

    def alt_texts(self):
        return [self.cleaned_data.get(name, "") for name in self.image_fields]

    def image_rows(self):
        return [self[name] for name in self.image_fields]
