"""The admin views of two-factor authentication: verify, enrol, replace the phone,
recovery codes, turn off, and an administrator's reset."""

from base64 import b32encode

from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name

import django_otp
import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_static.models import StaticDevice

from . import (
    check_code,
    confirm_enrolment,
    is_enrolled,
    may_remove,
    pending_totp_device,
    recovery_codes_left,
    regenerate_recovery_codes,
    remove,
    replace_authenticator,
    reset,
)
from .forms import CodeForm, EnrolForm, PasswordForm

SESSION_CODES = "serambi_2fa_recovery_codes"
SESSION_NEXT = "serambi_2fa_next"


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _refusal(throttled):
    if throttled:
        return _(
            "Terlalu banyak percobaan yang salah. Tunggu sebentar, lalu coba lagi."
        )
    return _(
        "Kode tidak cocok. Periksa jam ponsel dan aplikasi autentikator Anda, "
        "atau pakai salah satu kode pemulihan."
    )


def _qr_svg(text):
    # Drawn here as inline SVG: the secret never leaves the server for a QR service.
    image = qrcode.make(
        text, image_factory=qrcode.image.svg.SvgPathImage, border=2, box_size=8
    )
    return image.to_string(encoding="unicode")


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    next_url = _next_url(request)
    if not is_enrolled(user):
        return redirect_to_login(next_url, reverse("serambi_2fa_enrol"))
    if user.is_verified():
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, throttled = check_code(user, form.cleaned_data["code"])
        if device is not None:
            django_otp.login(request, device)
            if isinstance(device, StaticDevice):
                messages.warning(
                    request,
                    _(
                        "Anda masuk dengan kode pemulihan; kode itu kini tidak berlaku. "
                        "Sisa kode pemulihan: %(count)d."
                    )
                    % {"count": recovery_codes_left(user)},
                )
            return redirect(next_url)
        form.add_error("code", _refusal(throttled))
    return TemplateResponse(
        request,
        "website/two_factor/verify.html",
        {"form": form, "next": next_url},
        status=400 if form.errors else 200,
    )


REMOVE_PREFIX = "matikan"


def _status(request, password_form=None, remove_form=None, status=200):
    user = request.user
    return TemplateResponse(
        request,
        "website/two_factor/status.html",
        {
            "page_title": _("Verifikasi dua langkah"),
            "header_icon": "key",
            "codes_left": recovery_codes_left(user),
            "may_remove": may_remove(user),
            "password_form": password_form or PasswordForm(user=user),
            # Its own prefix: two password fields on one page need two ids.
            "remove_form": remove_form or PasswordForm(user=user, prefix=REMOVE_PREFIX),
        },
        status=status,
    )


def _setup_page(request, *, replacing, next_url=None):
    """Scan a QR code, type its first code and the password: a first phone, or a new
    one that takes the old one's place once it works."""
    user = request.user
    device = pending_totp_device(user)
    form = EnrolForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        accepted, throttled = check_code(
            user, form.cleaned_data["code"], devices=[device]
        )
        if accepted is not None:
            if replacing:
                replace_authenticator(user, device)
                # Her session moves to the new phone and stays verified.
                django_otp.login(request, device)
                messages.success(
                    request,
                    _(
                        "Aplikasi autentikator baru sudah aktif; yang lama tidak "
                        "berlaku lagi."
                    ),
                )
                return redirect("serambi_2fa_enrol")
            codes = confirm_enrolment(user, device)
            django_otp.login(request, device)
            request.session[SESSION_CODES] = codes
            request.session[SESSION_NEXT] = next_url
            return redirect("serambi_2fa_recovery_codes")
        form.add_error("code", _refusal(throttled))

    secret = b32encode(device.bin_key).decode()
    return TemplateResponse(
        request,
        "website/two_factor/enrol.html",
        {
            "page_title": _("Ganti aplikasi autentikator")
            if replacing
            else _("Aktifkan verifikasi dua langkah"),
            "header_icon": "key",
            "form": form,
            "next": next_url,
            "replacing": replacing,
            "action": reverse(
                "serambi_2fa_replace" if replacing else "serambi_2fa_enrol"
            ),
            "qr_svg": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
        status=400 if form.errors else 200,
    )


@never_cache
@sensitive_post_parameters("code", "password")
def enrol(request):
    user = request.user
    next_url = _next_url(request)
    if is_enrolled(user):
        if not user.is_verified():
            return redirect_to_login(
                request.get_full_path(), reverse("serambi_2fa_verify")
            )
        return _status(request)
    return _setup_page(request, replacing=False, next_url=next_url)


@never_cache
@sensitive_post_parameters("code", "password")
def replace(request):
    """A new phone while the old one still works (a lost one: the recovery codes, or
    an administrator's reset)."""
    if not is_enrolled(request.user) or not request.user.is_verified():
        return redirect("serambi_2fa_enrol")
    return _setup_page(request, replacing=True)


@never_cache
@require_POST
@sensitive_post_parameters("password")
def remove_view(request):
    user = request.user
    if not is_enrolled(user) or not user.is_verified() or not may_remove(user):
        raise PermissionDenied
    form = PasswordForm(request.POST, user=user, prefix=REMOVE_PREFIX)
    if not form.is_valid():
        return _status(request, remove_form=form, status=400)
    remove(user)
    messages.success(request, _("Verifikasi dua langkah dimatikan untuk akun Anda."))
    return redirect("wagtailadmin_account")


@never_cache
@sensitive_post_parameters("password")
def recovery_codes(request):
    """Show fresh recovery codes once; POST (with the password) replaces the old ones."""
    user = request.user
    if request.method == "POST":
        if not is_enrolled(user) or not user.is_verified():
            raise PermissionDenied
        form = PasswordForm(request.POST, user=user)
        if not form.is_valid():
            return _status(request, password_form=form, status=400)
        request.session[SESSION_CODES] = regenerate_recovery_codes(user)
        request.session[SESSION_NEXT] = reverse("serambi_2fa_enrol")
        return redirect("serambi_2fa_recovery_codes")
    codes = request.session.pop(SESSION_CODES, None)
    next_url = request.session.pop(SESSION_NEXT, None) or reverse("wagtailadmin_home")
    if not codes:
        return redirect("serambi_2fa_enrol")
    return TemplateResponse(
        request,
        "website/two_factor/recovery_codes.html",
        {
            "page_title": _("Kode pemulihan"),
            "header_icon": "key",
            "codes": codes,
            "next": next_url,
        },
    )


@never_cache
def reset_user(request, user_id):
    """An administrator removes a user's second factor, e.g. after a lost phone."""
    if not request.user.is_superuser:
        raise PermissionDenied
    target = get_object_or_404(get_user_model(), pk=user_id)
    name = get_user_display_name(target)
    if request.method == "POST":
        reset(target, by=request.user)
        messages.success(
            request,
            _(
                "Verifikasi dua langkah %(name)s disetel ulang. Ia akan diminta "
                "mendaftarkan aplikasi autentikator lagi saat masuk."
            )
            % {"name": name},
        )
        return redirect("wagtailusers_users:edit", target.pk)
    return TemplateResponse(
        request,
        "website/two_factor/reset.html",
        {
            "page_title": _("Setel ulang verifikasi dua langkah"),
            "page_subtitle": name,
            "header_icon": "key",
            "target": target,
            "target_name": name,
            "enrolled": is_enrolled(target),
        },
    )
