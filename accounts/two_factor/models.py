"""The authenticator device Serambi uses: django-otp's TOTPDevice, its secret sealed."""

from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from . import secrets


def sealed_key():
    return secrets.seal(random_hex(20))


class SealedTOTPDevice(TOTPDevice):
    """TOTPDevice whose `key` column holds the sealed secret
    (accounts.two_factor.secrets).

    A proxy: same table, same rows, so django-otp's middleware, throttling and
    verification apply unchanged; only reading the secret differs. django-otp's own
    `devices_for_user` skips proxies and hands back plain TOTPDevice rows, whose
    `bin_key` cannot read a sealed value (it fails, it never uses a wrong key): every
    code path that needs the secret goes through this class.
    """

    class Meta:
        proxy = True
        app_label = "accounts"
        verbose_name = "TOTP device (sealed secret)"
        verbose_name_plural = "TOTP devices (sealed secret)"

    def save(self, *args, **kwargs):
        if not secrets.is_sealed(self.key):
            self.key = secrets.seal(self.key)
        super().save(*args, **kwargs)

    @property
    def bin_key(self):
        return secrets.open_sealed(self.key)
