"""The people who write and draw for the community, and their public pages."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, Exists, OuterRef, Q, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from caching.fragments import same_for_every_reader
from modelrows.loading import LoadedWithoutInitMixin

from .admin_titles import PrivateAdminTitleMixin, viewer_may_see_private
from .forms import ContributorPageForm
from .hooks import ARTICLES_HOOK, FEED_HOOK, PERMISSION_TESTER_HOOK, registered
from .pagination import get_page
from .routing import DirectChildRouteMixin, ServedUrlMixin
from .visibility import CachedViewRestrictionsMixin, PublicQuerySetMixin, private_q

WORKS_PER_PAGE = 12


class ContributorIndexPage(
    ServedUrlMixin, CachedViewRestrictionsMixin, DirectChildRouteMixin, Page
):
    """Everyone who has written or drawn for the community (/kontributor/ until an
    editor renames it)."""

    intro = RichTextField(
        _("pengantar"), blank=True, features=["bold", "italic", "link"]
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["website.HomePage"]
    subpage_types = ["contributors.ContributorPage"]
    max_count = 1
    # Her page shows her photo: fetched with the page as it is routed.
    child_select_related = ("photo",)

    class Meta:
        verbose_name = _("indeks kontributor")
        verbose_name_plural = pgettext_lazy("plural", "indeks kontributor")

    def get_contributors(self):
        return (
            ContributorPage.objects.live()
            .exclude(private_q())
            .child_of(self)
            # Redundant, but it has SQLite start from the contributors' own table:
            # for "depth = 4" it would otherwise walk a partial index of every
            # section's children (editorial migration 0008), articles included.
            .filter(pk__in=ContributorPage.objects.values("pk"))
            .select_related("photo")
            .prefetch_related("photo__renditions")
            # By the name shown (`public_name`): sorted by her real name, a pen name
            # would stand among the names that begin like the real one.
            .order_by(Coalesce(NullIf("pen_name", Value("")), "title"), "pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        contributors = list(self.get_contributors())
        roles = credit_roles()
        # Whether each has a public credit in each role: a probe per role along the
        # credits' (role, contributor, page) index that stops at the first found, so
        # the cost is that of the people listed, not of every credit in the archive.
        credits = public_credits()
        found = ContributorPage.objects.filter(
            pk__in=[c.pk for c in contributors]
        ).values_list(
            "pk",
            *[
                Exists(credits.filter(contributor=OuterRef("pk"), role=value))
                for value, _label in roles
            ],
        )
        has_role = {pk: flags for pk, *flags in found}
        for contributor in contributors:
            flags = has_role.get(contributor.pk) or [False] * len(roles)
            contributor.roles = [
                label for (_value, label), has in zip(roles, flags, strict=True) if has
            ]
        context["contributors"] = contributors
        return context


def public_credits():
    """Credits on live, public pages, through the credits' reverse relation (the app
    that defines credits sits above this one): a draft must not make someone an
    "illustrator" in public before it is published, nor a private article count."""
    credits = ContributorPage.credits.rel.related_model.objects
    # The credit's own page, joined: live, and not among the (few) private pages.
    private_pages = Page.objects.filter(private_q()).values("pk")
    return credits.filter(page__live=True).exclude(page__in=private_pages)


def credit_roles():
    """(value, label) of every credit role, in the order the credits model gives."""
    return ContributorPage.credits.rel.related_model._meta.get_field("role").choices


class ContributorPageQuerySet(PublicQuerySetMixin, PageQuerySet):
    pass


# The fields `names_for_index` reads, for a query that needs no page objects.
INDEXED_NAME_FIELDS = ("title", "pen_name", "use_pen_name_only")


def names_for_index(title, pen_name, use_pen_name_only):
    """The names search may find a contributor by (ContributorPage.indexed_name):
    her pen name alone when she hides her real name, else both."""
    if use_pen_name_only:
        return pen_name
    return " ".join(name for name in (title, pen_name) if name)


class ContributorPage(
    LoadedWithoutInitMixin,
    ServedUrlMixin,
    CachedViewRestrictionsMixin,
    PrivateAdminTitleMixin,
    RoutablePageMixin,
    Page,
):
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
        "images.CustomImage",
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
        max_length=600,
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

    base_form_class = ContributorPageForm

    objects = PageManager.from_queryset(ContributorPageQuerySet)()

    search_fields = [
        *Page.search_fields,
        index.SearchField("indexed_name", boost=2),
        index.AutocompleteField("indexed_name"),
        index.SearchField("short_bio"),
        index.SearchField("bio"),
    ]

    parent_page_types = ["contributors.ContributorIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("kontributor")
        verbose_name_plural = pgettext_lazy("plural", "kontributor")
        permissions = [
            (
                "change_contributor_user",
                _("Dapat menautkan profil kontributor ke akun"),
            ),
        ]

    def __str__(self):
        return self.public_name

    def permissions_for_user(self, user):
        # She edits her own profile (the page whose `user` is her) though an editor
        # created it: editorial registers that tester (see contributors.hooks).
        tester = registered(PERMISSION_TESTER_HOOK)
        if tester is None:
            return super().permissions_for_user(user)
        return tester(user, self)

    @property
    def public_name(self):
        if self.use_pen_name_only and self.pen_name:
            return self.pen_name
        return self.pen_name or self.title

    def get_admin_display_title(self):
        # Her real name is hers and the editors': everyone else, in every admin
        # listing and chooser, sees the name she writes under.
        if (
            self.use_pen_name_only
            and self.pen_name
            and viewer_may_see_private(self) is not True
        ):
            return self.pen_name
        return super().get_admin_display_title()

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

    @classmethod
    def get_search_fields(cls):
        """Page's fields less the full-text and autocomplete title: her real name.

        Someone who writes under a pen name only must not be found by it, neither in
        the public search nor in the admin's page chooser (which autocompletes), so
        `indexed_name` stands in for it. Page.search_fields stay in `search_fields`
        (Wagtail checks for them).
        """
        return [
            field
            for field in super().get_search_fields()
            if not (
                type(field) in (index.SearchField, index.AutocompleteField)
                and field.field_name == "title"
            )
        ]

    @property
    def indexed_name(self):
        """The names search may find her by: never the real one she hides."""
        return names_for_index(self.title, self.pen_name, self.use_pen_name_only)

    # --- Public pages

    def get_articles(self, request=None):
        """Live, public articles crediting her in any role, newest first, with what a
        card shows. The blog provides them (see contributors.hooks)."""
        articles = registered(ARTICLES_HOOK)
        if articles is None:
            return Page.objects.none()
        return articles(self, request)

    def contribution_history(self):
        """(number of her published articles, [(role label, number of articles)] in
        role order): one query over her credits, however many articles she has."""
        roles = credit_roles()
        counts = (
            public_credits()
            .filter(contributor=self)
            .aggregate(
                total=Count("page", distinct=True),
                **{
                    value: Count("page", filter=Q(role=value), distinct=True)
                    for value, _label in roles
                },
            )
        )
        history = [(label, counts[value]) for value, label in roles if counts[value]]
        return counts["total"], history

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read lazily, as an article's page does: the template asks for these only
        # where its cached fragments (caching.fragments) miss.
        data = ContributorWorks(self, request)
        context.update(
            {
                "works": SimpleLazyObject(lambda: data.works),
                "written_articles": SimpleLazyObject(lambda: data.written),
                "illustrated_articles": SimpleLazyObject(lambda: data.illustrated),
                "history": SimpleLazyObject(lambda: data.history),
                "links": SimpleLazyObject(lambda: data.links),
                "feed_url": self.get_url(request) + self.reverse_subpage("feed"),
            }
        )
        return context

    def get_cached_paths(self):
        return ["/", "/" + self.reverse_subpage("feed")]

    @path("feed/", name="feed")
    @same_for_every_reader
    def feed(self, request):
        feed = registered(FEED_HOOK)
        if feed is None:
            raise Http404
        return feed(self, self.get_articles(request), request)


class ContributorWorks:
    """What her page shows besides her profile, read on first use: her work in pages
    of cards (the body is never loaded), split by her role on each article so that
    writing and illustration show apart, her history and her links."""

    def __init__(self, contributor, request):
        self.contributor = contributor
        self.request = request

    @cached_property
    def _counted(self):
        return self.contributor.contribution_history()

    @property
    def history(self):
        return self._counted[1]

    @cached_property
    def works(self):
        paginator = Paginator(
            self.contributor.get_articles(self.request), WORKS_PER_PAGE
        )
        paginator.count = self._counted[0]  # counted with the history: no COUNT query
        works = get_page(paginator, self.request.GET.get("page"))
        works.object_list = list(works.object_list)
        return works

    def _with_role(self, role):
        pk = self.contributor.pk
        return [
            article
            for article in self.works.object_list
            if any(
                c.role == role and c.contributor_id == pk for c in article.credits.all()
            )
        ]

    @cached_property
    def written(self):
        return self._with_role("writer")

    @cached_property
    def illustrated(self):
        return self._with_role("illustrator")

    @cached_property
    def links(self):
        return list(self.contributor.links.all())


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
        verbose_name_plural = pgettext_lazy("plural", "tautan")

    def __str__(self):
        return self.label or self.get_platform_display()
