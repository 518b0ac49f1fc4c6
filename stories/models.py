"""Stories from members without an account: the public form page and what it keeps.

A submission keeps what she chose to give and nothing about the request that carried
it: no address, user agent or cookie (the per-address limit lives in the cache, hashed,
for its window only; stories.limits). Her contact detail is for the editors alone and
goes with the submission `StorySettings.retention_days` after the decision
(`manage.py purge_stories`, in settings.SCHEDULED_JOBS).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

DEFAULT_TERMS = (
    "<p>Cerita yang kamu kirim adalah ceritamu sendiri. Redaksi boleh menyunting "
    "ejaan dan panjangnya sebelum terbit, dan boleh memutuskan untuk tidak "
    "menerbitkannya. Jangan sebut nama lengkap, alamat atau nomor telepon orang lain "
    "di dalam cerita. Kontakmu hanya dilihat redaksi dan dihapus setelah redaksi "
    "memutuskan.</p>"
)
DEFAULT_NEXT_STEPS = (
    "<p>Redaksi membaca setiap cerita yang masuk, biasanya dalam satu minggu. Bila "
    "ceritamu akan diterbitkan, redaksi menyiapkannya sebagai draf dan menyunting "
    "seperlunya. Bila kamu meninggalkan e-mail, kamu akan mendapat kabar apa pun "
    "keputusannya.</p>"
)
DEFAULT_ACCEPTED = (
    "Terima kasih sudah berbagi cerita dengan Serambi. Redaksi akan menerbitkan "
    "ceritamu setelah menyuntingnya seperlunya. Namamu akan tertulis sesuai yang "
    "kamu minta."
)
DEFAULT_DECLINED = (
    "Terima kasih sudah mempercayakan ceritamu kepada Serambi. Kali ini redaksi "
    "belum bisa menerbitkannya. Keputusan ini bukan penilaian atas dirimu atau "
    "pengalamanmu: ceritamu tetap berarti. Kamu selalu boleh mengirim cerita lain."
)


class StoryFormPage(RoutablePageMixin, Page):
    """ "Kirim ceritamu": the public form. Its GET is an ordinary cached page; the form
    posts to `stories.views.submit_story`, which needs no cookie (see there)."""

    intro = RichTextField(
        _("pengantar"),
        blank=True,
        features=["bold", "italic", "link"],
        default=(
            "<p>Punya cerita yang ingin kamu bagikan? Kirim di sini, tanpa perlu "
            "mendaftar. Kamu boleh memakai nama pena atau menulis sebagai Anonim.</p>"
        ),
    )
    terms = RichTextField(
        _("ketentuan komunitas"),
        features=["bold", "italic", "link", "ol", "ul"],
        default=DEFAULT_TERMS,
        help_text=_("Yang disetujui pengirim dengan satu centang."),
    )
    next_steps = RichTextField(
        _("setelah mengirim"),
        features=["bold", "italic", "link"],
        default=DEFAULT_NEXT_STEPS,
        help_text=_("Ditampilkan setelah cerita terkirim: apa yang terjadi dan kapan."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("terms"),
        FieldPanel("next_steps"),
    ]

    parent_page_types = ["website.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("halaman kirim cerita")
        verbose_name_plural = pgettext_lazy("plural", "halaman kirim cerita")

    def get_context(self, request, *args, **kwargs):
        from .forms import StoryForm

        context = super().get_context(request, *args, **kwargs)
        context.setdefault("form", StoryForm(page=self))
        return context

    def serve_form(self, request, form=None, status=200):
        context = self.get_context(request)
        if form is not None:
            context["form"] = form
        return TemplateResponse(
            request, self.get_template(request), context, status=status
        )

    @path("terkirim/")
    def sent(self, request):
        """What happens next and when, and where to find help now. The same for
        everyone (nothing of hers in it), so it is cached like the form."""
        return TemplateResponse(
            request,
            "stories/story_sent.html",
            {
                **self.get_context(request),
                "retention_days": StorySettings.for_request(request).retention_days,
            },
        )


class StorySubmission(models.Model):
    """One story as she sent it. Deliberately no request data (address, user agent,
    cookie): tests/stories/test_privacy.py lists these fields."""

    class Status(models.TextChoices):
        NEW = "new", _("baru")
        DRAFTED = "drafted", _("jadi draf")
        DECLINED = "declined", _("ditolak")

    received_at = models.DateTimeField(_("diterima"), default=timezone.now)
    page = models.ForeignKey(
        StoryFormPage,
        verbose_name=_("halaman"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # --- What she sent: her text, or one file (.docx/.txt), and one picture
    text = models.TextField(_("teks"), blank=True)
    file_name = models.CharField(_("nama berkas"), max_length=255, blank=True)
    file_data = models.BinaryField(null=True, blank=True)
    # Stripped of its metadata before it is kept (images.privacy).
    picture_name = models.CharField(_("nama gambar"), max_length=255, blank=True)
    picture_data = models.BinaryField(null=True, blank=True)
    title = models.CharField(_("judul"), max_length=255, blank=True)
    # --- Who she is, as far as she says
    name = models.CharField(_("nama untuk diterbitkan"), max_length=120)
    real_name = models.BooleanField(
        _("nama asli, boleh diterbitkan"),
        default=False,
        help_text=_("Tanpa centang ini, profilnya dibuat dengan nama pena saja."),
    )
    # Editors only: never in a page, a log line, a mail subject or a search index.
    contact = models.CharField(_("kontak (hanya redaksi)"), max_length=254, blank=True)
    # --- The decision
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    decided_at = models.DateTimeField(_("diputuskan"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("diputuskan oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    article = models.ForeignKey(
        "blog.ArticlePage",
        verbose_name=_("artikel"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("cerita masuk")
        verbose_name_plural = pgettext_lazy("plural", "cerita masuk")
        ordering = ["received_at"]
        indexes = [models.Index(fields=["status", "decided_at"])]

    def __str__(self):
        return self.title or str(_("Cerita tanpa judul"))

    @property
    def contact_email(self):
        return self.contact if "@" in self.contact else ""

    @property
    def contact_whatsapp(self):
        """The number as wa.me wants it (country code, digits only), or ""."""
        if not self.contact or "@" in self.contact:
            return ""
        digits = "".join(c for c in self.contact if c.isdigit())
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return digits

    def waited(self, now=None):
        return (self.decided_at or now or timezone.now()) - self.received_at


@register_setting(icon="mail")
class StorySettings(BaseSiteSetting):
    retention_days = models.PositiveIntegerField(
        _("hapus setelah (hari)"),
        default=30,
        help_text=_(
            "Cerita masuk, dengan kontak pengirimnya, dihapus sekian hari setelah "
            "redaksi memutuskan."
        ),
    )
    accepted_message = models.TextField(
        _("pesan bila diterima"), default=DEFAULT_ACCEPTED
    )
    declined_message = models.TextField(
        _("pesan bila ditolak"),
        default=DEFAULT_DECLINED,
        help_text=_("Awal pesan penolakan; redaksi bisa mengubahnya tiap kali."),
    )

    panels = [
        FieldPanel("retention_days"),
        FieldPanel("accepted_message"),
        FieldPanel("declined_message"),
    ]

    class Meta:
        verbose_name = _("cerita masuk")
        verbose_name_plural = pgettext_lazy("plural", "pengaturan cerita masuk")

    def purge_before(self, now=None):
        return (now or timezone.now()) - timedelta(days=self.retention_days)
