"""Limits on guessing: log-in (django-axes), password reset and password-protected
pages (a cache-based throttle), plus a log-out that only a POST performs.

django-axes refuses a locked-out username or address in its authentication backend,
before ModelBackend hashes the password. It does not cover the password-reset form or
Wagtail's page passwords, so `Throttle` counts those in Django's cache with the same
limit and cooling-off (`AXES_FAILURE_LIMIT`, `AXES_COOLOFF_TIME`). A cache that does
not answer lets requests through: a broken cache degrades the protection, it never
takes the site down.
"""

import hashlib
import logging
from functools import partial

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotAllowed
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import PasswordResetForm

from caching.limits import client_ip

logger = logging.getLogger(__name__)

LOCKOUT_TEMPLATE = "website/lockout.html"
LOGOUT_TEMPLATE = "website/logout_confirm.html"


def cooloff_minutes():
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, message):
    return render(
        request,
        LOCKOUT_TEMPLATE,
        {"message": message, "cooloff_minutes": cooloff_minutes()},
        status=429,
    )


def axes_lockout_response(request, original_response=None, credentials=None):
    return lockout_response(
        request,
        _(
            "Terlalu banyak percobaan masuk yang gagal untuk akun ini atau dari "
            "alamat Anda. Demi keamanan, coba lagi nanti."
        ),
    )


class Throttle:
    """Counts events per key in the cache; a key is blocked once it reaches the
    limit, until the cooling-off period after its first event has passed."""

    def __init__(self, scope):
        self.scope = scope

    @property
    def limit(self):
        return settings.AXES_FAILURE_LIMIT

    @property
    def timeout(self):
        return int(settings.AXES_COOLOFF_TIME.total_seconds())

    def key(self, *parts):
        # Hashed: an address or e-mail never appears in the cache's key space.
        digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()
        return f"serambi:throttle:{self.scope}:{digest}"

    def blocked(self, *keys):
        try:
            counts = cache.get_many([self.key(*key) for key in keys])
        except Exception:
            logger.warning("Throttle cache unavailable", exc_info=True)
            return False
        return any(count >= self.limit for count in counts.values())

    def hit(self, *keys):
        for key in keys:
            cache_key = self.key(*key)
            try:
                cache.add(cache_key, 0, self.timeout)
                cache.incr(cache_key)
            except ValueError:
                # Expired between add() and incr(): start counting again.
                cache.set(cache_key, 1, self.timeout)
            except Exception:
                logger.warning("Throttle cache unavailable", exc_info=True)
                return


password_reset_throttle = Throttle("password-reset")
page_password_throttle = Throttle("page-password")


class DeferredPasswordResetForm(PasswordResetForm):
    """Looks the address up and sends the e-mail only after the response has gone
    out, so neither the response nor its timing tells whether the address is
    registered."""

    def save(self, **kwargs):
        request = kwargs.get("request")
        if request is None:
            return super().save(**kwargs)
        request.serambi_after_response = partial(super().save, **kwargs)
        return None


def run_after_response(response, task):
    def run():
        try:
            task()
        except Exception:
            logger.exception("Deferred work after the response failed")

    # Django calls these when the server has sent the response (and the test
    # client when it has read it).
    response._resource_closers.append(run)


class AccountSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        task = getattr(request, "serambi_after_response", None)
        if task is not None:
            run_after_response(response, task)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        name = match.url_name if match else None
        if name == "wagtailadmin_logout" and request.method != "POST":
            return self.logout_confirmation(request)
        if request.method != "POST":
            return None
        if name == "wagtailadmin_password_reset":
            return self.password_reset(request, view_func, view_args, view_kwargs)
        if name == "wagtailcore_authenticate_with_password":
            return self.page_password(request, view_func, view_args, view_kwargs)
        return None

    def logout_confirmation(self, request):
        """Logging out changes state, so a GET (a link, an <img> on another site)
        must not do it: answer 405 with a button that POSTs."""
        response = render(request, LOGOUT_TEMPLATE, status=405)
        response["Allow"] = HttpResponseNotAllowed(["POST"])["Allow"]
        return response

    def password_reset(self, request, view_func, view_args, view_kwargs):
        email = request.POST.get("email", "").strip().lower()
        keys = [("email", email), ("ip", client_ip(request))]
        if password_reset_throttle.blocked(*keys):
            return lockout_response(
                request,
                _(
                    "Terlalu banyak permintaan atur ulang kata sandi untuk alamat ini "
                    "atau dari alamat Anda. Demi keamanan, coba lagi nanti."
                ),
            )
        password_reset_throttle.hit(*keys)
        return None

    def page_password(self, request, view_func, view_args, view_kwargs):
        page_id = view_kwargs.get("page_id", view_args[-1] if view_args else "")
        keys = [("page", page_id, client_ip(request))]
        if page_password_throttle.blocked(*keys):
            return lockout_response(
                request,
                _(
                    "Terlalu banyak kata sandi salah untuk halaman ini dari alamat "
                    "Anda. Demi keamanan, coba lagi nanti."
                ),
            )
        response = view_func(request, *view_args, **view_kwargs)
        # Wagtail redirects on the right password and shows the form again otherwise.
        if response.status_code != 302:
            page_password_throttle.hit(*keys)
        return response
