"""Deleting an article or a contributor page moves it to the trash, recoverably.

A trashed page is unpublished (so every public surface, which lists live pages only,
drops it and the page cache is cleared by the unpublish signal) and moved under the
one `TrashCanPage`, which sits outside every site: no URL, no sitemap entry, no search
hit, and no editor permission. Its row, revisions, credits, tags, comments and links
stay as they are. `TrashedPage` remembers where and how it was, so that restoring puts
it back under the same parent, at the same place, with the same URL, and live again
(its same live revision) if it was live.

Only a superuser deletes for good, from the trash; `purge_trash` does it for items
older than settings.TRASH_RETENTION_DAYS.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page

from treebeard.mp_tree import MP_MoveHandler

from blog.models import ArticlePage
from contributors.models import ContributorPage

from .models import TrashCanPage, TrashedPage
from .permissions import is_editor

logger = logging.getLogger(__name__)

TRASHABLE_TYPES = (ArticlePage, ContributorPage)
TRASH_ACTION = "editorial.trash"
RESTORE_ACTION = "editorial.restore"


class TrashRefused(Exception):
    """The page stays where it is; the message says why, in the user's language."""


# --- Who may do what ----------------------------------------------------------------


def can_use_trash(user):
    """See the trash and restore from it: editors."""
    return is_editor(user)


def can_delete_for_good(user):
    return user.is_active and user.is_superuser


# --- Where things are ---------------------------------------------------------------


def get_trash_can():
    # Ordered by its own key: by Page's default (the path), SQLite walks the whole
    # page tree's path index to find the one trash can.
    can = TrashCanPage.objects.order_by("pk").first()
    if can is None:
        can = TrashCanPage(
            title=str(_("Tempat sampah")), slug="tempat-sampah", live=False
        )
        Page.get_first_root_node().add_child(instance=can)
    return can


def is_trashable(page):
    return isinstance(page.specific_deferred, TRASHABLE_TYPES) and not is_in_trash(page)


def is_in_trash(page):
    return TrashedPage.objects.filter(page_id=page.pk).exists()


def live_articles_crediting(contributor):
    return (
        ArticlePage.objects.live()
        .filter(credits__contributor=contributor)
        .distinct()
        .order_by("title")
    )


def trashed_contributors_credited_on(article):
    return ContributorPage.objects.filter(
        credits__page=article, trash_entry__isnull=False
    ).distinct()


def _titles(pages, limit=5):
    titles = [f"'{page.get_admin_display_title()}'" for page in pages[:limit]]
    return ", ".join(titles)


def check_trashable(page):
    page = page.specific
    if isinstance(page, ContributorPage):
        articles = live_articles_crediting(page)
        if articles.exists():
            raise TrashRefused(
                _(
                    "'%(name)s' tidak bisa dihapus karena masih tercantum di artikel "
                    "yang terbit: %(articles)s. Ganti kreditnya atau tarik artikel "
                    "itu terlebih dahulu."
                )
                % {
                    "name": page.get_admin_display_title(),
                    "articles": _titles(articles),
                }
            )


# --- Trash, restore, delete for good ------------------------------------------------


def _move(page, target, pos):
    # Treebeard only: Wagtail's move action would full_clean the page against its
    # new siblings and create redirects from the public URL to the trash.
    MP_MoveHandler(page, target, pos).process()


@transaction.atomic
def move_to_trash(page, user):
    """Move `page` to the trash. Raises TrashRefused when it must stay."""
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    if not isinstance(page, TRASHABLE_TYPES) or is_in_trash(page):
        raise TrashRefused(_("Halaman ini tidak bisa dipindahkan ke tempat sampah."))
    check_trashable(page)

    can = get_trash_can()
    scheduled = page.revisions.filter(approved_go_live_at__isnull=False).first()
    entry = TrashedPage.objects.create(
        page=page,
        parent=page.get_parent(),
        next_sibling=page.get_next_sibling(),
        url_path=page.url_path,
        was_live=page.live,
        had_unpublished_changes=page.has_unpublished_changes,
        live_revision=page.live_revision,
        scheduled_revision=scheduled,
        approved_go_live_at=scheduled.approved_go_live_at if scheduled else None,
        trashed_by=user,
    )

    # A review or a scheduled go-live must not act on a page in the trash.
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        workflow_state.cancel(user=user)
    page.revisions.update(approved_go_live_at=None)
    if page.live:
        # Unpublished in place, so caches and the CDN are told about its public URLs.
        UnpublishPageAction(page, user=user).execute(skip_permission_checks=True)

    _move(page, can, "last-child")
    # The primary key keeps trashed pages of the same slug apart: url_path is a
    # page's natural key in dumpdata.
    Page.objects.filter(pk=page.pk).update(
        url_path=f"{can.url_path}{page.pk}-{page.slug}/"
    )
    log(
        instance=page,
        action=TRASH_ACTION,
        user=user,
        data={"parent": {"id": entry.parent_id, "url_path": entry.url_path}},
    )
    logger.info('Page trashed: "%s" id=%d', page.title, page.pk)
    return entry


def check_restorable(entry):
    page = entry.page.specific
    parent = entry.parent
    if parent is None:
        raise TrashRefused(
            _(
                "Halaman induk '%(title)s' sudah tidak ada; halaman ini tidak bisa dipulihkan."
            )
            % {"title": page.get_admin_display_title()}
        )
    if not Page._slug_is_available(page.slug, parent, page):
        raise TrashRefused(
            _(
                "Alamat '%(slug)s' di bawah '%(parent)s' sekarang dipakai halaman lain. "
                "Ganti slug halaman itu dulu, lalu pulihkan lagi."
            )
            % {"slug": page.slug, "parent": parent.get_admin_display_title()}
        )
    if entry.was_live and isinstance(page, ArticlePage):
        contributors = trashed_contributors_credited_on(page)
        if contributors.exists():
            raise TrashRefused(
                _(
                    "Artikel ini mencantumkan kontributor yang ada di tempat sampah: "
                    "%(names)s. Pulihkan kontributor itu lebih dulu."
                )
                % {"names": _titles(contributors)}
            )


@transaction.atomic
def restore(entry, user):
    """Put a trashed page back where it was, live again if it was live."""
    entry = TrashedPage.objects.select_for_update().get(pk=entry.pk)
    check_restorable(entry)
    page = Page.objects.get(pk=entry.page_id)
    parent = entry.parent

    sibling = entry.next_sibling
    if sibling is not None and sibling.get_parent().pk == parent.pk:
        _move(page, sibling, "left")
    else:
        _move(page, parent, "last-child")
    page = Page.objects.get(pk=page.pk)
    Page.objects.filter(pk=page.pk).update(url_path=page.set_url_path(parent))

    if entry.was_live:
        # Live again on the revision that was live, not the newest draft, through
        # Wagtail's own publish: post_save and page_published reach the caches, the
        # CDN, the search index and the privacy tokens as for any publish. Not logged
        # as a new publication (the restore is logged below) and first_published_at,
        # which orders listings, stays.
        revision = entry.live_revision
        if revision is None:
            # Made live without a revision (a script, an old import): its row is
            # its live content, so that becomes the revision published.
            revision = page.specific.save_revision(user=user, changed=False)
        revision.publish(
            user=user, changed=False, log_action=False, skip_permission_checks=True
        )
    if entry.scheduled_revision is not None and entry.approved_go_live_at:
        entry.scheduled_revision.approved_go_live_at = entry.approved_go_live_at
        entry.scheduled_revision.save(update_fields=["approved_go_live_at"])

    page = Page.objects.get(pk=page.pk).specific
    log(
        instance=page,
        action=RESTORE_ACTION,
        user=user,
        data={"parent": {"id": parent.pk, "url_path": page.url_path}},
    )
    entry.delete()
    logger.info('Page restored: "%s" id=%d', page.title, page.pk)
    return page


def delete_for_good(entry, user):
    """Delete a trashed page and everything that hangs off it. Raises TrashRefused."""
    page = entry.page.specific
    title = page.get_admin_display_title()
    try:
        with transaction.atomic():
            DeletePageAction(page, user=user).execute(skip_permission_checks=True)
    except ProtectedError as error:
        articles = [obj.page for obj in error.protected_objects if hasattr(obj, "page")]
        raise TrashRefused(
            _(
                "'%(name)s' tidak bisa dihapus permanen karena masih tercantum di "
                "artikel: %(articles)s."
            )
            % {"name": title, "articles": _titles(articles)}
        ) from error
    return title


def empty(entries, user):
    """Delete these entries for good: articles first, which frees the contributors
    they credit. Returns (deleted titles, refusal messages)."""
    entries = list(entries.select_related("page"))
    entries.sort(key=lambda entry: entry.page.specific_class is ContributorPage)
    deleted, refused = [], []
    for entry in entries:
        try:
            deleted.append(delete_for_good(entry, user))
        except TrashRefused as refusal:
            refused.append(str(refusal))
    return deleted, refused


def retention_days():
    return settings.TRASH_RETENTION_DAYS


def expired_entries(days=None, now=None):
    days = retention_days() if days is None else days
    cutoff = (now or timezone.now()) - timedelta(days=days)
    return TrashedPage.objects.filter(trashed_at__lt=cutoff)
