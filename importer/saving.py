"""Saving a parsed article: the page, its credits, contributors, images, redirects.

One transaction per article: it is saved whole or not at all. Running it again for
the same `source_key` updates the article it made (importer.models.ImportedPost).
"""

import hashlib
import logging
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from modelcluster.fields import ParentalKey
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

from modelsearch import index as search_index
from modelsearch.backends import get_search_backends_with_name
from modelsearch.signal_handlers import post_save_signal_handler

from blog.models import (
    RESERVED_ARTICLE_SLUGS,
    ArticleCredit,
    ArticlePage,
    BlogIndexPage,
    Category,
)
from contributors.identity import find_same_person
from contributors.models import ContributorIndexPage, ContributorPage

from .models import ImportedImage, ImportedPost
from .parsing import ParsedCredit, UnreadableText

SHORT_BIO_CHARS = 600
BULK_INDEX_SIZE = 500  # objects per search-index batch at the end of a run

logger = logging.getLogger(__name__)


class ImportRun:
    """What the articles of one import share: lookups made once, indexing deferred.

    Contributors, categories and the index pages are looked up once per run instead
    of once per article. What an article's transaction adds is kept only when that
    transaction commits (`keep`), so a failed article leaves nothing stale behind.
    """

    def __init__(self, *, through_real_names=True):
        # False when the person importing may not connect a real name to a pen name.
        self.through_real_names = through_real_names
        self.contributors = {}  # normalised name -> ContributorPage
        self.categories = {}  # normalised name -> Category
        self.bios = {}  # contributor pk -> her latest revision's short bio
        self.pages = {}  # model -> its first page (the index pages)
        self._pending = []

    def remember(self, mapping, key, value):
        self._pending.append((mapping, key, value))

    def keep(self):
        for mapping, key, value in self._pending:
            mapping[key] = value
        self._pending = []

    def forget(self):
        self._pending = []

    def first_page(self, model):
        if model not in self.pages:
            self.pages[model] = model.objects.first()
        return self.pages[model]

    @contextmanager
    def deferred_indexing(self):
        """Update the search and reference indexes once, at the end of the run.

        Wagtail queues a search-index task and a reference-index task on every save
        of an indexed model (an article is saved several times). Meanwhile those
        handlers are disconnected and the saved objects remembered; at the end the
        search index gets them in one batch per model and the reference index one
        task per object. Signal handlers are process-wide: for a management command.
        """
        searched = {
            m
            for m in search_index.get_indexed_models()
            if getattr(m, "search_auto_update", True)
        }
        referenced = set(ReferenceIndex.tracked_models)
        to_search, to_reference = defaultdict(set), set()

        def remember_saved(sender, instance, raw=False, **kwargs):
            if raw or instance.pk is None:
                return
            if sender in searched:
                to_search[sender].add(instance.pk)
            if sender in referenced:
                to_reference.add(_reference_owner(instance))

        for model in searched:
            post_save.disconnect(post_save_signal_handler, sender=model)
        for model in referenced:
            post_save.disconnect(update_reference_index_on_save, sender=model)
        post_save.connect(remember_saved, weak=False)
        try:
            yield self
        finally:
            post_save.disconnect(remember_saved)
            for model in searched:
                post_save.connect(post_save_signal_handler, sender=model)
            for model in referenced:
                post_save.connect(update_reference_index_on_save, sender=model)
            _index_in_bulk(to_search)
            for args in sorted(to_reference):
                update_reference_index_task.enqueue(*args)


def _reference_owner(instance):
    """What update_reference_index_task indexes for `instance`: its cluster parent.

    An article's credits and tags are indexed as the article, so one task covers them.
    """
    parental = [f for f in instance._meta.get_fields() if isinstance(f, ParentalKey)]
    if parental and getattr(instance, parental[0].attname) is not None:
        model, pk = parental[0].related_model, getattr(instance, parental[0].attname)
    else:
        model, pk = type(instance), instance.pk
    return (model._meta.app_label, model._meta.model_name, str(pk))


def _index_in_bulk(to_search):
    """Add the saved objects that still exist to the search index, model by model."""
    backends = list(get_search_backends_with_name(with_auto_update=True))
    for model, pks in to_search.items():
        pks = sorted(pks)
        for start in range(0, len(pks), BULK_INDEX_SIZE):
            chunk = pks[start : start + BULK_INDEX_SIZE]
            objects = list(model.get_indexed_objects().filter(pk__in=chunk))
            if not objects:
                continue
            for name, backend in backends:
                try:
                    backend.add_bulk(model, objects)
                except Exception:
                    logger.exception(
                        "Indexing %s in the '%s' search backend", model, name
                    )
                    if not backend.catch_indexing_errors:
                        raise


@dataclass
class SavedArticle:
    page: ArticlePage
    created: bool
    new_contributors: list = field(default_factory=list)
    bio_suggestion: str = ""


@dataclass
class Plan:
    """What save_article would do, for --dry-run: nothing is written to find it."""

    title: str
    created: bool
    new_contributors: list = field(default_factory=list)
    new_categories: list = field(default_factory=list)
    redirects: list = field(default_factory=list)


def find_contributor(name, *, through_real_names=True):
    """The contributor this name means (contributors.identity.find_same_person)."""
    return find_same_person(name, through_real_names=through_real_names)


def _unique_slug(parent, base, exclude_pk=None):
    base = (slugify(base) or "artikel")[:70].strip("-") or "artikel"
    if base in RESERVED_ARTICLE_SLUGS:
        base = f"{base}-artikel"
    siblings = parent.get_children()
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug


def _contributor(name, run):
    key = " ".join(name.split()).lower()
    if key in run.contributors:
        return run.contributors[key]
    contributor = find_contributor(name, through_real_names=run.through_real_names)
    if contributor is not None:
        run.remember(run.contributors, key, contributor)
    return contributor


def _new_contributor(name, owner, bio="", run=None):
    run = run or ImportRun()
    index = run.first_page(ContributorIndexPage)
    if index is None:
        raise UnreadableText(_("Belum ada halaman indeks kontributor."))
    page = ContributorPage(
        title=name[:255],
        slug=_unique_slug(index, name),
        short_bio=bio[:SHORT_BIO_CHARS],
        live=False,
        owner=owner,
        locale_id=index.locale_id,
    )
    index.add_child(instance=page)
    page.save_revision(user=owner)
    return page


def _credits(parsed, credits):
    """The credits to save: the given ones, else the parsed ones, else the author."""
    chosen = list(credits if credits is not None else parsed.credits)
    if not any(c.role == ArticleCredit.Role.WRITER for c in chosen) and parsed.author:
        chosen.insert(
            0, ParsedCredit(role=ArticleCredit.Role.WRITER, name=parsed.author)
        )
    seen, unique = set(), []
    for credit in chosen:
        key = (credit.role, " ".join(credit.name.split()).lower())
        if key[1] and key not in seen:
            seen.add(key)
            unique.append(credit)
    return unique


def _image(parsed_image, alt_text, owner):
    digest = hashlib.sha256(parsed_image.data).hexdigest()
    known = ImportedImage.objects.filter(sha256=digest).select_related("image").first()
    if known is not None:
        return known.image
    image = get_image_model()(
        title=(alt_text or parsed_image.filename)[:255],
        description=alt_text[:255] if hasattr(get_image_model(), "description") else "",
        uploaded_by_user=owner,
        file=ContentFile(parsed_image.data, name=parsed_image.filename),
    )
    # CustomImage.save() re-encodes the file without its metadata (website.image_privacy).
    image.save()
    ImportedImage.objects.create(sha256=digest, image=image)
    return image


def _alt_text(image_alt_texts, index, parsed_image):
    if isinstance(image_alt_texts, dict):
        value = image_alt_texts.get(index, image_alt_texts.get(parsed_image.filename))
    elif image_alt_texts and index < len(image_alt_texts):
        value = image_alt_texts[index]
    else:
        value = None
    return " ".join((value or parsed_image.alt_text or "").split())


def _body(parsed, image_alt_texts, owner):
    body = []
    for block in parsed.body:
        if block["type"] != "image":
            body.append(block)
            continue
        index = block["value"].get("image_index")
        if index is None or index >= len(parsed.images):
            continue
        parsed_image = parsed.images[index]
        image = _image(
            parsed_image, _alt_text(image_alt_texts, index, parsed_image), owner
        )
        body.append(
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "caption": block["value"].get("caption", ""),
                },
            }
        )
    return body


def _category(names, run):
    for name in names:
        name = " ".join(name.split())[:80]
        slug = slugify(name)[:80]
        if not slug:
            continue
        key = name.lower()
        if key in run.categories:
            return run.categories[key]
        category = Category.objects.filter(Q(slug=slug) | Q(name__iexact=name)).first()
        category = category or Category.objects.create(name=name, slug=slug)
        run.remember(run.categories, key, category)
        return category
    return None


def _redirect_paths(parsed):
    paths = []
    for url in parsed.old_urls:
        path = Redirect.normalise_path(url)
        if path and path != "/" and path not in paths:
            paths.append(path)
    return paths


def _save_redirects(parsed, page):
    own = page.url_path  # never redirect the article's own address to itself
    for path in _redirect_paths(parsed):
        if own.endswith(path.strip("/") + "/") and "?" not in path:
            continue
        Redirect.objects.update_or_create(
            old_path=path,
            site=None,
            defaults={"redirect_page": page, "is_permanent": True, "redirect_link": ""},
        )


def plan_article(parsed, *, title=None, credits=None):
    """What save_article would create and change, read from the database only."""
    existing = (
        ImportedPost.objects.filter(source_key=parsed.source_key).first()
        if parsed.source_key
        else None
    )
    names = {c.name for c in _credits(parsed, credits)}
    return Plan(
        title=title or parsed.title,
        created=existing is None,
        new_contributors=sorted(n for n in names if find_contributor(n) is None),
        new_categories=[
            n
            for n in parsed.categories[:1]
            if not Category.objects.filter(
                Q(slug=slugify(n)[:80]) | Q(name__iexact=n)
            ).exists()
        ],
        redirects=_redirect_paths(parsed),
    )


def save_article(parsed, *, run=None, **kwargs):
    """Save `parsed` as an article: a draft revision owned by `owner`.

    `title`/`credits` replace the parsed ones (the person corrected them);
    `image_alt_texts` gives each image's alt text, by index or file name. With
    `publish`, a post that was published in its source goes live with its original
    date. A `source_key` already imported updates its article instead. One
    transaction; `run` (an ImportRun) shares lookups between the articles of a run.
    """
    run = run or ImportRun()
    try:
        with transaction.atomic():
            saved = _save_article(parsed, run=run, **kwargs)
    except BaseException:
        run.forget()
        raise
    run.keep()
    return saved


def _save_article(
    parsed,
    *,
    run,
    owner,
    parent=None,
    title=None,
    credits=None,
    image_alt_texts=None,
    publish=False,
):
    title = " ".join((title or parsed.title or "").split())[:255]
    if not title:
        raise UnreadableText(_("Tulisan ini belum punya judul. Isi judulnya."))

    new_contributors = []
    credit_rows = []
    by_name = {}
    for credit in _credits(parsed, credits):
        key = " ".join(credit.name.split()).lower()
        contributor = by_name.get(key) or _contributor(credit.name, run)
        if contributor is None:
            bio = parsed.writer_bio if credit.name == parsed.writer_name else ""
            contributor = _new_contributor(credit.name, owner, bio, run)
            new_contributors.append(contributor)
            run.remember(run.contributors, key, contributor)
        by_name[key] = contributor
        credit_rows.append(ArticleCredit(contributor=contributor, role=credit.role))

    bio_suggestion = ""
    if parsed.writer_bio and parsed.writer_name:
        writer = by_name.get(" ".join(parsed.writer_name.split()).lower())
        if writer is not None and writer not in new_contributors:
            bio_suggestion = _fill_empty_bio(writer, parsed.writer_bio, owner, run)

    imported = (
        ImportedPost.objects.filter(source_key=parsed.source_key)
        .select_related("page")
        .first()
        if parsed.source_key
        else None
    )
    created = imported is None
    if created:
        parent = parent or run.first_page(BlogIndexPage)
        if parent is None:
            raise UnreadableText(_("Belum ada halaman indeks artikel."))
        # The parent's locale, as Page.get_default_locale would fetch it again.
        page = ArticlePage(owner=owner, live=False, locale_id=parent.locale_id)
    else:
        page = imported.page.specific
        parent = page.get_parent()

    page.title = title
    page.draft_title = title
    if created:
        page.slug = _unique_slug(parent, parsed.slug or title)
    page.body = _body(parsed, image_alt_texts, owner)
    page.category = _category(parsed.categories, run)
    page.credits = credit_rows
    page.tags.set([" ".join(t.split())[:100] for t in parsed.tags if t.strip()])

    if created:
        parent.add_child(instance=page)
    revision = page.save_revision(user=owner, log_action=True)
    if publish and parsed.status == "published":
        revision.publish(user=owner)
        if parsed.published_at:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=parsed.published_at,
                last_published_at=parsed.published_at,
            )
            page.first_published_at = parsed.published_at

    _save_redirects(parsed, page)
    if parsed.source_key:
        ImportedPost.objects.update_or_create(
            source_key=parsed.source_key,
            defaults={"page": page, "imported_at": timezone.now()},
        )
    return SavedArticle(
        page=page,
        created=created,
        new_contributors=new_contributors,
        bio_suggestion=bio_suggestion,
    )


def _fill_empty_bio(contributor, bio, owner, run):
    """Her bio when her profile has none (a draft revision); else the suggestion."""
    current = run.bios.get(contributor.pk)
    if current is None:
        latest = contributor.get_latest_revision_as_object()
        current = latest.short_bio.strip()
        if not current:
            latest.short_bio = bio[:SHORT_BIO_CHARS]
            # A revision, not a published change: an editor publishes her profile.
            latest.save_revision(user=owner)
            current = latest.short_bio.strip()
            run.remember(run.bios, contributor.pk, current)
            return ""
        run.remember(run.bios, contributor.pk, current)
    return "" if current == bio.strip() else bio
