"""The admin views of two-factor authentication: verify, enrol, recovery codes, reset."""

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
    new_recovery_codes,
    pending_totp_device,
    recovery_codes_left,
    reset,
)
from .forms import CodeForm, EnrolForm

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


@never_cache
@sensitive_post_parameters("code")
def enrol(request):
    user = request.user
    next_url = _next_url(request)
    if is_enrolled(user):
        if not user.is_verified():
            return redirect_to_login(
                request.get_full_path(), reverse("serambi_2fa_verify")
            )
        return TemplateResponse(
            request,
            "website/two_factor/status.html",
            {
                "page_title": _("Verifikasi dua langkah"),
                "header_icon": "key",
                "codes_left": recovery_codes_left(user),
            },
        )

    device = pending_totp_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted, throttled = check_code(
            user, form.cleaned_data["code"], devices=[device]
        )
        if accepted is not None:
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
            "page_title": _("Aktifkan verifikasi dua langkah"),
            "header_icon": "key",
            "form": form,
            "next": next_url,
            "qr_svg": _qr_svg(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
        status=400 if form.errors else 200,
    )


@never_cache
def recovery_codes(request):
    """Show fresh recovery codes once; POST replaces the old ones."""
    user = request.user
    if request.method == "POST":
        if not is_enrolled(user) or not user.is_verified():
            raise PermissionDenied
        request.session[SESSION_CODES] = new_recovery_codes(user)
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
