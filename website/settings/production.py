"""Production: everything secret or host-specific must come from the environment."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without a secret key."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS is not set (comma-separated host names).")

# The public address, for links in e-mails and the Site record that the sitemap and
# feeds use (website.site_address); the first allowed host over HTTPS unless given.
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL") or (
    f"https://{ALLOWED_HOSTS[0].lstrip('.')}"
)

# Compressed, hashed static files served by whitenoise.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# HTTPS, behind a proxy or CDN that terminates TLS.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365))
)
# includeSubDomains and preload are opt-in: both bind every subdomain, and preload
# lists the domain in browsers for months; turn them on only once every subdomain
# serves HTTPS (README, Configuration). Django's deploy check warns about each until
# then, so those two warnings are silenced while they are off.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    *(["security.W005"] if not SECURE_HSTS_INCLUDE_SUBDOMAINS else []),
    *(["security.W021"] if not SECURE_HSTS_PRELOAD else []),
]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
# The __Host- prefix: browsers accept these cookies only over HTTPS, for this exact
# host and path /, so a subdomain or a plain-HTTP answer can never set or shadow them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"

# SMTP from the environment, used by the worker (operations.mail queues every message).
SERAMBI_DELIVERY_EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = 10

# Staff need a second factor in production, whatever REQUIRE_2FA says.
SERAMBI_REQUIRE_2FA = True

# A page cache in each worker's own memory would answer for pages that another
# process (a worker, the scheduled-publishing job) changed or made private, so
# without a shared cache there is none (website.checks fails a deploy that turns
# one on again). Redis unreachable later is a cache miss, not an outage.
if not REDIS_URL:  # noqa: F405
    PAGE_CACHE_SECONDS = 0
# Production sits behind a TLS-terminating proxy (README): its X-Forwarded-For entry
# names the reader, for the search rate limit.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
