"""Admin wiring of two-factor authentication; imported from `AccountsConfig.ready`."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets import Button

from . import (
    ENROL_ACTION,
    RECOVERY_CODES_ACTION,
    REMOVE_ACTION,
    REPLACE_ACTION,
    RESET_ACTION,
    is_enrolled,
    views,
)


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("2fa/", views.enrol, name="serambi_2fa_enrol"),
        path("2fa/verifikasi/", views.verify, name="serambi_2fa_verify"),
        path("2fa/ganti/", views.replace, name="serambi_2fa_replace"),
        path("2fa/matikan/", views.remove_view, name="serambi_2fa_remove"),
        path(
            "2fa/kode-pemulihan/",
            views.recovery_codes,
            name="serambi_2fa_recovery_codes",
        ),
        path(
            "2fa/setel-ulang/<int:user_id>/",
            views.reset_user,
            name="serambi_2fa_reset",
        ),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_item(request):
    enrolled = is_enrolled(request.user)
    return {
        "url": reverse("serambi_2fa_enrol"),
        "label": _("Verifikasi dua langkah"),
        "help_text": _("Aktif. Di sini Anda bisa membuat kode pemulihan baru.")
        if enrolled
        else _("Lindungi akun Anda dengan kode dari aplikasi di ponsel."),
    }


@hooks.register("register_user_listing_buttons")
def two_factor_reset_button(user, request_user):
    if request_user.is_superuser and user.pk != request_user.pk:
        yield Button(
            _("Setel ulang verifikasi dua langkah"),
            reverse("serambi_2fa_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def register_two_factor_log_actions(actions):
    actions.register_action(
        RESET_ACTION,
        _("Setel ulang verifikasi dua langkah"),
        _("Verifikasi dua langkah disetel ulang"),
    )
    actions.register_action(
        ENROL_ACTION,
        _("Aktifkan verifikasi dua langkah"),
        _("Verifikasi dua langkah diaktifkan"),
    )
    actions.register_action(
        REPLACE_ACTION,
        _("Ganti aplikasi autentikator"),
        _("Aplikasi autentikator diganti"),
    )
    actions.register_action(
        RECOVERY_CODES_ACTION,
        _("Buat kode pemulihan baru"),
        _("Kode pemulihan baru dibuat"),
    )
    actions.register_action(
        REMOVE_ACTION,
        _("Matikan verifikasi dua langkah"),
        _("Verifikasi dua langkah dimatikan"),
    )
