"""What belongs to the site as a whole: the home page and site settings."""

from django.core.validators import URLValidator
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from contributors.routing import DirectChildRouteMixin, ServedUrlMixin
from contributors.visibility import CachedViewRestrictionsMixin
from website.blocks import HelplineBlock

HOME_LATEST_ARTICLES = 6
SPOTLIGHT_CONTRIBUTORS = 4
SPOTLIGHT_RECENT_ARTICLES = 100

# --- Pages -----------------------------------------------------------------------


class HomeCards:
    """The home page's featured and latest articles and its spotlight contributors,
    read on first use: together, so that the credits of every card come in one query
    and the renditions of every image (heroes and photos) in another."""

    def __init__(self, home, request):
        self.home = home
        self.request = request

    @cached_property
    def _all(self):
        from blog.models import ArticlePage, public_articles
        from blog.templatetags.article_cards import CARD_PICTURE_SPECS
        from contributors.visibility import restricted_paths
        from images.renditions import LINK_PREVIEW_SPEC, picture_specs
        from modelrows.sql import list_compiled_once

        # Built and compiled once for what they depend on (modelrows.sql): the
        # home page, the private sections public() leaves out, the featured
        # articles shown.
        paths = tuple(restricted_paths())
        featured = list_compiled_once(
            ArticlePage,
            ("home-featured", self.home.pk, paths),
            lambda: self.featured_articles(paths),
        )
        shown = tuple(article.pk for article in featured)
        latest = list_compiled_once(
            ArticlePage,
            ("home-latest", shown, paths),
            lambda: (
                public_articles(paths=paths)
                .exclude(pk__in=shown)
                .newest_first()
                .for_cards()[:HOME_LATEST_ARTICLES]
            ),
        )
        spotlight = self.home.get_spotlight_contributors()
        # The renditions the page shows: the cards', the first featured hero's link
        # preview (og_image in the head) and the spotlight's photos.
        specs = {
            *CARD_PICTURE_SPECS,
            LINK_PREVIEW_SPEC,
            *picture_specs("components/person_card.html"),
        }
        ArticlePage.attach_card_data(
            [*featured, *latest],
            extra_images=[c.photo for c in spotlight],
            specs=sorted(specs),
        )
        return featured, latest, spotlight

    def featured_articles(self, paths):
        """The featured articles in the editor's order, drafts and those in the
        private sections of `paths` left out."""
        from blog.models import public_articles

        featured_order = HomePageFeaturedArticle.objects.filter(
            page=self.home, article=OuterRef("pk")
        ).values("sort_order")[:1]
        return (
            public_articles(paths=paths)
            .filter(
                pk__in=HomePageFeaturedArticle.objects.filter(page=self.home).values(
                    "article"
                )
            )
            .annotate(featured_order=Subquery(featured_order))
            .order_by("featured_order")
            .for_cards()
        )

    @property
    def featured(self):
        return self._all[0]

    @property
    def latest(self):
        return self._all[1]

    @property
    def spotlight(self):
        return self._all[2]


class HomePage(
    ServedUrlMixin, CachedViewRestrictionsMixin, DirectChildRouteMixin, Page
):
    """The front porch: introduction, featured articles, an invitation to write."""

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )
    invitation_heading = models.CharField(
        _("judul ajakan menulis"),
        max_length=120,
        blank=True,
        default="Punya cerita untuk dibagikan?",
    )
    invitation_text = models.TextField(
        _("teks ajakan menulis"),
        blank=True,
        help_text=_("Ajak pembaca untuk menulis atau menggambar bersama komunitas."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        InlinePanel(
            "featured_articles",
            heading=_("Artikel pilihan"),
            label=_("Artikel pilihan"),
            max_num=6,
        ),
        MultiFieldPanel(
            [FieldPanel("invitation_heading"), FieldPanel("invitation_text")],
            heading=_("Ajakan menulis"),
        ),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "blog.BlogIndexPage",
        "contributors.ContributorIndexPage",
        "stories.StoryFormPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("beranda")
        verbose_name_plural = pgettext_lazy("plural", "beranda")

    def get_context(self, request, *args, **kwargs):
        from blog.models.taxonomy import live_categories

        context = super().get_context(request, *args, **kwargs)
        # Read lazily, where the home page's cached fragment misses (caching.fragments).
        cards = HomeCards(self, request)
        context.update(
            {
                "featured_articles": SimpleLazyObject(lambda: cards.featured),
                "latest_articles": SimpleLazyObject(lambda: cards.latest),
                "categories": SimpleLazyObject(live_categories),
                "spotlight_contributors": SimpleLazyObject(lambda: cards.spotlight),
            }
        )
        return context

    def get_spotlight_contributors(self):
        """Contributors who show a photo, most recently published first, with their
        photos (HomeCards fetches the photos' renditions with the cards').

        Those who write under a pen name only keep their photo off the site, so they
        are not picked for a section that is all faces.

        Picked among the people credited on the latest articles, so the cost stays
        that of a short list however large the archive grows: the latest live
        articles, the people credited on them ranked by their latest one, the first
        few of those who are live and public. Written as SQL (that SQLite and
        PostgreSQL both read) rather than built with the ORM, whose version (three
        nested subqueries, a grouped annotation) cost more to compile than to run.
        """
        from blog.models import ArticleCredit, ArticlePage
        from contributors.models import ContributorPage
        from contributors.visibility import restricted_paths
        from modelrows.sql import rows_for

        rows = rows_for(ContributorPage, select_related=("photo",))
        quote = rows.connection.ops.quote_name
        page_table = quote(Page._meta.db_table)
        page = rows.alias(Page)
        contributor = rows.alias(ContributorPage)
        restricted = [path for _pk, path in restricted_paths()]
        private = "".join(
            f" AND NOT (substr({page}.{quote('path')}, 1, %s) = %s)"
            for _path in restricted
        )
        private_params = [value for path in restricted for value in (len(path), path)]
        sql = (
            f"SELECT {rows.columns} FROM {rows.tables} "  # noqa: S608 - names from the models, values as parameters
            "INNER JOIN ("
            "SELECT c.contributor_id AS contributor_id, "
            "MAX(ap.first_published_at) AS latest "
            f"FROM {quote(ArticleCredit._meta.db_table)} c "
            f"INNER JOIN {quote(ContributorPage._meta.db_table)} cp "
            "ON cp.page_ptr_id = c.contributor_id "
            f"INNER JOIN {page_table} ap ON ap.id = c.page_id "
            "WHERE c.page_id IN ("
            f"SELECT a.page_ptr_id FROM {quote(ArticlePage._meta.db_table)} a "
            f"INNER JOIN {page_table} r ON r.id = a.page_ptr_id WHERE r.live "
            "ORDER BY r.first_published_at DESC, a.page_ptr_id DESC LIMIT %s) "
            "AND cp.photo_id IS NOT NULL AND NOT cp.use_pen_name_only "
            "GROUP BY c.contributor_id ORDER BY latest DESC LIMIT %s"
            f") spotlight ON spotlight.contributor_id = {contributor}.page_ptr_id "
            f"WHERE {page}.live{private} "
            f"ORDER BY spotlight.latest DESC, {page}.{quote('title')} ASC LIMIT %s"
        )
        params = [
            SPOTLIGHT_RECENT_ARTICLES,
            SPOTLIGHT_CONTRIBUTORS * 2,
            *private_params,
            SPOTLIGHT_CONTRIBUTORS,
        ]
        return rows.fetch(sql, params)


class HomePageFeaturedArticle(Orderable):
    page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_articles"
    )
    article = models.ForeignKey(
        "blog.ArticlePage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("artikel"),
    )

    panels = [FieldPanel("article")]

    class Meta(Orderable.Meta):
        verbose_name = _("artikel pilihan")
        verbose_name_plural = pgettext_lazy("plural", "artikel pilihan")


# --- Settings --------------------------------------------------------------------

# A page nobody would wonder about on a shared phone: today's weather.
QUICK_EXIT_DEFAULT_URL = "https://www.google.com/search?q=cuaca+hari+ini"


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    tagline = models.CharField(
        _("slogan"), max_length=160, blank=True, default="Ruang cerita para ibu tunggal"
    )
    footer_text = models.TextField(_("teks kaki halaman"), blank=True)
    contact_email = models.EmailField(_("e-mail kontak"), blank=True)
    whatsapp_group_url = models.URLField(
        _("tautan grup WhatsApp"),
        blank=True,
        help_text=_("Tautan undangan grup, misalnya https://chat.whatsapp.com/…"),
    )
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    # --- Quick exit (templates/components/quick_exit.html) ---
    quick_exit_everywhere = models.BooleanField(
        _("tombol Keluar cepat di semua halaman"),
        default=False,
        help_text=_(
            "Tanpa centang, tombol hanya muncul di artikel bercatatan konten, di "
            "halaman layanan bantuan dan di halaman lain yang memintanya."
        ),
    )
    quick_exit_url = models.URLField(
        _("alamat tujuan Keluar cepat"),
        default=QUICK_EXIT_DEFAULT_URL,
        validators=[URLValidator(schemes=["https", "http"])],
        help_text=_(
            "Situs biasa yang tidak mencurigakan, misalnya prakiraan cuaca. Pembaca "
            "langsung dibawa ke sana saat menekan Keluar cepat atau tombol Esc."
        ),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("tagline"),
                FieldPanel("footer_text"),
                FieldPanel("contact_email"),
            ],
            heading=_("Identitas"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("whatsapp_group_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("tiktok_url"),
            ],
            heading=_("Media sosial"),
        ),
        MultiFieldPanel(
            [FieldPanel("quick_exit_everywhere"), FieldPanel("quick_exit_url")],
            heading=_("Keluar cepat"),
        ),
    ]

    class Meta:
        verbose_name = _("pengaturan situs")
        verbose_name_plural = pgettext_lazy("plural", "pengaturan situs")

    @classmethod
    def base_queryset(cls):
        from .sections import with_sections

        # Every public page reads these settings (the footer); the section indexes
        # come along in the same query (website.sections).
        return with_sections(super().base_queryset())

    @classmethod
    def for_site(cls, site):
        """As Wagtail's (get or create), the section indexes along in one query
        (website.sections.settings_with_sections) that compiles no ORM SQL."""
        from .sections import settings_with_sections

        if site is not None:
            instance = settings_with_sections(cls, site)
            if instance is not None:
                return instance
        return super().for_site(site)

    @cached_property
    def sections(self):
        from .sections import Sections

        return Sections(self)

    @property
    def social_links(self):
        """(label, url) for each filled-in network, WhatsApp first."""
        candidates = [
            ("WhatsApp", self.whatsapp_group_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            ("TikTok", self.tiktok_url),
        ]
        return [(label, url) for label, url in candidates if url]


@register_setting(icon="help")
class HelplineSettings(BaseSiteSetting):
    """Where a reader can find help now: shown under every article with a content
    note and on /bantuan/."""

    intro = models.TextField(
        _("pengantar"),
        blank=True,
        default=(
            "Kamu tidak sendirian. Jika kamu atau orang yang kamu sayangi sedang "
            "dalam bahaya atau merasa tidak kuat lagi, hubungi salah satu layanan ini."
        ),
    )
    helplines = StreamField(
        [("helpline", HelplineBlock())],
        verbose_name=_("layanan bantuan"),
        blank=True,
    )

    panels = [FieldPanel("intro"), FieldPanel("helplines")]

    class Meta:
        verbose_name = _("layanan bantuan")
        verbose_name_plural = pgettext_lazy("plural", "layanan bantuan")
