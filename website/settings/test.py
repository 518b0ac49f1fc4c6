"""The pytest suite: fast hashing, in-memory cache and e-mail, plain static storage."""

import os

from .base import *  # noqa: F403
from .base import BASE_DIR

# seed_demo, its data files and the test factories: development only.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-not-secret-serambi"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that one test's cached page never answers another's; the caching tests
# turn it on.
PAGE_CACHE_SECONDS = 0
FRAGMENT_CACHE_SECONDS = 0
# The generation token (caching.pages) is re-read only after a change in this process
# (which forgets it) or a new test (tests/conftest.py): a test's query counts never
# depend on how long it ran.
PAGE_CACHE_GENERATION_SECONDS = 3600
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
SERAMBI_DELIVERY_EMAIL_BACKEND = EMAIL_BACKEND
STORAGES = {
    "default": {"BACKEND": "images.storage.WholeFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# One folder per pytest-xdist worker (`make test`): none sees or removes another's files.
MEDIA_ROOT = (
    BASE_DIR / ".pytest_cache" / "media" / os.environ.get("PYTEST_XDIST_WORKER", "")
)
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": TASK_QUEUES,  # noqa: F405
    }
}
WAGTAILADMIN_BASE_URL = "http://testserver"
SERVE_MEDIA = True
# Static files come straight from the finders: no collectstatic before a test run.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
# Off, so that force_login reaches the admin; tests/website/test_two_factor.py turns it on.
SERAMBI_REQUIRE_2FA = False

# Backups: age's scrypt at 2^10 rather than 2^18, so each archive costs no second.
BACKUP_SCRYPT_WORK_FACTOR = 10

# Off, so that the suite's many searches from one address are never refused; the
# rate-limit tests turn it on.
SEARCH_RATE_LIMIT_PER_MINUTE = 0

# The test database is a file on SQLite, not Django's shared-cache memory database:
# there, a browser test's autosave racing its submit fails at once with "database
# table is locked", which the busy timeout of the real (file) database never does.
# A file makes the live-server tests meet SQLite as `make run` does.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    (BASE_DIR / ".pytest_cache").mkdir(exist_ok=True)
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": str(BASE_DIR / ".pytest_cache" / "test-db.sqlite3")
    }
