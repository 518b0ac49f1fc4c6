"""`manage.py reseal_2fa_secrets`: seal every authenticator secret with the current key.

Run after a key rotation (TWO_FACTOR_KEY or SECRET_KEY changed, the old one kept in
the fallbacks): once it reports nothing left on an old key, the fallback can go.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.two_factor.models import SealedTOTPDevice
from accounts.two_factor.secrets import SecretUnavailable, reseal


class Command(BaseCommand):
    help = "Seal every TOTP secret with the current key (after a key rotation)."

    def handle(self, *args, **options):
        resealed = unreadable = 0
        with transaction.atomic():
            for device in SealedTOTPDevice.objects.select_for_update().only(
                "key", "user_id"
            ):
                try:
                    value = reseal(device.key)
                except SecretUnavailable:
                    unreadable += 1
                    self.stderr.write(
                        f"User {device.user_id}: the secret cannot be opened with any "
                        "configured key; reset her second factor (manage.py reset_2fa)."
                    )
                    continue
                if value is not None:
                    SealedTOTPDevice.objects.filter(pk=device.pk).update(key=value)
                    resealed += 1
        self.stdout.write(f"{resealed} secret(s) sealed with the current key.")
        if unreadable:
            raise CommandError(f"{unreadable} secret(s) could not be opened.")
