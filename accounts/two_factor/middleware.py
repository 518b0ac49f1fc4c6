"""Keep staff without a verified second factor out of the admin.

One middleware, placed right after Django's `AuthenticationMiddleware`: django-otp's
`OTPMiddleware` (which gives `request.user` its `is_verified()`), plus the rule,
checked in `process_view` so that exempt views are named, not matched by path.
"""

from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django.utils.functional import LazyObject

from django_otp.middleware import OTPMiddleware

from . import is_enrolled, is_required, must_enrol

# Reachable before the second factor: signing in and out, and what those pages load.
ALWAYS_OPEN = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
}
VERIFY = "serambi_2fa_verify"
ENROL = "serambi_2fa_enrol"


class SecondFactorMiddleware(OTPMiddleware):
    def _verify_user_sync(self, request, user):
        # django-otp returns Django's lazy user, so request.user becomes a lazy object
        # inside a lazy object; Wagtail's audit log unwraps only one level and then
        # silently logs nothing (e.g. "wagtail.edit" on account settings).
        user = super()._verify_user_sync(request, user)
        while isinstance(user, LazyObject):
            user = user._wrapped
        return user

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not is_required():
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if not request.path_info.startswith(reverse("wagtailadmin_home")):
            return None
        url_name = request.resolver_match.url_name
        if url_name in ALWAYS_OPEN:
            return None
        if is_enrolled(user):
            if url_name == VERIFY:
                return None
            return redirect_to_login(request.get_full_path(), reverse(VERIFY))
        if url_name == ENROL or not must_enrol(user):
            return None
        return redirect_to_login(request.get_full_path(), reverse(ENROL))
