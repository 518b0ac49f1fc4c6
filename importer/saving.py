"""Saving a parsed article: the page, its credits, contributors, images, redirects.

One transaction per article: it is saved whole or not at all. Running it again for
the same `source_key` updates the article it made (importer.models.ImportedPost).
"""

import dataclasses
import hashlib
import json
import logging
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.signals import post_save
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from modelcluster.fields import ParentalKey
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction, ReferenceIndex
from wagtail.signal_handlers import update_reference_index_on_save
from wagtail.tasks import update_reference_index_task

from django_tasks import task_backends
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
from contributors.identity import find_same_person, normalise_name
from contributors.models import ContributorIndexPage, ContributorPage

from .models import ImportedImage, ImportedPost, ImportedProfile
from .parsing import ParsedCredit, UnreadableText
from .signals import article_imported, sync_imported_redirects

SHORT_BIO_CHARS = 600
EXCERPT_CHARS = 300  # ArticlePage.excerpt
BULK_INDEX_SIZE = 500  # objects per search-index batch at the end of a run
# Bumped when what a fingerprint covers changes, so every post is saved once more.
FINGERPRINT_VERSION = 1
SEARCH_INDEX_TASK = "insert_or_update_object_task"

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
        self._new_files = []  # image files this article wrote, removed if it fails

    def remember(self, mapping, key, value):
        self._pending.append((mapping, key, value))

    def keep(self):
        for mapping, key, value in self._pending:
            mapping[key] = value
        self._pending = []
        self._new_files = []

    def forget(self):
        """After a failed article: nothing remembered, no file of it left behind."""
        self._pending = []
        for storage, name in self._new_files:
            _delete_file(storage, name)
        self._new_files = []

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

        Every task that anything else enqueues during the run (the site's own
        "index it again on publish", purges, …) is held back (`_HeldTasks`) until
        the run's indexing is done: a worker indexing an article while this run
        indexes it too would insert the same index row twice (a unique violation
        in the worker, or here). Search-index tasks for objects this run indexed
        are dropped as done; the rest reach the worker once, after.
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
        held = _HeldTasks.install()
        try:
            yield self
        finally:
            post_save.disconnect(remember_saved)
            for model in searched:
                post_save.connect(post_save_signal_handler, sender=model)
            for model in referenced:
                post_save.connect(update_reference_index_on_save, sender=model)
            try:
                _index_in_bulk(to_search)
            finally:
                held.uninstall()
                indexed = {
                    (m._meta.app_label, m._meta.model_name, str(pk))
                    for m, pks in to_search.items()
                    for pk in pks
                }
                held.release(skip=indexed)
                for args in sorted(to_reference):
                    update_reference_index_task.enqueue(*args)


class _HeldTasks:
    """Stands in for the task backends during a run: what is enqueued waits here.

    Identical tasks are kept once. `release` hands them to the real backends.
    """

    def __init__(self, backends):
        self.backends = backends  # alias -> the real backend
        self.held = {}

    @classmethod
    def install(cls):
        backends = {alias: task_backends[alias] for alias in task_backends.settings}
        held = cls(backends)
        for alias, backend in backends.items():
            task_backends[alias] = _HoldingBackend(backend, held)
        return held

    def uninstall(self):
        for alias, backend in self.backends.items():
            task_backends[alias] = backend

    def hold(self, backend, task, args, kwargs):
        key = (task.module_path, task.backend, repr(args), repr(sorted(kwargs.items())))
        self.held.setdefault(key, (backend, task, args, kwargs))

    def release(self, *, skip=()):
        held, self.held = list(self.held.values()), {}
        for backend, task, args, kwargs in held:
            if task.module_path.endswith(SEARCH_INDEX_TASK) and tuple(args) in skip:
                continue  # indexed by the run itself, after its last save
            try:
                backend.enqueue(task, args, kwargs)
            except Exception:
                logger.exception("Queueing %s after an import", task.module_path)


class _HoldingBackend:
    def __init__(self, backend, held):
        self._backend = backend
        self._held = held

    def enqueue(self, task, args, kwargs):
        self._held.hold(self._backend, task, args, kwargs)

    def __getattr__(self, name):
        return getattr(self._backend, name)


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
                    _add_bulk(backend, model, objects)
                except Exception:
                    logger.exception(
                        "Indexing %s in the '%s' search backend", model, name
                    )
                    if not backend.catch_indexing_errors:
                        raise


def _add_bulk(backend, model, objects):
    """backend.add_bulk, once more if a row appeared meanwhile (another process).

    The database backends insert what they did not find: a row added between
    their look and their insert is a unique violation the second try updates.
    """
    for attempt in (1, 2):
        try:
            with transaction.atomic():
                backend.add_bulk(model, objects)
            return
        except IntegrityError:
            if attempt == 2:
                raise


@dataclass
class SavedArticle:
    page: ArticlePage
    created: bool
    new_contributors: list = field(default_factory=list)
    bio_suggestion: str = ""
    unchanged: bool = False

    @property
    def outcome(self):
        return (
            "created" if self.created else "unchanged" if self.unchanged else "updated"
        )


@dataclass
class Plan:
    """What save_article would do, for --dry-run: nothing is written to find it."""

    title: str
    created: bool
    new_contributors: list = field(default_factory=list)
    new_categories: list = field(default_factory=list)
    redirects: list = field(default_factory=list)
    unchanged: bool = False

    @property
    def outcome(self):
        return (
            "created" if self.created else "unchanged" if self.unchanged else "updated"
        )


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


def _person_key(name):
    """One key per person, however her name was typed ("Ratna Sari." = "ratna sari")."""
    return normalise_name(name).lower()


def _contributor(name, run):
    key = _person_key(name)
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
    name = normalise_name(name)
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
    # Only the name the post showed and its bio: published with her first live
    # article (importer.signals), so her byline never leads to a missing page.
    ImportedProfile.objects.create(contributor=page)
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
        key = (credit.role, _person_key(credit.name))
        if key[1] and key not in seen:
            seen.add(key)
            unique.append(credit)
    return unique


def _delete_file(storage, name):
    try:
        storage.delete(name)
    except Exception:
        logger.exception("Removing %s after a failed import", name)


def _image(parsed_image, alt_text, owner, run=None):
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
    try:
        # CustomImage.save() re-encodes the file without its metadata
        # (images.privacy).
        image.save()
    except BaseException:
        # The file may be written already: a failed image leaves nothing behind.
        if image.file and image.file.name and image.file.name != parsed_image.filename:
            _delete_file(image.file.storage, image.file.name)
        raise
    if run is not None:
        # The transaction may still roll back: then ImportRun.forget removes it.
        run._new_files.append((image.file.storage, image.file.name))
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


def _body(parsed, image_alt_texts, owner, run=None):
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
            parsed_image, _alt_text(image_alt_texts, index, parsed_image), owner, run
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


def _clean_name(name, length):
    return " ".join(name.split())[:length]


def _category(names, run):
    for name in names:
        name = _clean_name(name, 80)
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


def _tag_names(parsed, category):
    """Its tags, then every category but the one that became its category."""
    names = list(parsed.tags)
    chosen = category.name.lower() if category else None
    for name in parsed.categories:
        if _clean_name(name, 80).lower() != chosen:
            names.append(name)
    unique = {}
    for name in names:
        name = _clean_name(name, 100)
        if name:
            unique.setdefault(name.lower(), name)
    return list(unique.values())


def _redirect_paths(parsed):
    paths = []
    for url in parsed.old_urls:
        path = Redirect.normalise_path(url)
        if path and path != "/" and path not in paths:
            paths.append(path)
    return paths


def _term_routes(parsed, page):
    """[old path, route on the blog index] for the old blog's term pages and feeds."""
    categories = {}
    if page.category is not None:
        categories[page.category.name.lower()] = page.category.slug
    tags = {tag.name.lower(): tag.slug for tag in page.tags.all()}
    routes = []
    for old, kind, name in parsed.old_term_urls:
        key = _clean_name(name, 100).lower()
        if kind == "feed":
            route = "/feed/"
        elif kind.startswith("category") and key in categories:
            route = f"/kategori/{categories[key]}/"
        elif key in tags:
            route = f"/tag/{tags[key]}/"
        elif kind.startswith("category") and key[:80] in tags:
            route = f"/tag/{tags[key[:80]]}/"
        else:
            continue
        if kind.endswith("_feed"):
            route += "feed/"
        path = Redirect.normalise_path(old)
        if path and path != "/":
            routes.append([path, route])
    return routes


def _save_redirects(parsed, page, imported):
    """Remember the old addresses; they redirect while the article is live."""
    imported.old_paths = _redirect_paths(parsed)
    imported.old_terms = _term_routes(parsed, page)


def fingerprint(parsed, *, publish, title=None, credits=None):
    """What the source says about a post, as one hash (images by their content)."""

    def encode(value):
        if isinstance(value, bytes):
            return hashlib.sha256(value).hexdigest()
        if isinstance(value, datetime):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    data = dataclasses.asdict(parsed)
    data.pop("warnings", None)
    data["version"] = FINGERPRINT_VERSION
    data["publish"] = bool(publish)
    data["title_override"] = title
    data["credits_override"] = (
        None if credits is None else [dataclasses.asdict(c) for c in credits]
    )
    text = json.dumps(data, sort_keys=True, default=encode)
    return hashlib.sha256(text.encode()).hexdigest()


def _checked_title(parsed, title):
    title = " ".join((title or parsed.title or "").split())[:255]
    if not title:
        raise UnreadableText(_("Tulisan ini belum punya judul. Isi judulnya."))
    return title


def plan_article(parsed, *, title=None, credits=None, publish=False, planned=None):
    """What save_article would create and change, read from the database only.

    `planned` (a dict the caller keeps over a run) holds the fingerprints of the
    posts planned so far, so a key met twice is predicted as the run would do it.
    The same checks as save_article run first: what fails here fails there.
    """
    _checked_title(parsed, title)
    if parsed.source_key:
        existing = ImportedPost.objects.filter(source_key=parsed.source_key).first()
    else:
        existing = None
    print_ = fingerprint(parsed, publish=publish, title=title, credits=credits)
    if planned is not None and parsed.source_key in planned:
        created, unchanged = False, planned[parsed.source_key] == print_
    else:
        created = existing is None
        unchanged = existing is not None and existing.fingerprint == print_
    if planned is not None and parsed.source_key:
        planned[parsed.source_key] = print_
    if created and BlogIndexPage.objects.first() is None:
        raise UnreadableText(_("Belum ada halaman indeks artikel."))
    names = {
        _person_key(c.name): normalise_name(c.name) for c in _credits(parsed, credits)
    }
    new_contributors = sorted(n for n in names.values() if find_contributor(n) is None)
    if (
        new_contributors
        and not unchanged
        and ContributorIndexPage.objects.first() is None
    ):
        raise UnreadableText(_("Belum ada halaman indeks kontributor."))
    return Plan(
        title=_checked_title(parsed, title),
        created=created,
        unchanged=unchanged,
        new_contributors=[] if unchanged else new_contributors,
        new_categories=[]
        if unchanged
        else [
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
    date (or is scheduled for it, when it is still to come). A `source_key` already
    imported updates its article instead, or leaves it alone when the source says
    what it said last time. One transaction; `run` (an ImportRun) shares lookups
    between the articles of a run.
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
    print_ = fingerprint(parsed, publish=publish, title=title, credits=credits)
    title = _checked_title(parsed, title)
    imported = (
        ImportedPost.objects.filter(source_key=parsed.source_key)
        .select_related("page")
        .first()
        if parsed.source_key
        else None
    )
    if imported is not None and imported.fingerprint == print_:
        return SavedArticle(page=imported.page, created=False, unchanged=True)

    new_contributors = []
    credit_rows = []
    by_name = {}
    for credit in _credits(parsed, credits):
        key = _person_key(credit.name)
        contributor = by_name.get(key) or _contributor(credit.name, run)
        if contributor is None:
            bio = parsed.writer_bio if key == _person_key(parsed.writer_name) else ""
            contributor = _new_contributor(credit.name, owner, bio, run)
            new_contributors.append(contributor)
            run.remember(run.contributors, key, contributor)
        by_name[key] = contributor
        credit_rows.append(ArticleCredit(contributor=contributor, role=credit.role))

    bio_suggestion = ""
    if parsed.writer_bio and parsed.writer_name:
        writer = by_name.get(_person_key(parsed.writer_name))
        if writer is not None and writer not in new_contributors:
            bio_suggestion = _fill_empty_bio(writer, parsed.writer_bio, owner, run)

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
    page.body = _body(parsed, image_alt_texts, owner, run)
    page.ordered_sections = parsed.ordered_sections
    if parsed.excerpt:
        page.excerpt = parsed.excerpt[:EXCERPT_CHARS]
    if parsed.hero_image is not None:
        page.hero_image = _image(
            parsed.hero_image, parsed.hero_image.alt_text, owner, run
        )
    page.category = _category(parsed.categories, run)
    page.credits = credit_rows
    page.tags.set(_tag_names(parsed, page.category))
    go_live = publish and parsed.status == "published"
    if go_live and parsed.published_at and parsed.published_at > timezone.now():
        page.go_live_at = parsed.published_at  # a scheduled post waits for its day

    if created:
        parent.add_child(instance=page)
    if parsed.password:
        _keep_password(page, parsed.password)
    if imported is None and parsed.source_key:
        imported = ImportedPost(source_key=parsed.source_key, page=page)
    if imported is not None:
        _save_redirects(parsed, page, imported)
        imported.fingerprint = print_
        imported.page = page
        imported.save()
    revision = page.save_revision(user=owner, log_action=True)
    if go_live:
        revision.publish(user=owner)
        page.refresh_from_db(fields=["live", "first_published_at"])
        if page.live and parsed.published_at:
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=parsed.published_at,
                last_published_at=parsed.published_at,
            )
            page.first_published_at = parsed.published_at
    sync_imported_redirects(page)
    article_imported.send(
        sender=ArticlePage, page=page, featured=parsed.featured, created=created
    )
    return SavedArticle(
        page=page,
        created=created,
        new_contributors=new_contributors,
        bio_suggestion=bio_suggestion,
    )


def _keep_password(page, password):
    """The post was behind a password on the old blog: it stays behind the same one.

    Set before the page is published, so it is never public for a moment. An
    editor's own restriction is never removed.
    """
    restriction = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.PASSWORD
    ).first()
    if restriction is None:
        PageViewRestriction.objects.create(
            page=page,
            restriction_type=PageViewRestriction.PASSWORD,
            password=password,
        )
    elif restriction.password != password:
        restriction.password = password
        restriction.save(update_fields=["password"])


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
