"""Passphrase encryption in the age v1 file format (https://age-encryption.org/v1),
streamed, with the primitives of `cryptography` (PyCA).

Why this and not a format of our own: an age file opens with the standard tools
(`age -d`, `rage -d`, pyrage) on any machine, without Serambi, which is what an
operator restoring from a backup on a bad day needs. Why not pyrage itself: its
passphrase API holds the whole file in memory, and an archive carries every upload.
The suite checks both directions against pyrage (tests/website/test_backup_restore.py).

The format, as used here: a text header

    age-encryption.org/v1
    -> scrypt <salt, 16 bytes, base64> <log2 N>
    <ChaCha20-Poly1305(key = scrypt(passphrase, "age-encryption.org/v1/scrypt" || salt,
                       N, r=8, p=1), nonce = 12 zero bytes, file key (16 random bytes))>
    --- <HMAC-SHA256(HKDF(file key, info="header"), header up to "---")>

then a 16-byte nonce and the payload in 64 KiB chunks, each sealed with
ChaCha20-Poly1305 under HKDF(file key, salt=nonce, info="payload") and the nonce
"11-byte chunk counter || 0x01 on the last chunk, else 0x00".
"""

import base64
import hmac
import io
import os
import re

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"age-encryption.org/v1\n"
CHUNK = 64 * 1024
TAG = 16
SCRYPT_LABEL = b"age-encryption.org/v1/scrypt"
# age's own default; reading accepts up to MAX_WORK_FACTOR (a file cannot make the
# reader spend unbounded memory: N = 2^22 with r = 8 is 4 GiB).
DEFAULT_WORK_FACTOR = 18
MAX_WORK_FACTOR = 22


class AgeError(Exception):
    """Not an age file, or damaged, or cut short."""


class WrongPassphrase(AgeError):
    """The passphrase does not open this file."""


def _b64(data):
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text):
    data = base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)
    if _b64(data) != text:
        raise AgeError("non-canonical base64 in the header")
    return data


def _hkdf(key, salt, info):
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=info).derive(key)


def _wrap_key(passphrase, salt, work_factor):
    return Scrypt(
        salt=SCRYPT_LABEL + salt, length=32, n=2**work_factor, r=8, p=1
    ).derive(passphrase.encode())


def _chunk_nonce(counter, last):
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def is_age_file(path):
    with open(path, "rb") as source:
        return source.read(len(MAGIC)) == MAGIC


class Encryptor(io.RawIOBase):
    """A write-only stream: what is written to it reaches `target` encrypted.

    close() writes the final chunk (and does not close `target`).
    """

    def __init__(self, target, passphrase, work_factor=DEFAULT_WORK_FACTOR):
        super().__init__()
        if not passphrase:
            raise ValueError("An empty passphrase encrypts nothing.")
        self._target = target
        file_key = os.urandom(16)
        salt = os.urandom(16)
        wrapped = ChaCha20Poly1305(_wrap_key(passphrase, salt, work_factor)).encrypt(
            bytes(12), file_key, None
        )
        header = (
            MAGIC
            + b"-> scrypt "
            + _b64(salt)
            + b" "
            + str(work_factor).encode()
            + b"\n"
            + _b64(wrapped)
            + b"\n---"
        )
        mac = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
        nonce = os.urandom(16)
        target.write(header + b" " + _b64(mac) + b"\n" + nonce)
        self._aead = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
        self._buffer = bytearray()
        self._counter = 0

    def writable(self):
        return True

    def write(self, data):
        self._buffer += data
        # Keep at least one byte back: only close() knows which chunk is the last.
        while len(self._buffer) > CHUNK:
            self._seal(bytes(self._buffer[:CHUNK]), last=False)
            del self._buffer[:CHUNK]
        return len(data)

    def _seal(self, chunk, last):
        nonce = _chunk_nonce(self._counter, last)
        self._target.write(self._aead.encrypt(nonce, chunk, None))
        self._counter += 1

    def close(self):
        # After a failure the target may be closed first: nothing left to finish.
        if not self.closed and not self._target.closed:
            self._seal(bytes(self._buffer), last=True)
            self._buffer.clear()
            self._target.flush()
        super().close()


def _read_header(source, passphrase):
    lines = []
    for _index in range(4):
        line = source.readline(1024)
        if not line.endswith(b"\n"):
            raise AgeError("the header is cut short")
        lines.append(line)
    if lines[0] != MAGIC:
        raise AgeError("not an age file")
    arguments = lines[1].rstrip(b"\n").split(b" ")
    if len(arguments) != 4 or arguments[:2] != [b"->", b"scrypt"]:
        raise AgeError("not a passphrase-encrypted age file")
    salt = _unb64(arguments[2])
    if len(salt) != 16 or not re.fullmatch(rb"[1-9][0-9]*", arguments[3]):
        raise AgeError("a malformed scrypt stanza")
    work_factor = int(arguments[3])
    if work_factor > MAX_WORK_FACTOR:
        raise AgeError(f"the scrypt work factor {work_factor} is too high")
    wrapped = _unb64(lines[2].rstrip(b"\n"))
    if len(wrapped) != 32 or not lines[3].startswith(b"--- "):
        raise AgeError("a malformed header")
    try:
        file_key = ChaCha20Poly1305(_wrap_key(passphrase, salt, work_factor)).decrypt(
            bytes(12), wrapped, None
        )
    except InvalidTag as error:
        raise WrongPassphrase("the passphrase does not open this file") from error
    header = b"".join(lines[:3]) + b"---"
    expected = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    if not hmac.compare_digest(expected, _unb64(lines[3][4:].rstrip(b"\n"))):
        raise AgeError("the header was altered")
    nonce = source.read(16)
    if len(nonce) != 16:
        raise AgeError("the payload is missing")
    return ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))


def decrypt(source, target, passphrase):
    """Decrypt the age file `source` into `target`, one chunk at a time.

    Raises WrongPassphrase or AgeError; a file cut short or altered anywhere raises
    before its end is reached, so a caller that stops on error gets no forged tail.
    """
    aead = _read_header(source, passphrase)
    counter = 0
    chunk = source.read(CHUNK + TAG)
    while True:
        following = source.read(CHUNK + TAG)
        last = not following
        try:
            plain = aead.decrypt(_chunk_nonce(counter, last), chunk, None)
        except InvalidTag as error:
            raise AgeError("the payload is damaged or cut short") from error
        if last and not plain and counter:
            raise AgeError("an empty final chunk")
        target.write(plain)
        if last:
            return
        chunk = following
        counter += 1
