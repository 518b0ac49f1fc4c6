"""Settings: production refuses to start unsafe, the environment picks the services,
and the admin speaks Indonesian unless a user asks for English.

Settings modules are imported in a fresh interpreter so the environment under test
cannot leak into (or come from) the settings this test run is using.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]

# Names the settings read; cleared so the developer's own environment cannot matter.
SETTINGS_VARIABLES = [
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "DATABASE_URL",
    "REDIS_URL",
    "DEBUG",
    "AWS_STORAGE_BUCKET_NAME",
    "DJANGO_SETTINGS_MODULE",
    # Set while the browser tests' Playwright runs; the deploy check rejects it.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]
PRODUCTION_SECRET = "k3y-for-the-deploy-check-only-" + "x7Qp2Lm9Vb4Nc8Zr1Tw6Hy3Js5Df0Ga"


def run_python(code, settings_module, **env):
    clean = {k: v for k, v in os.environ.items() if k not in SETTINGS_VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *code],
        cwd=BASE_DIR,
        env=clean,
        capture_output=True,
        text=True,
        # A guard against a hang, not a speed check: collectstatic compresses every
        # static file (about 30 s of CPU), which a busy 2-core machine stretches.
        timeout=300,
        check=False,
    )


def settings_in(settings_module, names, **env):
    """The named settings as a fresh interpreter with `env` sees them."""
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}, default=str))"
    )
    result = run_python(["-c", code], settings_module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


# --- Production refuses to start unsafe ---------------------------------------------


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        ["-c", "import django; django.setup()"],
        "website.settings.production",
        ALLOWED_HOSTS="serambi.example",
    )

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_python(
        ["-c", "import django; django.setup()"],
        "website.settings.production",
        SECRET_KEY=PRODUCTION_SECRET,
    )

    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_production_passes_the_deploy_check(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        "website.settings.production",
        SECRET_KEY=PRODUCTION_SECRET,
        ALLOWED_HOSTS="serambi.example,www.serambi.example",
        DATABASE_URL=f"sqlite:///{tmp_path / 'deploy.sqlite3'}",
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_base_settings_are_safe_by_default():
    values = settings_in("website.settings.base", ["DEBUG", "ALLOWED_HOSTS"])

    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["localhost", "127.0.0.1"]


# --- The environment picks the services ----------------------------------------------


def test_redis_url_selects_the_redis_cache():
    values = settings_in(
        "website.settings.base", ["CACHES"], REDIS_URL="redis://cache.internal:6379/2"
    )

    cache = values["CACHES"]["default"]
    assert cache["BACKEND"] == "django_redis.cache.RedisCache"
    assert cache["LOCATION"] == "redis://cache.internal:6379/2"
    # Fail open: an unreachable Redis is a miss after a short wait, never a 500.
    assert cache["OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert cache["OPTIONS"]["CLIENT_CLASS"] == "caching.backend.FailFastClient"
    assert cache["OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] == 0.5
    assert cache["OPTIONS"]["SOCKET_TIMEOUT"] == 0.5


def test_without_redis_url_the_cache_is_local_memory():
    values = settings_in("website.settings.base", ["CACHES"])

    assert (
        values["CACHES"]["default"]["BACKEND"]
        == "django.core.cache.backends.locmem.LocMemCache"
    )


def test_database_url_is_parsed():
    values = settings_in(
        "website.settings.base",
        ["DATABASES"],
        DATABASE_URL="postgres://serambi:rahasia@db.internal:5433/serambi_prod",
    )

    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "serambi_prod"
    assert database["USER"] == "serambi"
    assert database["PASSWORD"] == "rahasia"
    assert database["HOST"] == "db.internal"
    assert database["PORT"] == 5433


def test_without_database_url_the_database_is_sqlite():
    values = settings_in("website.settings.base", ["DATABASES"])

    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"].endswith("db.sqlite3")


def test_allowed_hosts_come_from_the_environment():
    values = settings_in(
        "website.settings.base",
        ["ALLOWED_HOSTS"],
        ALLOWED_HOSTS=" serambi.example , www.serambi.example,",
    )

    assert values["ALLOWED_HOSTS"] == ["serambi.example", "www.serambi.example"]


# --- Language and time --------------------------------------------------------------


def test_site_is_indonesian_in_jakarta_time():
    assert settings.LANGUAGE_CODE == "id"
    assert settings.TIME_ZONE == "Asia/Jakarta"
    assert settings.USE_TZ
    assert [code for code, _ in settings.WAGTAILADMIN_PERMITTED_LANGUAGES] == [
        "id",
        "en",
    ]


def test_admin_login_page_is_indonesian(client, db):
    response = client.get(reverse("wagtailadmin_login"))

    assert response.status_code == 200
    content = response.content.decode()
    assert '<html lang="id"' in content
    assert "Masuk" in content
    assert "Sign in" not in content


def test_admin_is_indonesian_by_default(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("redaksi", "r@serambi.test", "pw")
    client.force_login(user)

    content = client.get(reverse("wagtailimages:index")).content.decode()

    assert '<html lang="id"' in content
    assert "Gambar" in content
    assert "Images" not in content


def test_admin_follows_a_users_english_preference(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("editor", "e@serambi.test", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)

    content = client.get(reverse("wagtailimages:index")).content.decode()

    assert '<html lang="en"' in content
    assert "Images" in content


@pytest.mark.parametrize("url", ["/", "/artikel/", "/kontributor/"])
def test_public_pages_declare_indonesian(client, home_page, url):
    response = client.get(url)

    assert response.status_code == 200
    assert 'lang="id"' in response.content.decode()
