"""Two-factor authentication for the admin: TOTP, one-time recovery codes, resets.

Built on django-otp's devices (a `TOTPDevice` for the authenticator app, a
`StaticDevice` holding the recovery codes). With `SERAMBI_REQUIRE_2FA` on, editors
and administrators must enrol and verify a code before they can use the admin
(`middleware.SecondFactorMiddleware`); contributors may enrol, and once they
have, they are asked for a code too.
"""

import logging

from django.conf import settings
from django.db import transaction

from wagtail.log_actions import log

from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from editorial.permissions import is_editor

logger = logging.getLogger(__name__)

RECOVERY_CODE_COUNT = 10
DEVICE_NAME = "Serambi"
RESET_ACTION = "serambi.2fa_reset"
ENROL_ACTION = "serambi.2fa_enrol"


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
        TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    )
    return device or TOTPDevice.objects.create(
        user=user, name=DEVICE_NAME, confirmed=False
    )


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
        devices = list(devices_for_user(user, confirmed=True, for_verify=True))
    kind = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    throttled = False
    for device in devices:
        if not isinstance(device, kind):
            continue
        allowed, _ = device.verify_is_allowed()
        if not allowed:
            throttled = True
            continue
        if device.verify_token(code):
            return device, False
    return None, throttled


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


@transaction.atomic
def confirm_enrolment(user, device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    log(instance=user, action=ENROL_ACTION, user=user)
    return new_recovery_codes(user)


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
