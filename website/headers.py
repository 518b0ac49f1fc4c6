"""Security headers: Content-Security-Policy (public site and admin) and
Permissions-Policy.

The public site's policy is `CONTENT_SECURITY_POLICY` in settings: scripts and styles
from our own origin only, no inline code. The Wagtail admin needs more (inline scripts
in its forms, inline styles, `blob:` upload previews), so responses under the admin's
prefix get `admin_csp_directives()` instead; tests/e2e/test_content_security_policy.py
shows the review cycle running under it without a violation. A view may still adjust
either with django-csp's decorators (`csp_update`, `csp_replace`).
"""

from functools import cache

from django.conf import settings
from django.urls import reverse

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config


@cache
def admin_prefix():
    return reverse("wagtailadmin_home")


def admin_csp_directives():
    public = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    return {
        **public,
        # Wagtail 8 writes inline <script> blocks into its own forms (InlinePanel,
        # the date and time choosers) and chooser modals, with per-form data, so
        # neither hashes nor nonces can cover them; its React components set style
        # attributes at run time. No eval, no outside origin.
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        # Image choosers and upload previews show local files as blob: URLs.
        "img-src": [*public["img-src"], "blob:"],
        # The live preview panel frames our own pages.
        "frame-src": ["'self'", *public["frame-src"]],
        "connect-src": ["'self'"],
        "font-src": ["'self'", "data:"],
    }


class SecurityHeadersMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(admin_prefix())
        ):
            parts = PolicyParts(
                default_config(admin_csp_directives()),
                parts.update,
                parts.replace,
                parts.nonce,
            )
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if "Permissions-Policy" not in response:
            response["Permissions-Policy"] = settings.PERMISSIONS_POLICY
        return response
