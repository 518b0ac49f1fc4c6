"""Settings shared by every environment.

Safe by default: DEBUG is off and every secret or host-specific value comes from the
environment (see .env.example). dev.py and test.py relax what they must.
"""

import os
import shlex
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "website",
    "images",
    "caching",
    "operations",
    "accounts",
    "blog",
    "contributors",
    "editorial",
    "importer",
    "stories",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail writes recent times with humanize's naturaltime; installed, its
    # catalogue says "31 detik yang lalu" rather than "31 seconds ago".
    "django.contrib.humanize",
]

# The one list of middleware, in order (tests/website/test_middleware_order.py holds
# it): each layer relies on what runs before it.
MIDDLEWARE = [
    # URLs with a NUL, control characters, bytes that are not UTF-8, or 2 KB of path:
    # 400/414 before anything else reads them, first of all.
    "website.security.HostileRequestMiddleware",
    # GET /healthz/ for load balancers, before host checks and the HTTPS redirect.
    "operations.health.HealthCheckMiddleware",
    # Content-Security-Policy and the other headers, on every answer, cached ones too.
    "website.headers.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Pages leave the app gzipped for phones on mobile data (Django pads the output
    # against BREACH); whitenoise serves static files pre-compressed, brotli included.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous readers' cached pages are answered here, before sessions and the
    # rest, as cheaply as whitenoise answers a static file (caching.pages).
    "caching.pages.PageCacheMiddleware",
    # What the cache does not answer runs in one roomy interpreter frame: CPython 3.11
    # otherwise maps and unmaps a 16 KiB stack chunk hundreds of times a render.
    "website.roomy_stack.RoomyFrameMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Editors and administrators verify a second factor before the admin
    # (accounts/two_factor): right after the user is known.
    "accounts.two_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # An autosave and a submit of a new page never race each other (editorial).
    "editorial.autosave_race.OnePageCreationAtATime",
    # Nor do two writes to one page (an autosave and a submit, an approval).
    "editorial.autosave_race.OnePageEditAtATime",
    # /?p=123 and /?page_id=123 (old WordPress links) reach the home page, which
    # answers 200, so Wagtail's 404-only redirects never see them (importer).
    "importer.middleware.OldQueryRedirectMiddleware",
    # Who is looking decides how a page is named in the admin (editorial.privacy).
    "editorial.privacy.AdminViewerMiddleware",
    # The account views' e-mails sent after the answer (their timing tells nothing),
    # then lockouts after failed log-ins (axes), last as axes asks.
    "accounts.security.AccountSecurityMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "website.urls"
# Where the admin lives: ADMIN_URL (e.g. "redaksi-7f3a/") keeps it off the address
# every scanner tries; "admin/" when unset.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

# Argon2 first: a password stored with another hasher (PBKDF2, Django's default until
# now) is re-hashed with Argon2 at its owner's next log-in.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
WSGI_APPLICATION = "website.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "website.sections.sections",
                "caching.fragments.fragments",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# The embedded SQLite takes the admin's concurrent writes (an autosave racing a
# publish): WAL lets readers go on during a write, IMMEDIATE transactions take the
# write lock up front (a deferred one that reads then writes fails at once with
# "database is locked"), and the busy timeout makes a writer wait for its turn.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis (django-redis) when REDIS_URL is set, local memory otherwise. Redis is
# a side service: when it does not answer within the socket timeouts, a read is a
# miss and a write is skipped (IGNORE_EXCEPTIONS), never a 500. Half a second rather
# than less, so that a busy machine's slow answer is not taken for an outage.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "serambi",
            "TIMEOUT": 60 * 60,
            "OPTIONS": {
                # After a failure, skips Redis for a second rather than wait again.
                "CLIENT_CLASS": "caching.backend.FailFastClient",
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "serambi",
            "TIMEOUT": 60 * 60,
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language: Indonesian first, English through locale/en.
LANGUAGE_CODE = "id"
LANGUAGES = [
    ("id", "Bahasa Indonesia"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = False

# Static files and uploads.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

# Object storage for uploads when AWS_STORAGE_BUCKET_NAME is set (any S3-compatible
# service); the local media folder otherwise.
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    DEFAULT_FILE_STORAGE_BACKEND = "storages.backends.s3.S3Storage"
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
else:
    # Written whole or not at all: a full disk leaves no truncated file (images.storage).
    DEFAULT_FILE_STORAGE_BACKEND = "images.storage.WholeFileSystemStorage"

STORAGES = {
    "default": {"BACKEND": DEFAULT_FILE_STORAGE_BACKEND},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail's page editor can exceed Django's default of 1000 fields per form.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# E-mail: console unless EMAIL_HOST is set (production.py switches to SMTP).
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get(
    "DEFAULT_FROM_EMAIL", "Serambi <redaksi@serambi.local>"
)
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Wagtail
WAGTAIL_SITE_NAME = "Serambi"
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.admin_login.LoginForm"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "images.CustomImage"
# Wagtail's database backend, with ranking that stays flat on a large archive
# (website/search_backend.py, docs/search.md).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "website.search_backend"},
}
# PostgreSQL ships an Indonesian text search configuration (stemming "menulis" and
# "tulisan" to one root); SQLite's FTS5 has none, and the option is PostgreSQL's only.
# After changing it on an existing database, run `manage.py update_index`.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "indonesian"
# The admin's date picker writes these in every language; website/formats puts them
# first among Django's input formats, so "03/12/2026" is 3 December in English too.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
FORMAT_MODULE_PATH = ["website.formats"]
WAGTAILADMIN_COMMENTS_ENABLED = True
# No outside requests, in the admin either: Wagtail's own avatar instead of Gravatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_WORKFLOW_ENABLED = True
# Editorial review (editorial/): approval publishes exactly the reviewed revision, an
# edit during review needs a new approval, and submissions go to the Editors group
# rather than to every superuser.
WAGTAIL_FINISH_WORKFLOW_ACTION = "editorial.workflows.publish_approved_revision"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Uploads are bounded so an oversized or decompression-bomb image gets a form error.
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# HEIC is what iPhones take; its renditions are JPEG/WebP (Wagtail converts HEIC).
# Every stored file is stripped of GPS, camera and other metadata (images/privacy.py).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "odt", "txt"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Whole public pages cached for anonymous readers (caching.pages), and cleared on
# publish; 0 turns it off. Browsers may keep a page for a minute.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_BROWSER_CACHE_SECONDS = int(os.environ.get("PAGE_BROWSER_CACHE_SECONDS", "60"))
# Rendered fragments of public pages (caching.fragments), for the renders the page
# cache does not answer (logged-in users, a page once after each publish).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "600"))
# Each process keeps this many of the pages it served last in its own memory, in
# front of Redis (caching.pages.PagesInMemory; about 30 KB each, 0 turns it off).
PAGE_CACHE_MEMORY_ENTRIES = int(os.environ.get("PAGE_CACHE_MEMORY_ENTRIES", "200"))

# Front-end cache purging (a CDN in front of the app servers), configured only where
# the environment names one.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
        "ZONEID": os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID", ""),
    }

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
        # One line per background task is noise; failures still show.
        "django_tasks": {
            "handlers": ["console"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}

# Shown in the admin as the language choice names; kept here so makemessages sees them.
ADMIN_LANGUAGE_LABELS = (_("Bahasa Indonesia"), _("English"))

# Two-factor authentication for the admin (accounts/two_factor): editors and
# administrators must verify a TOTP code or a recovery code before using the admin.
# On unless REQUIRE_2FA says otherwise; production.py forces it on, dev.py and
# test.py default it off.
INSTALLED_APPS += [
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
SERAMBI_REQUIRE_2FA = env_bool("REQUIRE_2FA", True)
OTP_TOTP_ISSUER = "Serambi"
# Authenticator secrets are sealed with a key derived from TWO_FACTOR_KEY, else from
# SECRET_KEY; the fallbacks still open secrets sealed before a key rotation
# (accounts.two_factor.secrets, `manage.py reseal_2fa_secrets`).
TWO_FACTOR_KEY = os.environ.get("TWO_FACTOR_KEY", "")
TWO_FACTOR_KEY_FALLBACKS = env_list("TWO_FACTOR_KEY_FALLBACKS")
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")

# Background tasks (django-tasks): e-mail, search index updates, CDN purges and the
# scheduled jobs run in a worker process, never inside a request. The queue lives in
# the database (`manage.py db_worker`); TASKS_BACKEND=rq moves it to Redis (REDIS_URL)
# for a site that outgrows one machine: README, "Background tasks".
INSTALLED_APPS += ["django_tasks", "django_tasks_db"]
# Two queues: "default" (mail, index updates, purges, scheduled publishing) and
# "maintenance" (the slow scheduled jobs: trash purge, pruning, the backup), each with
# a worker of its own, so a long job never holds back publishing or mail.
TASK_QUEUES = ["default", "maintenance"]
if os.environ.get("TASKS_BACKEND", "database") == "rq":
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    RQ_QUEUES = {
        queue: {"URL": REDIS_URL or "redis://127.0.0.1:6379/0"} for queue in TASK_QUEUES
    }
else:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": TASK_QUEUES,
        }
    }
# All mail goes through the queue (operations.mail); the worker sends it with this backend.
SERAMBI_DELIVERY_EMAIL_BACKEND = EMAIL_BACKEND
EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"
# `manage.py run_scheduler` enqueues each command line for the worker when it is due:
# (command, seconds between runs or "HH:MM" daily, [queue]). See operations/scheduler.py.
SCHEDULED_JOBS = [
    ("publish_scheduled", 60),
    ("purge_trash", 24 * 60 * 60, "maintenance"),
    # Decided stories from the story form, with their contact, after their days.
    ("purge_stories", 60 * 60, "maintenance"),
]
if TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend":
    # Finished tasks, with the e-mail they carried, are deleted after 14 days.
    SCHEDULED_JOBS.append(("prune_db_task_results", 24 * 60 * 60, "maintenance"))
# A job's task still running after this long no longer stops the next one being
# enqueued (its worker died in the middle).
SCHEDULED_JOB_STUCK_SECONDS = 6 * 60 * 60

# The nightly backup (`manage.py backup`), run by the maintenance worker when
# BACKUP_DIR names a folder or s3://bucket/prefix: daily at BACKUP_TIME (TIME_ZONE),
# keeping BACKUP_KEEP_DAYS days of archives in a folder. docs/operations.md, "Backups".
BACKUP_DIR = os.environ.get("BACKUP_DIR", "")
BACKUP_TIME = os.environ.get("BACKUP_TIME", "02:30")
BACKUP_KEEP_DAYS = int(os.environ.get("BACKUP_KEEP_DAYS", "14"))
if BACKUP_DIR:
    SCHEDULED_JOBS.append(
        (
            shlex.join(["backup", "--keep-days", str(BACKUP_KEEP_DAYS), BACKUP_DIR]),
            BACKUP_TIME,
            "maintenance",
        )
    )

# --- Trash and dumpdata (editorial.trash, website.serializers) ---
# Days a page stays in the trash before `purge_trash` deletes it for good.
TRASH_RETENTION_DAYS = int(os.environ.get("TRASH_RETENTION_DAYS", "30"))
# dumpdata --natural-foreign must survive Wagtail's audit log of deleted pages/users.
SERIALIZATION_MODULES = {
    fmt: f"website.serializers.{fmt}" for fmt in ("json", "jsonl", "python", "xml")
}

# --- Privacy of real names and drafts (editorial.privacy, website.pen_names) ---------
# Who is looking decides how a page is named in the admin (AdminViewerMiddleware);
# the reports are for editors.
# Redirects follow slug changes through website.pen_names, which never sends a
# pen-name-only contributor's old (real-name) address to her page.
WAGTAILREDIRECTS_AUTO_CREATE = False

# --- Resilience: search limits, health, error reports (website.search_limits,
# operations.health, operations.monitoring) ---
# Search results for anonymous readers are cached this long (only where pages are),
# and each client address may search this many times a minute (0: no limit).
SEARCH_CACHE_SECONDS = 60
SEARCH_RATE_LIMIT_PER_MINUTE = int(os.environ.get("SEARCH_RATE_LIMIT_PER_MINUTE", "60"))
# Searches running at once across every worker (slots in Redis; 0: no cap), and per
# process when Redis is absent or not answering. Past the cap: a 503 at once.
SEARCH_MAX_IN_FLIGHT = int(os.environ.get("SEARCH_MAX_IN_FLIGHT", "8"))
SEARCH_MAX_IN_FLIGHT_PER_PROCESS = int(
    os.environ.get("SEARCH_MAX_IN_FLIGHT_PER_PROCESS", "2")
)
# The database stops a search that runs longer (statement timeout on PostgreSQL,
# a progress handler on SQLite); the reader is told to try again.
SEARCH_TIME_LIMIT_SECONDS = float(os.environ.get("SEARCH_TIME_LIMIT_SECONDS", "2"))
# A word in more entries than this is ranked among every page whose title holds it
# and this many of the newest others (docs/search.md): the cost stays flat.
SEARCH_RANKED_MATCHES = int(os.environ.get("SEARCH_RANKED_MATCHES", "2000"))
# How many proxies in front of the app append to X-Forwarded-For (0: none, trust
# REMOTE_ADDR); the client address is that many entries from the right.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# --- The story form (stories.views) ---
# Stories one client address may send an hour (0: no limit; the address is kept only
# hashed, in the cache, for the hour), and the least seconds between rendering the
# form and sending it (the time trap).
STORY_SUBMISSIONS_PER_HOUR = int(os.environ.get("STORY_SUBMISSIONS_PER_HOUR", "5"))
# From every address together (0: no limit), so a flood cannot take readers' cores.
STORY_SUBMISSIONS_SITE_PER_HOUR = int(
    os.environ.get("STORY_SUBMISSIONS_SITE_PER_HOUR", "30")
)
STORY_MIN_SECONDS = 5
# Each process re-reads the page cache's generation (caching.models)
# at most this often: a publish reaches every app server within this many seconds.
PAGE_CACHE_GENERATION_SECONDS = 1.0
# An upload storage that fails is a form error, not a 500 (images.upload_forms).
WAGTAILIMAGES_IMAGE_FORM_BASE = "images.upload_forms.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "images.upload_forms.DocumentForm"

# Unhandled errors are e-mailed to ADMINS ("Name <a@example.org>, b@example.org")
# and, when SENTRY_DSN is set, reported to Sentry.
from operations.monitoring import init_sentry, parse_admins  # noqa: E402

ADMINS = parse_admins(os.environ.get("ADMINS", ""))
# Grouped: one e-mail per kind of error per ERROR_MAIL_WINDOW_SECONDS, at most
# ERROR_MAIL_LIMIT in all per window (operations.monitoring), so a flood of errors cannot
# spend the SMTP quota that resets and invitations need.
ERROR_MAIL_WINDOW_SECONDS = int(os.environ.get("ERROR_MAIL_WINDOW_SECONDS", "600"))
ERROR_MAIL_LIMIT = int(os.environ.get("ERROR_MAIL_LIMIT", "10"))
LOGGING["handlers"]["mail_admins"] = {
    "class": "operations.monitoring.GroupedAdminEmailHandler",
    "level": "ERROR",
    "filters": ["require_debug_false"],
}
# Django's own default sends every ERROR under "django" (a forged Host header, a
# suspicious request) to ADMINS ungrouped; this one replaces it.
LOGGING["loggers"]["django"] = {"handlers": ["mail_admins"], "level": "INFO"}
LOGGING.setdefault("filters", {})["require_debug_false"] = {
    "()": "django.utils.log.RequireDebugFalse"
}
LOGGING["loggers"]["django.request"]["handlers"].append("mail_admins")
SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
init_sentry(SENTRY_DSN, environment=os.environ.get("SENTRY_ENVIRONMENT", "production"))

# --- Accounts and security headers (accounts/security.py, website/headers.py) --------
# Log-in lockout by django-axes: its backend refuses a locked-out account or
# address before ModelBackend hashes anything. Failures count per username and,
# separately, per client address; the same limit and cooling-off govern the
# password-reset form and password-protected pages (accounts.security.Throttle).
# Operators lift a lockout with `manage.py axes_reset` (see README).
INSTALLED_APPS += ["axes", "csp"]
# AxesBackend rather than AxesStandaloneBackend: code that takes the first backend
# (Wagtail's page test assertions) needs one that can also load a user.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(
    minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "accounts.security.axes_lockout_response"
# The client address is REMOTE_ADDR unless TRUSTED_PROXY_COUNT says how many proxies
# of ours append to X-Forwarded-For; a header the client sent itself is never trusted.
CLIENT_IP_CALLABLE = "caching.limits.client_ip"
AXES_CLIENT_IP_CALLABLE = CLIENT_IP_CALLABLE
# Read-count beacons one client address may send a minute (blog.reads; 0: no limit).
READ_BEACON_LIMIT_PER_MINUTE = int(os.environ.get("READ_BEACON_LIMIT_PER_MINUTE", "30"))
# TRUSTED_PROXY_COUNT (above) also names the reader for the lockouts.
# The reset e-mail goes out after the response, so its timing never tells whether an
# address is registered.
WAGTAILADMIN_USER_PASSWORD_RESET_FORM = "accounts.security.DeferredPasswordResetForm"  # noqa: S105
# Content-Security-Policy (django-csp 4): the public site runs no inline script or
# style; the admin gets website.headers.admin_csp_directives() instead.
# Uploads served from a bucket or CDN domain must be allowed as image sources.
CSP_MEDIA_ORIGINS = env_list(
    "CSP_MEDIA_ORIGINS",
    f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN")
    else "",
)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *CSP_MEDIA_ORIGINS],
        "media-src": ["'self'", *CSP_MEDIA_ORIGINS],
        # Videos play only after a tap, from the privacy-enhanced players
        # (templates/wagtailembeds/embed_frontend.html, static/js/serambi.js).
        "frame-src": [
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
