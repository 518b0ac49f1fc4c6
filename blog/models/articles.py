"""Articles, the form that checks their credits, and the queries listings share."""

import math

from django.core.exceptions import ValidationError
from django.db import connections, models
from django.db.models import Prefetch
from django.db.models.query import ModelIterable
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.queryset import FakeQuerySet
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.blocks import StreamValue
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.rich_text import RichText
from wagtail.search import index

from caching.pages import saving_page_rows
from contributors.admin_titles import PrivateAdminTitleMixin
from contributors.chooser import contributor_chooser_viewset
from contributors.forms import NoSilentCutMixin
from contributors.models import (
    INDEXED_NAME_FIELDS,
    ContributorPage,
    names_for_index,
)
from contributors.routing import ServedUrlMixin
from contributors.visibility import (
    CachedViewRestrictionsMixin,
    PublicQuerySetMixin,
    private_q,
    restricted_paths,
)
from images.renditions import (
    LINK_PREVIEW_SPEC,
    picture_specs,
    prefetch_renditions,
    prefetch_renditions_by_use,
)
from modelrows.loading import LoadedWithoutInitMixin
from modelrows.sql import build_instance, columns_for, rows_for

from ..blocks import ArticleBodyBlock
from ..hooks import ARTICLE_SAVING_HOOK
from ..plain_text import html_to_text
from ..templatetags.article_cards import CARD_PICTURE_SPECS
from ..text_structure import split_rich_text
from .care import SuggestionsInput
from .taxonomy import ArticleTag, Category

WORDS_PER_MINUTE = 200
RELATED_ARTICLES = 3

# Slugs the blog index routes itself; an article may not take them.
RESERVED_ARTICLE_SLUGS = {"kategori", "tag", "feed"}


class ArticlePageQuerySet(PublicQuerySetMixin, PageQuerySet):
    def newest_first(self):
        """The order of every article listing: newest first, the id breaking ties.

        Both keys are indexed (wagtailcore_page.first_published_at; in SQLite the id is
        the rowid every index carries), so a LIMIT reads only the rows it returns.
        """
        return self.order_by("-first_published_at", "-pk")

    def for_cards(self):
        """The articles with what a card shows from their own rows (category, hero
        image) and no body: for a page that fetches the cards' credits and
        renditions itself, once for all its cards (ArticlePage.attach_card_data)."""
        return self.defer_streamfields().select_related("category", "hero_image")

    # Set by with_card_data: fetching the articles fetches what their cards show.
    _card_data = False

    def _clone(self):
        clone = super()._clone()
        clone._card_data = self._card_data
        return clone

    def public(self, paths=None):
        """Outside every private section: those of `paths` ((id, path) pairs as
        restricted_paths gives them) if given, else the current ones."""
        return self.exclude(private_q(restricted_paths() if paths is None else paths))

    def _fetch_all(self):
        fetching = self._result_cache is None
        super()._fetch_all()
        if (
            fetching
            and self._card_data
            and issubclass(self._iterable_class, ModelIterable)
        ):
            ArticlePage.attach_card_data(self._result_cache, specs=CARD_PICTURE_SPECS)

    def with_card_data(self):
        """Everything an article card shows, in a fixed number of queries.

        Category and hero image come with the articles; credits (with contributors'
        names, prefetch_credits) and the hero images' renditions come in one query each
        when the articles are fetched (ArticlePage.attach_card_data), however many
        articles the page lists. Only the renditions a card shows are fetched
        (CARD_PICTURE_SPECS, what {% article_card %} draws, so the card may change
        its sizes without adding a query): an image used as an article's hero and
        link preview has some twenty. The body, which no card shows, is not loaded.
        Asking twice (a feed of a listing that has them already) adds nothing.
        """
        if self._card_data:
            return self
        clone = self.for_cards()
        clone._card_data = True
        return clone


ArticlePageManager = PageManager.from_queryset(ArticlePageQuerySet)

# What a card (or a feed item) shows of the people credited: their public names
# (ContributorPage.public_name), and nothing else of their pages.
CARD_CONTRIBUTOR_FIELDS = ("title", "pen_name", "use_pen_name_only")


BIO_CARD_TEMPLATE = "components/bio_card.html"


def article_hero_specs():
    """The renditions an article's page shows of its hero: its template's sizes
    and the link preview."""
    return (*picture_specs(ArticlePage.template), LINK_PREVIEW_SPEC)


def bio_card_specs():
    """The renditions a writer's bio card shows of her photo."""
    return picture_specs(BIO_CARD_TEMPLATE)


def public_articles(request=None, paths=None):
    """Live articles outside any private section (the restrictions come from the
    cache, see contributors.visibility, or are `paths`: see public()). `request` is
    accepted for the callers that pass it; the answer is the same for every reader."""
    return ArticlePage.objects.live().public(paths)


SUMMARY_LENGTH = 240


def count_reading_minutes(body):
    """Minutes to read `body` (a StreamValue) at an unhurried pace; at least one.
    Every block's searchable text counts, not its markup."""
    words = 0
    for child in body:
        for text in child.block.get_searchable_content(child.value):
            words += len(strip_tags(str(text)).split())
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


def first_paragraph_summary(body, length=SUMMARY_LENGTH):
    """The body's first non-empty paragraph as plain text, cut at a word: text, not
    HTML (blog.plain_text), so every template escapes it once."""
    for child in body:
        if child.block_type != "paragraph":
            continue
        text = html_to_text(child.value.source)
        if text:
            return Truncator(text).chars(length, truncate="…")
    return ""


def with_pasted_structure(body):
    """The body with headings pasted into paragraphs made heading blocks.

    See blog.text_structure: numbered heading lines and Word/Docs headings become
    heading blocks, empty paragraphs go; blocks the rules leave alone keep their ids.
    """
    children = []
    changed = False
    for child in body:
        if child.block_type != "paragraph":
            children.append((child.block_type, child.value, child.id))
            continue
        pieces = split_rich_text(child.value.source)
        if pieces == [("paragraph", child.value.source)]:
            children.append((child.block_type, child.value, child.id))
            continue
        changed = True
        for kind, value in pieces:
            if kind == "heading":
                value = body.stream_block.child_blocks["heading"].to_python(value)
            else:
                value = RichText(value)
            children.append((kind, value))
    return StreamValue(body.stream_block, children) if changed else body


class ArticlePageForm(NoSilentCutMixin, WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._credit_the_author_of_a_new_article()
        self._start_with_a_paragraph()

    def _start_with_a_paragraph(self):
        """A new article opens with one empty paragraph, so she can type or paste at
        once; left empty, it is dropped on save (ArticleBodyBlock.clean)."""
        if self.is_bound or self.instance.pk or "body" not in self.fields:
            return
        if self.instance.body:
            return
        self.initial["body"] = StreamValue(
            self.instance.body.stream_block, [("paragraph", RichText(""))]
        )

    def save(self, commit=True):
        """Saved as ClusterForm saves, with the apps above given a word (the
        ARTICLE_SAVING_HOOK) between the credits' arrival on the page and storing."""
        page = super().save(commit=False)
        for function in hooks.get_hooks(ARTICLE_SAVING_HOOK):
            function(self, page)
        if commit:
            if self.show_comments_toggle and self.subscription:
                self.subscription.save()
            page.save()
            self._save_m2m()
        return page

    def _credit_the_author_of_a_new_article(self):
        """A contributor starting an article finds herself already credited as its
        writer, rather than searching for her own name in a page chooser."""
        credits = self.formsets.get("credits")
        if self.is_bound or self.instance.pk or credits is None:
            return
        profile = getattr(self.for_user, "contributor_profile", None)
        if profile is not None:
            credits.initial_extra = [
                {"contributor": profile.pk, "role": ArticleCredit.Role.WRITER}
            ]

    def clean_title(self):
        # A pasted title can carry a line break; a title is one line (and the review
        # e-mail's subject, which holds it, cannot carry one at all).
        return " ".join(self.cleaned_data["title"].split())

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("body") is not None:
            cleaned_data["body"] = with_pasted_structure(cleaned_data["body"])
        credits = self.formsets.get("credits")
        stored = self._drop_repeated_credits(credits) if credits is not None else set()
        if credits is not None and not self._has_writer(credits, stored):
            self.add_error(
                None,
                _("Artikel harus mencantumkan setidaknya satu penulis di tab Kredit."),
            )
        slug = cleaned_data.get("slug")
        if slug in RESERVED_ARTICLE_SLUGS:
            self.add_error(
                "slug",
                _("Slug '%(slug)s' dipakai oleh situs. Pilih slug lain.")
                % {"slug": slug},
            )
        return cleaned_data

    def _drop_repeated_credits(self, formset):
        """One person credited twice in one role is one credit.

        A submit sent while an autosave's answer is still on its way carries the
        credit the autosave has just stored as a new row (the form learns the stored
        row's id only from that answer): saved as sent, the article would credit its
        illustrator twice. So are two rows of the form that say the same.
        """
        formset.is_valid()
        forms = [
            (form, getattr(form, "cleaned_data", None) or {}) for form in formset.forms
        ]
        sent_ids = {form.instance.pk for form, _ in forms if form.instance.pk}
        new_rows = {
            (data["contributor"].pk, data.get("role"))
            for form, data in forms
            if not form.instance.pk
            and data.get("contributor")
            and not data.get("DELETE")
        }
        # Stored rows the form does not name stay as they are, except the autosave's
        # copy of a row the form sends again as new with another role (she changed it
        # after the autosave): the form's version, the one she sees, wins.
        stored = set()
        if self.instance.pk:
            unnamed = list(
                ArticleCredit.objects.filter(page_id=self.instance.pk)
                .exclude(pk__in=sent_ids)
                .values_list("pk", "contributor_id", "role")
            )
            kept = {(contributor, role) for _, contributor, role in unnamed}
            superseded = {
                pk
                for pk, contributor, role in unnamed
                if any(
                    person == contributor
                    and new_role != role
                    and (person, new_role) not in kept
                    for person, new_role in new_rows
                )
            }
            if superseded:
                self.instance.credits.remove(
                    *[c for c in self.instance.credits.all() if c.pk in superseded]
                )
            stored.update(
                (contributor, role)
                for pk, contributor, role in unnamed
                if pk not in superseded
            )
        seen = set(stored)
        for form, data in forms:
            if data.get("DELETE") or not data.get("contributor"):
                continue
            key = (data["contributor"].pk, data.get("role"))
            if key in seen and not form.instance.pk:
                data["DELETE"] = True
            seen.add(key)
        return stored

    @staticmethod
    def _has_writer(formset, stored=()):
        # ClusterForm cleans its formsets after the page form's own clean(), so at
        # this point no credit form has cleaned_data yet: clean them now (cached).
        formset.is_valid()
        if any(role == ArticleCredit.Role.WRITER for _, role in stored):
            return True
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            if data.get("DELETE"):
                continue
            if data.get("role") == ArticleCredit.Role.WRITER and data.get(
                "contributor"
            ):
                return True
        return False


class ArticlePage(
    LoadedWithoutInitMixin,
    ServedUrlMixin,
    CachedViewRestrictionsMixin,
    PrivateAdminTitleMixin,
    Page,
):
    # --- Content
    standfirst = models.TextField(
        _("pembuka"),
        max_length=400,
        blank=True,
        help_text=_(
            "Satu atau dua kalimat di bawah judul yang mengajak orang membaca."
        ),
    )
    excerpt = models.TextField(
        _("cuplikan"),
        max_length=300,
        blank=True,
        help_text=_(
            "Ringkasan pendek untuk daftar artikel dan mesin pencari. "
            "Jika kosong, pembuka yang dipakai."
        ),
    )
    # The first paragraph in plain text, kept on save so that cards, previews and
    # feeds have a summary without loading the body (see `summary`).
    body_summary = models.TextField(editable=False, blank=True, default="")
    # Minutes to read the body, counted on save for the same reason (reading_time):
    # counting walks every block's text. None on a row saved before it was kept.
    reading_minutes = models.PositiveSmallIntegerField(
        editable=False, null=True, blank=True
    )
    hero_image = models.ForeignKey(
        "images.CustomImage",
        verbose_name=_("ilustrasi utama"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("isi"), blank=True)
    ordered_sections = models.BooleanField(
        _("bagian bernomor"),
        default=False,
        help_text=_(
            "Pembaca melihat nomor di depan setiap judul bagian (H2): 1., 2., 3., … "
            "Tulis judulnya tanpa nomor."
        ),
    )
    content_note = models.CharField(
        _("catatan konten"),
        max_length=160,
        blank=True,
        help_text=_(
            "Isi jika tulisan menyinggung hal berat, misalnya 'kekerasan dalam rumah "
            "tangga'. Pembaca melihatnya sebelum isi tulisan, bersama nomor layanan "
            "bantuan."
        ),
    )

    # --- Classification
    category = models.ForeignKey(
        Category,
        verbose_name=_("kategori"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    tags = ClusterTaggableManager(through=ArticleTag, blank=True, verbose_name=_("tag"))

    base_form_class = ArticlePageForm

    objects = ArticlePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("content_note", widget=SuggestionsInput),
        FieldPanel("hero_image"),
        FieldPanel("body"),
        FieldPanel("ordered_sections"),
    ]
    credit_panels = [
        InlinePanel(
            "credits",
            heading=_("Kredit"),
            label=_("Kredit"),
            min_num=1,
            help_text=_("Cantumkan penulis (wajib), ilustrator dan kontributor lain."),
        )
    ]
    classification_panels = [
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("tags"), FieldPanel("excerpt")],
            heading=_("Kategori dan cuplikan"),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Isi")),
            ObjectList(credit_panels, heading=_("Kredit")),
            ObjectList(classification_panels, heading=_("Kategori")),
            ObjectList(Page.promote_panels, heading=_("Promosi")),
            ObjectList(Page.settings_panels, heading=_("Pengaturan")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("excerpt"),
        index.SearchField("body"),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.SearchField("credited_names"),
        index.FilterField("category"),
    ]

    parent_page_types = ["blog.BlogIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = pgettext_lazy("plural", "artikel")
        # A category's latest articles by id with a LIMIT, read along the index
        # (related articles' candidates); SQLite's index carries the rowid anyway.
        indexes = [
            models.Index(
                fields=["category", "page_ptr"], name="blog_article_category_latest"
            )
        ]

    @property
    def summary(self):
        """What listings, link previews, feeds and the meta description show."""
        return (
            self.excerpt
            or self.standfirst
            or self.search_description
            or self.body_summary
        )

    @property
    def share_summary(self):
        """What a link preview or a feed may say of the article.

        An article with a content note is never quoted: a preview in a chat or a
        feed reader reaches people who did not choose to read about a hard subject,
        so it names the note and nothing of the text.
        """
        if self.content_note:
            return _("Catatan konten: %(note)s. Baca dengan tenang di Serambi.") % {
                "note": self.content_note
            }
        return self.summary

    def derive_from_body(self):
        """What is kept of the body so that pages need not read it through:
        its summary and its reading time."""
        self.body_summary = first_paragraph_summary(self.body)
        self.reading_minutes = count_reading_minutes(self.body)

    def save(self, *args, **kwargs):
        self.derive_from_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {
                *update_fields,
                "body_summary",
                "reading_minutes",
            }
        # The row, its credits and its tags commit together, under the page cache
        # token the save replaces (website.signals): no reader renders half of it.
        with saving_page_rows():
            return super().save(*args, **kwargs)

    def body_with_section_numbers(self):
        """[(block, number or None)]: each section heading (H2) numbered 1, 2, …
        when the writer numbered her sections (`ordered_sections`)."""
        numbered, count = [], 0
        for block in self.body:
            number = None
            if (
                self.ordered_sections
                and block.block_type == "heading"
                and block.value.get("level") != "h3"
            ):
                count += 1
                number = count
            numbered.append((block, number))
        return numbered

    def serve_preview(self, request, *args, **kwargs):
        # A preview (or an old revision) shows the body of the form or the
        # revision, not the one the row's kept values were counted from.
        self.derive_from_body()
        return super().serve_preview(request, *args, **kwargs)

    @property
    def reading_time(self):
        """Minutes to read the body at an unhurried pace; at least one."""
        return self.reading_minutes or count_reading_minutes(self.body)

    @classmethod
    def get_indexed_objects(cls):
        """The articles a bulk index write (update_index, the importer) reads, with
        their credits and contributors (credited_names) and tags in one query each
        per batch rather than each article's own, once per index column."""
        return (
            super()
            .get_indexed_objects()
            .prefetch_related(
                Prefetch(
                    "credits",
                    queryset=ArticleCredit.objects.select_related("contributor"),
                ),
                "tags",
            )
        )

    def get_indexed_instance(self):
        """The article an index write reads: each write starts here, so the credited
        names it reads are looked up afresh, once for the write (credited_names)."""
        instance = super().get_indexed_instance()
        if instance is not None:
            instance._credited_names_of_this_write = {}
        return instance

    def credited_names(self):
        """Everyone credited (writer, illustrator, …) by the names search may find her
        by, so a reader finds her articles too; never a real name she hides.

        In-memory credits when the admin's form set them (the index is written on
        post_save, before the credit rows are), the saved ones otherwise.

        The index reads every field once per column it writes (title, body,
        autocomplete); an index write started by get_indexed_instance looks the
        names up once and reads them from there, and the next write looks again.
        """
        memo = getattr(self, "_credited_names_of_this_write", None)
        if memo is not None and "names" in memo:
            return memo["names"]
        names = " ".join(self._credited_names())
        if memo is not None:
            memo["names"] = names
        return names

    def _credited_names(self):
        credits = self.credits.all()
        if isinstance(credits, FakeQuerySet) or credits._result_cache is not None:
            # Set by the admin's form, or prefetched (get_indexed_objects).
            return [credit.contributor.indexed_name for credit in credits]
        # Saved: only the three columns a name needs, not each contributor's page.
        rows = credits.values_list(
            *(f"contributor__{name}" for name in INDEXED_NAME_FIELDS)
        )
        return [names_for_index(*row) for row in rows]

    def credits_by_role(self, role):
        return [credit for credit in self.credits.all() if credit.role == role]

    @property
    def writer_credits(self):
        return self.credits_by_role(ArticleCredit.Role.WRITER)

    @property
    def writers(self):
        return [credit.contributor for credit in self.writer_credits]

    @property
    def writers_for_listing(self):
        """The writers a card names: free when the credits came with the article
        (`with_card_data`), as every listing fetches them."""
        return self.writers

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read lazily: the template asks for these only where its cached fragments
        # (caching.fragments) miss, so a page whose fragments are cached reads none.
        data = ArticleContextData(self, request)
        context.update(
            {
                "credits": SimpleLazyObject(lambda: data.credits),
                "writer_credits": SimpleLazyObject(lambda: data.writer_credits),
                "writers": SimpleLazyObject(lambda: data.writers),
                "tags": SimpleLazyObject(lambda: data.tags),
                "category": self.category,
                "related_articles": SimpleLazyObject(lambda: data.related),
                "hero_image": SimpleLazyObject(lambda: data.hero_image),
                # For links to its category and tags, under whatever slug it has now.
                "index_page": SimpleLazyObject(
                    lambda: self.get_parent().specific_deferred
                ),
            }
        )
        return context

    @staticmethod
    def attach_card_data(articles, extra_images=(), specs=None):
        """The credits of `articles` with their contributors' public names (all a
        card or a feed item shows of them) in one query, and the renditions of
        their hero images (and `extra_images`) in one: those of `specs` only if
        given (see prefetch_renditions), every one otherwise."""
        prefetch_credits(articles, names_only=True)
        images = [article.hero_image for article in articles] + list(extra_images)
        prefetch_renditions(images, specs)

    def related_articles_sql(self):
        """(sql, params) that answers the ids of the related articles, best first:
        other live, public articles, most shared tags first, then the same category,
        then the newest. One query, however many tags or articles.

        Only a short list of candidates is scored, each part found through an index
        with a LIMIT, so the cost does not grow with the number of articles: the
        latest articles, the latest in the category, and for each of the article's
        tags the latest articles given it. "Latest" here is by id, the order the
        indexes keep (see the `listing_indexes` migration), so each part reads a few
        index entries backwards and stops; the few candidates are then ordered
        exactly, by shared tags, category and publication date.

        Written as SQL rather than built with the ORM: compiling the equivalent
        queryset (five subqueries, two annotations) cost more CPU on every article
        render than running it. Plain SQL that SQLite and PostgreSQL both read.
        """
        limit = RELATED_ARTICLES
        # self.tags.all() is the prefetched list when get_context ran first.
        tag_ids = [tag.pk for tag in self.tags.all()]
        quote = connections[ArticlePage.objects.db].ops.quote_name
        article_table = quote(ArticlePage._meta.db_table)
        page_table = quote(Page._meta.db_table)
        tag_table = quote(ArticleTag._meta.db_table)
        restricted = [path for _pk, path in restricted_paths()]

        def others(alias, page_alias):
            # Live, public, and not this article (PublicQuerySetMixin.public()).
            sql = f"{page_alias}.live AND {alias}.page_ptr_id <> %s" + "".join(
                f" AND NOT (substr({page_alias}.path, 1, %s) = %s)" for _ in restricted
            )
            params = [self.pk]
            for path in restricted:
                params += [len(path), path]
            return sql, params

        def latest(extra="", extra_params=()):
            where, params = others("c", "cp")
            return (
                f"a.page_ptr_id IN (SELECT c.page_ptr_id FROM {article_table} c "  # noqa: S608 - names from the models, values as parameters
                f"INNER JOIN {page_table} cp ON c.page_ptr_id = cp.id "
                f"WHERE {where}{extra} ORDER BY c.page_ptr_id DESC LIMIT %s)",
                [*params, *extra_params, limit],
            )

        candidates = [latest()]
        if self.category_id:
            candidates.append(latest(" AND c.category_id = %s", [self.category_id]))
        for tag_id in tag_ids:
            candidates.append(
                (
                    f"a.page_ptr_id IN (SELECT t.content_object_id FROM {tag_table} t "  # noqa: S608 - names from the models, values as parameters
                    "WHERE t.tag_id = %s AND t.content_object_id <> %s "
                    "ORDER BY t.content_object_id DESC LIMIT %s)",
                    [tag_id, self.pk, limit * 4],
                )
            )
        where, params = others("a", "p")
        candidate_sql = " OR ".join(part for part, _params in candidates)
        for _part, candidate_params in candidates:
            params += candidate_params
        order = []
        if tag_ids:
            order.append(
                f"(SELECT COUNT(*) FROM {tag_table} s WHERE s.content_object_id = "  # noqa: S608 - names from the models, values as parameters
                f"a.page_ptr_id AND s.tag_id IN ({', '.join(['%s'] * len(tag_ids))})) "
                "DESC"
            )
            params += tag_ids
        if self.category_id:
            order.append("CASE WHEN a.category_id = %s THEN 1 ELSE 0 END DESC")
            params.append(self.category_id)
        order += ["p.first_published_at DESC", "a.page_ptr_id DESC"]
        sql = (
            f"SELECT a.page_ptr_id FROM {article_table} a "  # noqa: S608 - names from the models, values as parameters
            f"INNER JOIN {page_table} p ON a.page_ptr_id = p.id "
            f"WHERE {where} AND ({candidate_sql}) "
            f"ORDER BY {', '.join(order)} LIMIT %s"
        )
        return sql, [*params, limit]

    def related_articles_query(self):
        """(sql, params, rows) of the related articles (see related_articles_sql),
        body deferred, with their category and hero image, in no order, each with its
        count of shared tags in the column after the article's (`rows`: the columns
        and the instance of a row, modelrows.sql). One query, the SQL above
        inside it, written out rather than built with the ORM: compiling the ORM's
        version cost more than running it."""
        sql, params = self.related_articles_sql()
        rows = rows_for(
            ArticlePage,
            select_related=("category", "hero_image"),
            defer=ArticlePage.get_streamfield_names(),
        )
        quote = rows.connection.ops.quote_name
        article_id = f"{rows.alias(ArticlePage)}.{quote('page_ptr_id')}"
        tag_ids = [tag.pk for tag in self.tags.all()]
        shared_tags = "0"
        if tag_ids:
            shared_tags = (
                f"(SELECT COUNT(*) FROM {quote(ArticleTag._meta.db_table)} s "  # noqa: S608 - names from the models, values as parameters
                f"WHERE s.content_object_id = {article_id} "
                f"AND s.tag_id IN ({', '.join(['%s'] * len(tag_ids))}))"
            )
        query = (
            f"SELECT {rows.columns}, {shared_tags} FROM {rows.tables} "  # noqa: S608 - names from the models, values as parameters
            f"WHERE {article_id} IN ({sql})"
        )
        return query, [*tag_ids, *params], rows

    def related_articles_list(self):
        """The related articles, in no order, each with `shared_tags`."""
        sql, params, rows = self.related_articles_query()
        articles = []
        for article, (shared_tags,) in rows.fetch(sql, params, extra=1):
            article.shared_tags = shared_tags
            articles.append(article)
        return articles

    def related_articles(self):
        """The related articles, best first (the order of related_articles_sql,
        which chose these few)."""

        def rank(article):
            published = article.first_published_at
            return (
                article.shared_tags,
                bool(self.category_id) and article.category_id == self.category_id,
                published.timestamp() if published else float("-inf"),
                article.pk,
            )

        return sorted(self.related_articles_list(), key=rank, reverse=True)

    def clean(self):
        super().clean()
        if self.slug in RESERVED_ARTICLE_SLUGS:
            raise ValidationError(
                {"slug": _("Slug '%(slug)s' dipakai oleh situs.") % {"slug": self.slug}}
            )


def prefetch_tags(article):
    """The article's tags, read once into its prefetch cache (as
    `prefetch_related_objects([article], "tags")` would leave them) by hand-written
    SQL (modelrows.sql): the ORM's prefetch of a cluster's tags cost more to
    compile than to run."""
    tag_model = ArticleTag.tag_model()
    rows = rows_for(tag_model)
    quote = rows.connection.ops.quote_name
    tag_column = quote(ArticleTag._meta.get_field("tag").column)
    article_column = quote(ArticleTag._meta.get_field("content_object").column)
    sql = (
        f"SELECT {rows.columns} FROM {rows.tables} "  # noqa: S608 - names from the models, values as parameters
        f"INNER JOIN {quote(ArticleTag._meta.db_table)} i "
        f"ON i.{tag_column} = {rows.alias(tag_model)}.{quote(tag_model._meta.pk.column)} "
        f"WHERE i.{article_column} = %s ORDER BY i.{quote(ArticleTag._meta.pk.column)}"
    )
    tags = rows.fetch(sql, [article.pk])
    # In memory, as prefetch_credits holds credits.
    article.__dict__.setdefault("_prefetched_objects_cache", {})["tags"] = FakeQuerySet(
        tag_model, tags
    )


# What an article's page reads of the people it credits: their public name and
# photo, short bio and address (Page.get_url reads url_path). The rest of a page's
# row (dates, revisions, the long bio) is left unloaded, as QuerySet.defer would.
CREDITED_PAGE_FIELDS = (
    *CARD_CONTRIBUTOR_FIELDS,
    "id",
    "page_ptr",
    "path",
    "depth",
    "locale",
    "live",
    "content_type",
    "url_path",
    "slug",
    "photo",
    "short_bio",
)


# What a card or a feed item reads of them: their public name. A ContributorPage row
# is a Wagtail page of some fifty columns, its dates parsed one by one.
NAMED_PAGE_FIELDS = (*CARD_CONTRIBUTOR_FIELDS, "id", "page_ptr")


def _deferred_but(kept):
    return tuple(
        field.name
        for field in ContributorPage._meta.concrete_fields
        if field.name not in kept
    )


def prefetch_credits(articles, names_only=False):
    """The credits of `articles`, each with its contributor (and the contributor's
    photo), read in one query into each article's prefetch cache, in the order
    `article.credits.all()` gives (sort_order), as prefetch_related would leave them.
    With `names_only`, only what names the contributors (NAMED_PAGE_FIELDS): what a
    card or a feed shows of them.

    By hand-written SQL (modelrows.sql): the ORM's prefetch of a cluster's
    credits with two select_related cost several times more to compile and to build
    than to run.
    """
    if not articles:
        return
    if names_only:
        contributors = rows_for(ContributorPage, defer=_deferred_but(NAMED_PAGE_FIELDS))
    else:
        contributors = rows_for(
            ContributorPage,
            select_related=("photo",),
            defer=_deferred_but(CREDITED_PAGE_FIELDS),
        )
    connection = contributors.connection
    quote = connection.ops.quote_name
    columns, reads, names = columns_for(ArticleCredit, "cr")
    contributor_id = quote(ArticleCredit._meta.get_field("contributor").column)
    page_id = quote(ArticleCredit._meta.get_field("page").column)
    sort_order = quote("sort_order")
    by_pk = {article.pk: article for article in articles}
    sql = (
        f"SELECT {contributors.columns}, {', '.join(columns)} "  # noqa: S608 - names from the models, values as parameters
        f"FROM {contributors.tables} "
        f"INNER JOIN {quote(ArticleCredit._meta.db_table)} cr ON cr.{contributor_id} "
        f"= {contributors.alias(ContributorPage)}.{quote('page_ptr_id')} "
        f"WHERE cr.{page_id} IN ({', '.join(['%s'] * len(by_pk))}) "
        f"ORDER BY cr.{sort_order}, cr.{quote('id')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, list(by_pk))
        found = cursor.fetchall()
    credits = {pk: [] for pk in by_pk}
    start = contributors.width
    for row in found:
        credit = build_instance(
            ArticleCredit, connection.alias, connection, reads, names, row[start:]
        )
        credit.contributor = contributors.instance(row)
        credit.page = by_pk[credit.page_id]
        credits[credit.page_id].append(credit)
    for pk, article in by_pk.items():
        # Held as modelcluster holds a page's children in memory: a queryset that
        # filters, orders and counts its list in Python. Django's own prefetch
        # builds a filtered queryset per article, which cost more than the query.
        article.__dict__.setdefault("_prefetched_objects_cache", {})["credits"] = (
            FakeQuerySet(ArticleCredit, credits[pk])
        )


class ArticleContextData:
    """What an article's page shows besides the article itself, read on first use.

    The article came from the router with its category and hero image (see
    BlogIndexPage.child_select_related). Its tags pick the related articles; then one
    query fetches the credits of the article and its related ones, and one the
    renditions of every image the page shows.
    """

    def __init__(self, article, request):
        self.article = article
        self.request = request

    @cached_property
    def related(self):
        article = self.article
        prefetch_tags(article)
        related = article.related_articles()
        prefetch_credits([article, *related])
        # The page's images, each at the sizes it is shown: the hero, the related
        # articles' cards, the photos of the bio cards (the related cards name
        # their writers only).
        photos = [credit.contributor.public_photo for credit in article.credits.all()]
        prefetch_renditions_by_use(
            [
                ([article.hero_image], article_hero_specs()),
                ([other.hero_image for other in related], CARD_PICTURE_SPECS),
                (photos, bio_card_specs()),
            ]
        )
        return related

    @cached_property
    def hero_image(self):
        """The article's hero image, its renditions fetched with the page's others
        (the link-preview tag, first on the page, would otherwise fetch its own)."""
        self.related  # noqa: B018 - fetches the renditions
        return self.article.hero_image

    @cached_property
    def credits(self):
        self.related  # noqa: B018 - fetches the credits with the related articles'
        return list(self.article.credits.all())

    @cached_property
    def writer_credits(self):
        return [c for c in self.credits if c.role == ArticleCredit.Role.WRITER]

    @cached_property
    def writers(self):
        return [credit.contributor for credit in self.writer_credits]

    @cached_property
    def tags(self):
        self.related  # noqa: B018 - prefetches the tags
        return sorted(self.article.tags.all(), key=lambda tag: tag.name.lower())


class ArticleCredit(LoadedWithoutInitMixin, Orderable):
    """One person's part in an article: writer, illustrator, and so on."""

    class Role(models.TextChoices):
        WRITER = "writer", _("Penulis")
        ILLUSTRATOR = "illustrator", _("Ilustrator")
        PHOTOGRAPHER = "photographer", _("Fotografer")
        TRANSLATOR = "translator", _("Penerjemah")
        EDITOR = "editor", _("Penyunting")

    page = ParentalKey(ArticlePage, on_delete=models.CASCADE, related_name="credits")
    contributor = models.ForeignKey(
        "contributors.ContributorPage",
        verbose_name=_("kontributor"),
        on_delete=models.PROTECT,
        related_name="credits",
    )
    role = models.CharField(
        _("peran"), max_length=20, choices=Role.choices, default=Role.WRITER
    )

    panels = [
        FieldPanel("contributor", widget=contributor_chooser_viewset.widget_class),
        FieldPanel("role"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("kredit")
        verbose_name_plural = pgettext_lazy("plural", "kredit")
        # Whether someone has a public credit in a role (the contributors' index)
        # is a seek to her credits in that role, not a read of all her credits.
        # The role first: a query on (page, contributor) keeps the page's index.
        indexes = [
            models.Index(
                fields=["role", "contributor", "page"], name="blog_credit_by_role"
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()}: {self.contributor}"
