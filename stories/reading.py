"""A story as Serambi understood it, and what the editors' two actions do with it."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.images import get_image_model

from blog.models import ArticleCredit, BlogIndexPage
from importer.parsing import ParsedCredit, UnreadableText, parse_text, parse_upload
from importer.saving import ImportRun, save_article
from importer.views import understand

from .models import StorySubmission
from .notifications import tell_sender

WRITER = ArticleCredit.Role.WRITER


def parse_story(story):
    """Parsed as Kirim tulisan parses: the text, or the file she uploaded."""
    if story.file_data is not None:
        return understand(parse_upload, story.file_name, bytes(story.file_data))
    return understand(parse_text, story.text)


def story_credits(story, parsed):
    """She is the writer, under the name she chose; other roles her ending names stay."""
    others = [credit for credit in parsed.credits if credit.role != WRITER]
    return [ParsedCredit(role=WRITER, name=story.name), *others]


def _hide_real_name(profile, name, editor):
    """A profile made from a story holds the name she chose, as a pen name only: her
    real name is not known, and the profile says so where a real name would be."""
    profile.pen_name = name
    profile.use_pen_name_only = True
    profile.title = profile.draft_title = _("%(name)s (nama asli tidak diketahui)") % {
        "name": name
    }
    profile.save()
    profile.save_revision(user=editor)


def _picture(story, title, editor):
    image = get_image_model()(
        title=title[:255],
        # Stripped when she sent it; the model checks again (website.models).
        file=ContentFile(bytes(story.picture_data), name=story.picture_name),
        uploaded_by_user=editor,
    )
    image.save()
    return image


def make_draft(story, editor, *, accepted_message, title=""):
    """Turn the story into a draft article owned by `editor`; tells her if she can
    be told. Raises UnreadableText (nothing saved) when it cannot be read."""
    parsed = parse_story(story)
    index = BlogIndexPage.objects.first()
    if index is None:
        raise UnreadableText(_("Belum ada halaman indeks artikel."))
    with transaction.atomic():
        saved = save_article(
            parsed,
            owner=editor,
            parent=index,
            title=title or story.title or parsed.title,
            credits=story_credits(story, parsed),
            run=ImportRun(through_real_names=True),
        )
        page = saved.page
        if not story.real_name:
            for profile in saved.new_contributors:
                _hide_real_name(profile, profile.title, editor)
        if story.picture_data:
            page.hero_image = _picture(story, page.title, editor)
            page.save_revision(user=editor)
        decide(story, editor, StorySubmission.Status.DRAFTED, article=page)
    transaction.on_commit(lambda: tell_sender(story, accepted_message))
    return page


def decline(story, editor, message):
    with transaction.atomic():
        decide(story, editor, StorySubmission.Status.DECLINED)
    transaction.on_commit(lambda: tell_sender(story, message))


def decide(story, editor, status, article=None):
    story.status = status
    story.decided_at = timezone.now()
    story.decided_by = editor
    story.article = article
    story.save(update_fields=["status", "decided_at", "decided_by", "article"])
