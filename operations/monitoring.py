"""Server errors reach the operators: e-mail to ADMINS, and Sentry when configured.

Error e-mail is grouped (`GroupedAdminEmailHandler`): one message per kind of error per
window, and a cap on all of them together, so a script hammering a broken URL cannot
spend the SMTP quota that password resets and invitations need.

Imported by the settings, so nothing here may import Django models.
"""

import copy
import hashlib
import logging
import threading
import time
import traceback
from email.utils import getaddresses

from django.utils.log import AdminEmailHandler

logger = logging.getLogger(__name__)


def parse_admins(value):
    """ADMINS from "Name <a@example.org>, b@example.org" as Django wants it."""
    return [(name, address) for name, address in getaddresses([value]) if address]


def init_sentry(dsn, environment="production", release=None):
    """Report unhandled errors to Sentry, only when a DSN is set.

    No personal data: readers' addresses and contributors' names and sessions stay
    out of the reports (send_default_pii off), and no performance traces are sent.
    """
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=environment,
        release=release,
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
    return True


def fingerprint(record):
    """What makes two log records "the same error": where it was logged, and the
    exception's type and innermost frame; without an exception, the message before its
    arguments. Never the formatted message: it holds the URL or the forged Host."""
    parts = [record.name, str(record.levelno)]
    if record.exc_info and record.exc_info[0] is not None:
        error_type, _error, trace = record.exc_info
        parts.append(f"{error_type.__module__}.{error_type.__qualname__}")
        frames = traceback.extract_tb(trace)
        if frames:
            parts.append(f"{frames[-1].filename}:{frames[-1].lineno}")
    else:
        parts.append(str(record.msg))
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:32]


class LocalWindows:
    """The same counting in this process's memory, for when the cache does not answer."""

    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}

    def add_and_count(self, key, window):
        now = time.monotonic()
        with self.lock:
            started, count = self.counts.get(key, (now, 0))
            if now - started >= window:
                started, count = now, 0
            self.counts[key] = (started, count + 1)
            if len(self.counts) > 10_000:
                self.counts.clear()
            return count + 1


class GroupedAdminEmailHandler(AdminEmailHandler):
    """AdminEmailHandler that mails each kind of error once per window.

    Counts live in Django's cache, so every process and server shares them; the next
    e-mail of a kind says how many were left out. When the cache does not answer, each
    process counts on its own (failing open: errors are still mailed, still bounded).
    Settings: ERROR_MAIL_WINDOW_SECONDS (per kind) and ERROR_MAIL_LIMIT (all kinds
    together, per window).
    """

    local = LocalWindows()

    def emit(self, record):
        from django.conf import settings

        window = getattr(settings, "ERROR_MAIL_WINDOW_SECONDS", 600)
        limit = getattr(settings, "ERROR_MAIL_LIMIT", 10)
        group = fingerprint(record)
        if self.count(f"kind:{group}", window) > 1:
            self.count(f"left-out:{group}", window * 48)
            return
        if self.count("all", window) > limit:
            return
        left_out = self.take_left_out(group)
        if left_out:
            record = copy.copy(record)
            record.msg = f"{record.msg} [+{left_out} like it not e-mailed]"
        super().emit(record)

    def count(self, name, window):
        """How many times `name` has been counted in this window, this one included."""
        from django.core.cache import cache

        key = f"serambi:error-mail:{name}"
        try:
            if cache.add(key, 1, window):
                return 1
            value = cache.incr(key)
            if value is None:
                raise ValueError("no answer from the cache")
            return value
        except Exception:
            # Expired between add and incr, or the cache is down: count locally.
            logger.debug("Error-mail count not in the cache", exc_info=True)
            return self.local.add_and_count(key, window)

    def take_left_out(self, group):
        from django.core.cache import cache

        key = f"serambi:error-mail:left-out:{group}"
        try:
            value = cache.get(key) or 0
            if value:
                cache.delete(key)
        except Exception:
            logger.debug("Error-mail tally not in the cache", exc_info=True)
            return 0
        return value
