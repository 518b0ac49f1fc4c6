"""Settings a production deployment relies on for accounts: Argon2 password hashes
(older ones upgraded at log-in), __Host- cookies, the admin at an address of our own."""

import importlib

from django.contrib.auth.hashers import make_password
from django.test import Client, override_settings
from django.urls import clear_url_caches, reverse

import pytest


def test_production_cookies_carry_the_host_prefix(production_settings):
    production = production_settings
    assert production.SESSION_COOKIE_NAME == "__Host-sessionid"
    assert production.CSRF_COOKIE_NAME == "__Host-csrftoken"
    # What the prefix requires of the cookie, or browsers drop it.
    assert production.SESSION_COOKIE_SECURE and production.CSRF_COOKIE_SECURE
    for name in ("SESSION_COOKIE_DOMAIN", "CSRF_COOKIE_DOMAIN"):
        assert getattr(production, name, None) is None
    for name in ("SESSION_COOKIE_PATH", "CSRF_COOKIE_PATH"):
        assert getattr(production, name, "/") == "/"


def test_argon2_comes_first_in_production(production_settings):
    assert production_settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.django_db
@override_settings(
    PASSWORD_HASHERS=[
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
)
def test_an_older_hash_is_upgraded_to_argon2_at_log_in(django_user_model):
    user = django_user_model.objects.create(username="wulan")
    user.password = make_password(
        "kata-sandi-panjang-sekali",
        hasher="pbkdf2_sha256",
    )
    user.save()

    browser = Client()
    response = browser.post(
        reverse("wagtailadmin_login"),
        {"username": "wulan", "password": "kata-sandi-panjang-sekali"},
    )

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.password.startswith("argon2$")


@pytest.fixture
def admin_at(settings):
    """The URLs rebuilt with another ADMIN_URL, and put back afterwards."""
    import website.urls

    def move(path):
        settings.ADMIN_URL = path
        importlib.reload(website.urls)
        clear_url_caches()

    yield move
    settings.ADMIN_URL = "admin/"
    importlib.reload(website.urls)
    clear_url_caches()


@pytest.mark.django_db
def test_the_admin_lives_where_admin_url_says(admin_at, client):
    admin_at("redaksi-7f3a/")

    assert reverse("wagtailadmin_home") == "/redaksi-7f3a/"
    assert client.get("/redaksi-7f3a/login/").status_code == 200
    assert client.get("/admin/login/").status_code == 404
