"""TOTP secrets sealed at rest: a copy of the database (a backup, a dump, a stolen
disk) does not let anyone generate a user's codes.

django-otp stores each authenticator's secret as hex in `TOTPDevice.key` and offers no
encryption, so `SealedTOTPDevice` (a proxy of it) keeps the secret sealed in that same
column and opens it only to compute a code. A sealed value is

    "s1." + key id (8 hex) + "." + base64url(nonce (12) || AES-256-GCM(secret) || tag)

74 characters for django-otp's 20-byte secrets (the column holds 80). The AES key is
derived with HKDF-SHA256 from `TWO_FACTOR_KEY` when set, else from `SECRET_KEY`; the
key id (a hash of that derived key) says which key sealed a value, so a rotation only
needs the old key kept in the fallbacks (`TWO_FACTOR_KEY_FALLBACKS`, else
`SECRET_KEY_FALLBACKS`) until `manage.py reseal_2fa_secrets` has sealed every secret
with the new one. A value sealed with a key no longer known, or not sealed at all,
never verifies (it fails closed; an administrator resets that user's second factor).
"""

import base64
import hashlib
import os
from binascii import unhexlify

from django.conf import settings

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

PREFIX = "s1"
INFO = b"serambi two-factor TOTP secret v1"
NONCE_BYTES = 12


class SecretUnavailable(ValueError):
    """The value is not sealed, or was sealed with a key this site no longer has."""


def _derive(secret):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=INFO).derive(
        secret.encode()
    )


def _key_id(key):
    return hashlib.sha256(b"key id\x00" + key).hexdigest()[:8]


def keys():
    """[(key id, AES key)], the sealing key first, then the fallbacks."""
    current = getattr(settings, "TWO_FACTOR_KEY", "")
    if current:
        secrets = [current, *getattr(settings, "TWO_FACTOR_KEY_FALLBACKS", [])]
    else:
        secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    derived = [_derive(secret) for secret in secrets if secret]
    return [(_key_id(key), key) for key in derived]


def is_sealed(value):
    return value.startswith(PREFIX + ".")


def seal(hex_secret):
    """Seal a hex secret (as django-otp generates it) with the current key."""
    key_id, key = keys()[0]
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, unhexlify(hex_secret), key_id.encode())
    body = base64.urlsafe_b64encode(nonce + sealed).rstrip(b"=").decode()
    value = f"{PREFIX}.{key_id}.{body}"
    if len(value) > 80:
        raise ValueError("A TOTP secret longer than 20 bytes does not fit sealed.")
    return value


def key_id_of(value):
    return value.split(".")[1] if is_sealed(value) else None


def open_sealed(value):
    """The secret's bytes; SecretUnavailable when it cannot be opened."""
    if not is_sealed(value):
        raise SecretUnavailable("The TOTP secret is not sealed.")
    _prefix, key_id, body = value.split(".", 2)
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except ValueError as error:
        raise SecretUnavailable("The sealed TOTP secret is damaged.") from error
    for candidate_id, key in keys():
        if candidate_id != key_id:
            continue
        try:
            return AESGCM(key).decrypt(
                raw[:NONCE_BYTES], raw[NONCE_BYTES:], key_id.encode()
            )
        except InvalidTag as error:
            raise SecretUnavailable("The sealed TOTP secret is damaged.") from error
    raise SecretUnavailable(
        "The TOTP secret was sealed with a key this site no longer has "
        "(TWO_FACTOR_KEY / SECRET_KEY and their fallbacks)."
    )


def reseal(value):
    """The value sealed with the current key (plain hex is sealed for the first time);
    returns None when it already is."""
    current_id = keys()[0][0]
    if is_sealed(value):
        if key_id_of(value) == current_id:
            return None
        return seal(open_sealed(value).hex())
    return seal(value)
