"""Editors add contributors: an account, a profile page, an invitation."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify

from wagtail.admin.mail import send_mail

from contributors.models import ContributorIndexPage, ContributorPage

from .roles import CONTRIBUTORS


def unique_child_slug(parent, base):
    base = slugify(base) or "kontributor"
    slug, n = base, 2
    while parent.get_children().filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def create_contributor(
    *, name, email, username, pen_name="", use_pen_name_only=False, created_by=None
):
    """Create the account (no usable password yet) and her draft profile page.

    The profile starts as a draft: a real name must not reach the public site before
    she has chosen how she wants to appear. She owns the page and is linked to it, so
    she can edit it and submit it for review.
    """
    user = get_user_model().objects.create_user(
        username=username, email=email, first_name=name[:150]
    )
    user.set_unusable_password()
    user.save()
    user.groups.add(Group.objects.get(name=CONTRIBUTORS))

    index = ContributorIndexPage.objects.get()
    page = ContributorPage(
        title=name,
        slug=unique_child_slug(index, pen_name if pen_name else name),
        pen_name=pen_name,
        use_pen_name_only=use_pen_name_only,
        user=user,
        owner=user,
        live=False,
    )
    index.add_child(instance=page)
    page.save_revision(user=created_by, log_action=True)
    return user, page


def password_set_url(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    return base_url + reverse(
        "wagtailadmin_password_reset_confirm", kwargs={"uidb64": uid, "token": token}
    )


def send_invitation(user, page, invited_by):
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    context = {
        "user": user,
        "page": page,
        "invited_by": invited_by,
        "password_url": password_set_url(user),
        "admin_url": base_url + reverse("wagtailadmin_home"),
        "site_name": getattr(settings, "WAGTAIL_SITE_NAME", "Serambi"),
    }
    subject = render_to_string(
        "editorial/notifications/invitation_subject.txt", context
    ).strip()
    body = render_to_string("editorial/notifications/invitation.txt", context).strip()
    send_mail(subject, body, [user.email])
