"""The people who write and draw for the community, and their public pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index


class ContributorIndexPage(Page):
    """/kontributor/: everyone who has written or drawn for the community."""

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["contributors.ContributorPage"]
    max_count = 1

    class Meta:
        verbose_name = _("indeks kontributor")
        verbose_name_plural = _("indeks kontributor")

    def get_contributors(self):
        return (
            ContributorPage.objects.live()
            .public()
            .child_of(self)
            .select_related("photo")
            .order_by("title")
        )


class ContributorPage(Page):
    """A contributor's public page. The page title is her display name.

    Someone who writes under a pen name can keep her real name and photo off the
    public site: templates, feeds and search show `public_name` and `public_photo`.
    """

    # --- Identity
    pen_name = models.CharField(
        _("nama pena"),
        max_length=120,
        blank=True,
        help_text=_("Nama yang dipakai di tulisan, jika berbeda dari nama asli."),
    )
    use_pen_name_only = models.BooleanField(
        _("tampilkan hanya nama pena"),
        default=False,
        help_text=_(
            "Sembunyikan nama asli dan foto dari situs publik. Hanya nama pena yang tampil."
        ),
    )
    photo = models.ForeignKey(
        "website.CustomImage",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("akun pengguna"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributor_profile",
        help_text=_(
            "Akun admin milik kontributor ini, jika ia menulis langsung di Serambi."
        ),
    )

    # --- About
    short_bio = models.TextField(
        _("bio singkat"),
        max_length=400,
        blank=True,
        help_text=_("Dua atau tiga kalimat. Tampil di akhir setiap tulisan."),
    )
    bio = RichTextField(
        _("bio lengkap"), blank=True, features=["bold", "italic", "link", "ol", "ul"]
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("pen_name"),
                FieldPanel("use_pen_name_only"),
                FieldPanel("photo"),
            ],
            heading=_("Identitas"),
        ),
        FieldPanel("short_bio"),
        FieldPanel("bio"),
    ]
    link_panels = [InlinePanel("links", heading=_("Tautan"), label=_("Tautan"))]
    account_panels = [
        FieldPanel("user", permission="contributors.change_contributor_user")
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Profil")),
            ObjectList(link_panels, heading=_("Tautan")),
            ObjectList(account_panels, heading=_("Akun")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
            ObjectList(Page.settings_panels, heading=_("Pengaturan")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("pen_name"),
        index.SearchField("short_bio"),
        index.SearchField("bio"),
    ]

    parent_page_types = ["contributors.ContributorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kontributor")
        verbose_name_plural = _("kontributor")
        permissions = [
            (
                "change_contributor_user",
                _("Dapat menautkan profil kontributor ke akun"),
            ),
        ]

    def __str__(self):
        return self.public_name

    @property
    def public_name(self):
        if self.use_pen_name_only and self.pen_name:
            return self.pen_name
        return self.pen_name or self.title

    @property
    def public_photo(self):
        return None if self.use_pen_name_only else self.photo

    def clean(self):
        super().clean()
        if self.use_pen_name_only:
            if not self.pen_name:
                raise ValidationError(
                    {"pen_name": _("Isi nama pena jika nama asli disembunyikan.")}
                )
            # The slug is public: it must not spell out the real name.
            if self.slug and slugify(self.title) and slugify(self.title) in self.slug:
                raise ValidationError(
                    {
                        "slug": _(
                            "Slug memuat nama asli. Gunakan nama pena, misalnya '%(slug)s'."
                        )
                        % {"slug": slugify(self.pen_name)}
                    }
                )

    def get_meta_title(self):
        return self.seo_title or self.public_name


class ContributorLink(Orderable):
    class Platform(models.TextChoices):
        FACEBOOK = "facebook", "Facebook"
        INSTAGRAM = "instagram", "Instagram"
        X = "x", "X"
        TIKTOK = "tiktok", "TikTok"
        YOUTUBE = "youtube", "YouTube"
        WEBSITE = "website", _("Situs web")
        OTHER = "other", _("Lainnya")

    page = ParentalKey(ContributorPage, on_delete=models.CASCADE, related_name="links")
    platform = models.CharField(
        _("platform"), max_length=20, choices=Platform.choices, default=Platform.WEBSITE
    )
    url = models.URLField(_("alamat"))
    label = models.CharField(
        _("label"),
        max_length=80,
        blank=True,
        help_text=_("Opsional, misalnya nama blog."),
    )

    panels = [FieldPanel("platform"), FieldPanel("url"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tautan")
        verbose_name_plural = _("tautan")

    def __str__(self):
        return self.label or self.get_platform_display()
