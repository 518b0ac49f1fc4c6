"""The middleware runs in one declared order, and each layer where it must be.

The page cache must answer before sessions (a hit costs no query and sets no cookie),
the hostile-bytes guard before anything reads the path, the second factor right after
the user is known, axes last. A new entry, or one moved, fails here until the list
below is changed on purpose.
"""

from django.conf import settings

EXPECTED = [
    "website.security.HostileRequestMiddleware",
    "operations.health.HealthCheckMiddleware",
    "website.headers.SecurityHeadersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "caching.pages.PageCacheMiddleware",
    "website.roomy_stack.RoomyFrameMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.two_factor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "editorial.autosave_race.OnePageCreationAtATime",
    "editorial.autosave_race.OnePageEditAtATime",
    "importer.middleware.OldQueryRedirectMiddleware",
    "editorial.privacy.AdminViewerMiddleware",
    "accounts.security.AccountSecurityMiddleware",
    "axes.middleware.AxesMiddleware",
]


def test_the_middleware_is_the_declared_list_in_its_order():
    assert settings.MIDDLEWARE == EXPECTED


def test_production_keeps_the_same_list(production_settings):
    assert production_settings.MIDDLEWARE == EXPECTED


def test_the_page_cache_answers_before_sessions_and_after_the_guards():
    order = settings.MIDDLEWARE.index
    assert order("website.security.HostileRequestMiddleware") == 0
    assert order("caching.pages.PageCacheMiddleware") < order(
        "django.contrib.sessions.middleware.SessionMiddleware"
    )
    assert (
        order("accounts.two_factor.middleware.SecondFactorMiddleware")
        == order("django.contrib.auth.middleware.AuthenticationMiddleware") + 1
    )
    assert settings.MIDDLEWARE[-1] == "axes.middleware.AxesMiddleware"
