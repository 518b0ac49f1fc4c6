from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages

from .forms import AddContributorForm
from .onboarding import create_contributor, send_invitation
from .roles import CONTRIBUTORS

ONBOARDING_PERMISSION = "contributors.change_contributor_user"


def can_add_contributors(user):
    return user.is_active and user.has_perm(ONBOARDING_PERMISSION)


def add_contributor(request):
    """Create a contributor, and only a contributor.

    Editors do not hold Django's add/change-user permissions (whoever holds them can
    make herself a superuser); this view can create nothing but a Contributors account.
    """
    if not can_add_contributors(request.user):
        raise PermissionDenied
    form = AddContributorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user, page = create_contributor(**form.cleaned_data, created_by=request.user)
        send_invitation(user, page, request.user)
        messages.success(
            request,
            _("Kontributor %(name)s ditambahkan. Undangan dikirim ke %(email)s.")
            % {"name": page.title, "email": user.email},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return TemplateResponse(
        request,
        "editorial/add_contributor.html",
        {
            "form": form,
            "page_title": _("Tambah kontributor"),
            "header_title": _("Tambah kontributor"),
            "header_icon": "user",
            "action_url": request.path,
            "submit_button_label": _("Tambah dan kirim undangan"),
            "submit_button_active_label": _("Menyimpan…"),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def resend_invitation(request, user_id):
    """Send a contributor's invitation again, while she has not yet set a password.

    Only a Contributors account still waiting for its first password: an editor can
    not send a password link for anyone else, nor for an account already in use.
    """
    if not can_add_contributors(request.user):
        raise PermissionDenied
    user = get_object_or_404(
        get_user_model(), pk=user_id, groups__name=CONTRIBUTORS, is_superuser=False
    )
    page = getattr(user, "contributor_profile", None)
    if page is None or user.has_usable_password():
        messages.error(
            request,
            _("%(name)s sudah memakai akunnya; undangan tidak dikirim ulang.")
            % {"name": page.title if page else user.get_username()},
        )
        return redirect("wagtailadmin_home")
    send_invitation(user, page, request.user)
    messages.success(
        request,
        _("Undangan untuk %(name)s dikirim ulang ke %(email)s.")
        % {"name": page.title, "email": user.email},
    )
    return redirect("wagtailadmin_home")
