"""E-mail that Wagtail does not send by itself: "your article is live".

Submission, approval, request-for-changes and comment e-mails are Wagtail's own
(wagtail.admin.mail), with Indonesian templates under
templates/wagtailadmin/notifications/. Everyone can switch each kind off in her
account settings; publication e-mails follow the "approved" switch.
"""

import logging

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from wagtail.admin.mail import send_mail
from wagtail.users.models import UserProfile

from .workflows import publishing_approved_revision

logger = logging.getLogger(__name__)

PUBLISH_ACTIONS = {"wagtail.publish", "wagtail.publish.scheduled"}


def contributors_of(page):
    """The accounts of the people credited on a page as it is now (a profile: its own
    person). Not the owner as such: someone whose credit was removed is not told."""
    from blog.models import ArticleCredit, ArticlePage
    from contributors.models import ContributorPage

    users = set()
    if isinstance(page, ContributorPage):
        if page.user_id:
            users.add(page.user)
        return users
    if isinstance(page, ArticlePage):
        credits = ArticleCredit.objects.filter(
            page=page, contributor__user__isnull=False
        ).select_related("contributor__user")
        users.update(credit.contributor.user for credit in credits)
    return users


def wants(user, notification):
    return (
        user.is_active
        and user.email
        and getattr(UserProfile.get_for_user(user), f"{notification}_notifications")
    )


def send_publication_notifications(sender, instance, created, raw=False, **kwargs):
    """post_save of PageLogEntry: tell the contributor that her page went live.

    The audit log entry is the one place that knows both that a page was published
    and who did it (nobody, for a scheduled go-live).
    """
    if raw or not created or instance.action not in PUBLISH_ACTIONS:
        return
    if publishing_approved_revision.get():
        # The approval e-mail already says so.
        return
    page = instance.page.specific
    if not page.live:
        return
    recipients = [
        user
        for user in contributors_of(page)
        if user.pk != instance.user_id and wants(user, "approved")
    ]
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    for user in recipients:
        context = {
            "user": user,
            "page": page,
            "scheduled": instance.action == "wagtail.publish.scheduled",
            "publisher": instance.user,
            "public_url": page.full_url,
            "edit_url": base_url + reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "account_url": base_url + reverse("wagtailadmin_account"),
        }
        with override(user.wagtail_userprofile.get_preferred_language()):
            subject = render_to_string(
                "editorial/notifications/published_subject.txt", context
            ).strip()
            body = render_to_string(
                "editorial/notifications/published.txt", context
            ).strip()
        try:
            send_mail(subject, body, [user.email])
        except Exception:
            logger.exception("Could not send publication e-mail to %s", user.email)
