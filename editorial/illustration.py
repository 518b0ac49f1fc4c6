"""The writer ↔ illustrator hand-off: who may ask, take, draw, and what drawing changes.

A writer (or an editor) asks for an illustration with a short brief; any contributor
may take an open request, one at a time; an editor may reassign it. The illustrator
changes only the hero image and the body's image blocks of the latest draft, in a new
revision that also credits her. She never edits the text, the credits or publishes:
Wagtail's own edit, preview and publish views keep refusing her, since she neither
owns the page nor holds page permissions beyond "add".
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import override

from wagtail.admin.mail import send_mail
from wagtail.admin.utils import get_user_display_name
from wagtail.blocks import StreamValue
from wagtail.users.models import UserProfile

from blog.models import ArticleCredit

from .models import IllustrationRequest
from .permissions import is_contributor, is_editor
from .roles import EDITORS, contributor_accounts

logger = logging.getLogger(__name__)


# --- Who may do what ------------------------------------------------------------------


def is_writer_of(user, page):
    """Her page, or one that credits her as a writer (as published)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if page.owner_id is not None and page.owner_id == user.pk:
        return True
    return ArticleCredit.objects.filter(
        page_id=page.pk,
        role=ArticleCredit.Role.WRITER,
        contributor__user_id=user.pk,
    ).exists()


def may_request(user, page):
    return is_editor(user) or is_writer_of(user, page)


def may_take(user):
    # She is credited through her profile, so an account without one cannot draw.
    return is_contributor(user) and hasattr(user, "contributor_profile")


def may_illustrate(user, illustration_request):
    return (
        user.is_authenticated
        and user.is_active
        and illustration_request.illustrator_id == user.pk
        and illustration_request.status != IllustrationRequest.Status.OPEN
    )


def illustrators():
    """Everyone who may be given a request: contributors with a profile."""
    return contributor_accounts()


# --- Changing a request -----------------------------------------------------------------


def take(illustration_request, user):
    """Take an open request. False when someone else got there first.

    One conditional UPDATE: of two illustrators who click at the same moment, the
    database lets exactly one change the row from "open".
    """
    now = timezone.now()
    taken = IllustrationRequest.objects.filter(
        pk=illustration_request.pk, status=IllustrationRequest.Status.OPEN
    ).update(status=IllustrationRequest.Status.TAKEN, illustrator=user, taken_at=now)
    if taken:
        illustration_request.status = IllustrationRequest.Status.TAKEN
        illustration_request.illustrator = user
        illustration_request.taken_at = now
    return bool(taken)


def reassign(illustration_request, illustrator):
    """An editor gives the request to someone else, or (None) opens it again."""
    if illustrator is None:
        illustration_request.status = IllustrationRequest.Status.OPEN
        illustration_request.illustrator = None
        illustration_request.taken_at = None
    else:
        illustration_request.status = IllustrationRequest.Status.TAKEN
        illustration_request.illustrator = illustrator
        illustration_request.taken_at = timezone.now()
    illustration_request.save(update_fields=["status", "illustrator", "taken_at"])


def paragraph_choices(body):
    """(block id, its first words) of each paragraph, to place a new image after."""
    choices = []
    for child in body:
        if child.block_type == "paragraph" and child.id:
            words = " ".join(strip_tags(child.value.source).split())
            choices.append((child.id, words[:60] + ("…" if len(words) > 60 else "")))
    return choices


def image_blocks(body):
    return [child for child in body if child.block_type == "image" and child.id]


def illustrate(
    page, user, *, hero_image, block_images, new_image=None, after=None, caption=""
):
    """Save a revision of the latest draft with only its images changed.

    `page` is the latest revision as an object. `block_images` maps an image block's
    id to its new image; `new_image` goes in a new image block after the paragraph
    whose id is `after`. The illustrator is credited in the same revision.
    """
    body = page.body
    children = []
    for child in body:
        value = child.value
        if child.block_type == "image" and child.id in block_images:
            value = body.stream_block.child_blocks["image"].to_python(
                {
                    **child.block.get_prep_value(value),
                    "image": block_images[child.id].pk,
                }
            )
        children.append((child.block_type, value, child.id))
        if new_image is not None and child.id == after:
            children.append(
                (
                    "image",
                    body.stream_block.child_blocks["image"].to_python(
                        {"image": new_image.pk, "caption": caption}
                    ),
                )
            )
    page.body = StreamValue(body.stream_block, children)
    page.hero_image = hero_image
    profile = user.contributor_profile
    credits = list(page.credits.all())
    if not any(
        credit.contributor_id == profile.pk
        and credit.role == ArticleCredit.Role.ILLUSTRATOR
        for credit in credits
    ):
        page.credits.add(
            ArticleCredit(
                contributor=profile,
                role=ArticleCredit.Role.ILLUSTRATOR,
                sort_order=len(credits),
            )
        )
    return page.save_revision(user=user, log_action=True)


# --- Telling people ---------------------------------------------------------------------


def writers_of(page):
    """The owner and the writers credited on the page as published."""
    users = {page.owner} if page.owner_id and page.owner.is_active else set()
    credits = ArticleCredit.objects.filter(
        page_id=page.pk,
        role=ArticleCredit.Role.WRITER,
        contributor__user__isnull=False,
    ).select_related("contributor__user")
    users.update(credit.contributor.user for credit in credits)
    return users


def past_illustrators():
    """Contributors credited with an article's illustration before: those a new
    request is sent to (the dashboard shows it to every contributor)."""
    return set(
        illustrators()
        .filter(contributor_profile__credits__role=ArticleCredit.Role.ILLUSTRATOR)
        .distinct()
    )


def public_name(user):
    """How one person is named to another in the hand-off: her profile's public
    name, so that a pen name keeps hiding the real one; an account without a
    profile (an editor's) by its display name."""
    profile = getattr(user, "contributor_profile", None)
    return profile.public_name if profile else get_user_display_name(user)


def editors():
    return set(
        get_user_model().objects.filter(
            Q(groups__name=EDITORS) | Q(is_superuser=True), is_active=True
        )
    )


def notify(kind, illustration_request, actor, recipients):
    """E-mail `recipients` (not the one who acted) through the background mail."""
    page = illustration_request.article
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    # The same for every recipient: worked out once.
    shared = {
        "actor_name": public_name(actor),
        "page": page,
        "title": page.draft_title,
        "illustration_request": illustration_request,
        "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
        "illustrate_url": base_url
        + reverse("editorial_illustrate", args=[illustration_request.pk]),
        "dashboard_url": base_url + reverse("wagtailadmin_home"),
    }
    for user in recipients:
        if user.pk == actor.pk or not user.is_active or not user.email:
            continue
        context = {**shared, "user": user}
        with override(UserProfile.get_for_user(user).get_preferred_language()):
            subject = render_to_string(
                f"editorial/illustration/mail/{kind}_subject.txt", context
            ).strip()
            body = render_to_string(
                f"editorial/illustration/mail/{kind}.txt", context
            ).strip()
        try:
            send_mail(subject, body, [user.email])
        except Exception:
            logger.exception("Could not send %s e-mail to %s", kind, user.email)


def notify_writers_and_editors(kind, illustration_request, actor):
    """ "taken" or "illustrated": the article's writers and the editors are told."""
    recipients = writers_of(illustration_request.article) | editors()
    notify(kind, illustration_request, actor, recipients)


def notify_illustrators(illustration_request, actor):
    """A new request: those who have illustrated before are asked to take it."""
    recipients = past_illustrators() - writers_of(illustration_request.article)
    notify("opened", illustration_request, actor, recipients)


def notify_assigned(illustration_request, actor):
    notify("assigned", illustration_request, actor, {illustration_request.illustrator})
