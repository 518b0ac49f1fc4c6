"""Who hears about a story: the editors when it comes, she (by e-mail, if she left one)
when they decide. Through the background mail (operations.mail), like every e-mail.

Her contact detail is never part of a subject or a log line: the subject is fixed
text, and a failure is logged with the story's number only.
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from wagtail.admin.mail import send_mail
from wagtail.users.models import UserProfile

from editorial.illustration import editors
from editorial.notifications import wants

logger = logging.getLogger(__name__)


def notify_editors_of(story):
    """A new story: each editor who takes "submitted" e-mails is told where to read it."""
    url = getattr(settings, "WAGTAILADMIN_BASE_URL", "") + reverse(
        "stories:inspect", args=[story.pk]
    )
    for user in editors():
        if not wants(user, "submitted"):
            continue
        context = {"user": user, "story": story, "url": url}
        with override(UserProfile.get_for_user(user).get_preferred_language()):
            subject = render_to_string(
                "stories/mail/new_story_subject.txt", context
            ).strip()
            body = render_to_string("stories/mail/new_story.txt", context).strip()
        try:
            send_mail(subject, body, [user.email])
        except Exception:
            logger.exception("Could not tell an editor of story %s", story.pk)


def tell_sender(story, message):
    """The decision, in the editors' words, to her e-mail (when she left one)."""
    if not story.contact_email:
        return False
    context = {"story": story, "message": message}
    with override(settings.LANGUAGE_CODE):
        subject = render_to_string("stories/mail/decision_subject.txt", context).strip()
        body = render_to_string("stories/mail/decision.txt", context).strip()
    try:
        send_mail(subject, body, [story.contact_email])
    except Exception:
        logger.exception("Could not send the decision on story %s", story.pk)
        return False
    return True
