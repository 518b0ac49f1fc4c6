"""Two-factor authentication for the admin: TOTP, one-time recovery codes, resets.

Built on django-otp's devices (a `TOTPDevice` for the authenticator app, its secret
sealed by `models.SealedTOTPDevice`; a `StaticDevice` holding the recovery codes).
With `SERAMBI_REQUIRE_2FA` on, editors and administrators must enrol and verify a
code before they can use the admin (`middleware.SecondFactorMiddleware`);
contributors may enrol, and once they have, they are asked for a code too.

Every change to one's own second factor (enrolling, replacing the phone, new
recovery codes, turning it off) asks for the account password again (`forms`), so a
session left open or stolen cannot take the account over, and is written to
Wagtail's audit log.
"""

import logging

from django.conf import settings
from django.db import transaction

from wagtail.log_actions import log

from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from editorial.permissions import is_editor

from .models import SealedTOTPDevice
from .secrets import SecretUnavailable

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Serambi"
RESET_ACTION = "serambi.2fa_reset"
ENROL_ACTION = "serambi.2fa_enrol"
REPLACE_ACTION = "serambi.2fa_replace"
REMOVE_ACTION = "serambi.2fa_remove"
RECOVERY_CODES_ACTION = "serambi.2fa_recovery_codes"


def is_required():
    return getattr(settings, "SERAMBI_REQUIRE_2FA", False)


def must_enrol(user):
    """Editors and administrators hold the whole site: a stolen password is not enough."""
    return is_editor(user)


def is_enrolled(user):
    return user_has_device(user, confirmed=True)


def pending_totp_device(user):
    """The authenticator being set up: one unconfirmed device, kept across reloads
    so the QR code the user scanned stays valid until she confirms it."""
    device = (
        SealedTOTPDevice.objects.filter(user=user, confirmed=False)
        .order_by("pk")
        .first()
    )
    return device or SealedTOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=False
    )


def devices_to_verify(user):
    """The user's confirmed devices, locked, authenticators as SealedTOTPDevice
    (django-otp's own listing would hand back TOTPDevice, which cannot open a
    sealed secret)."""
    return [
        *SealedTOTPDevice.objects.devices_for_user(user).select_for_update(),
        *StaticDevice.objects.devices_for_user(user).select_for_update(),
    ]


@transaction.atomic
def check_code(user, code, devices=None):
    """Return (device, throttled): the device that accepted `code`, if any.

    Six digits go to the authenticator, anything else to the recovery codes, so a
    recovery code never counts as a failed authenticator attempt (django-otp backs
    off exponentially after each failure, per device). The devices are locked for
    the check so that two requests cannot spend one recovery code twice.
    """
    code = "".join(code.split()).lower()
    if devices is None:
        devices = devices_to_verify(user)
    kind = SealedTOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    throttled = False
    for device in devices:
        if not isinstance(device, kind):
            continue
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            throttled = True
            continue
        try:
            if device.verify_token(code):
                return device, False
        except SecretUnavailable:
            logger.exception(
                "The authenticator secret of user %s cannot be opened; an "
                "administrator can reset her second factor",
                user.pk,
            )
    return None, throttled


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them (shown once).

    The codes change, the device holding them stays: a session verified with a
    recovery code is verified by that device, and must stay verified while she reads
    her new codes (deleting the device would sign her out of the second factor with
    the old codes gone and the new ones not yet shown).
    """
    device = (
        StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()
    )
    if device is None:
        device = StaticDevice.objects.create(
            user=user, name=DEVICE_NAME, confirmed=True
        )
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def regenerate_recovery_codes(user):
    codes = new_recovery_codes(user)
    log(instance=user, action=RECOVERY_CODES_ACTION, user=user)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def confirm_enrolment(user, device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    SealedTOTPDevice.objects.filter(user=user, confirmed=False).delete()
    log(instance=user, action=ENROL_ACTION, user=user)
    return new_recovery_codes(user)


@transaction.atomic
def replace_authenticator(user, device):
    """A new phone: the confirmed `device` takes the place of every older one.

    Other sessions verified with the old phone stop counting as verified (the
    device they name is gone); the caller moves her own session to the new device.
    """
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    SealedTOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    log(instance=user, action=REPLACE_ACTION, user=user)


def may_remove(user):
    """Whoever must have a second factor can replace hers, never remove it."""
    return not (is_required() and must_enrol(user))


@transaction.atomic
def remove(user):
    """She turns two-factor authentication off for her own account."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    log(instance=user, action=REMOVE_ACTION, user=user)
    return len(devices)


@transaction.atomic
def reset(user, by=None):
    """Remove every second factor of `user` (a lost phone) and record who did it.

    Sessions verified with the removed device stop counting as verified at once:
    django-otp's middleware no longer finds the device.
    """
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    log(instance=user, action=RESET_ACTION, user=by)
    logger.warning(
        "Two-factor authentication reset for user %s by %s",
        user.pk,
        by.pk if by else "the command line",
    )
    return len(devices)
