"""Content-Security-Policy, Permissions-Policy and HSTS (website/headers.py,
website/settings/production.py)."""

from unittest import mock

from django.template.loader import render_to_string
from django.urls import reverse

from wagtail.embeds.models import Embed

import pytest

from tests.website.test_settings import PRODUCTION_SECRET, settings_in

VIDEO_FRAMES = [
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'"],
    "frame-src": VIDEO_FRAMES,
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}
ADMIN_POLICY = PUBLIC_POLICY | {
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *VIDEO_FRAMES],
    "connect-src": ["'self'"],
    "font-src": ["'self'", "data:"],
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)


def policy(response):
    """The header as {directive: [sources]}; django-csp does not fix their order."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/artikel/", "/cari/?q=uang", "/tidak-ada/"])
def test_public_pages_carry_the_strict_policy(client, home_page, blog_index, url):
    response = client.get(url)
    assert policy(response) == PUBLIC_POLICY
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


@pytest.mark.django_db
def test_the_admin_carries_its_own_policy(client, home_page, superuser):
    login = client.get(reverse("wagtailadmin_login"))
    assert policy(login) == ADMIN_POLICY
    client.force_login(superuser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[home_page.pk]))
    assert response.status_code == 200
    assert policy(response) == ADMIN_POLICY
    assert response["Permissions-Policy"] == PERMISSIONS_POLICY


@pytest.mark.django_db
def test_media_origins_are_allowed_images_when_configured(client, home_page, settings):
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": PUBLIC_POLICY
        | {"img-src": ["'self'", "data:", "https://media.serambi.example"]}
    }
    assert policy(client.get("/"))["img-src"] == [
        "'self'",
        "data:",
        "https://media.serambi.example",
    ]


def test_the_media_origin_follows_the_bucket_domain():
    seen = settings_in(
        "website.settings.dev",
        ["CSP_MEDIA_ORIGINS", "CONTENT_SECURITY_POLICY"],
        AWS_S3_CUSTOM_DOMAIN="media.serambi.example",
    )
    assert seen["CSP_MEDIA_ORIGINS"] == ["https://media.serambi.example"]
    assert seen["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == [
        "'self'",
        "data:",
        "https://media.serambi.example",
    ]


def test_embedded_videos_need_no_inline_style():
    embed = Embed(
        url="https://www.youtube.com/watch?v=contoh",
        html='<iframe src="https://www.youtube.com/embed/contoh"></iframe>',
        width=640,
        height=360,
    )
    html = render_to_string("wagtailembeds/embed_frontend.html", {"embed": embed})
    assert embed.is_responsive
    assert 'class="responsive-object"' in html
    assert "style=" not in html


# --- HSTS -------------------------------------------------------------------------

HSTS = [
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SILENCED_SYSTEM_CHECKS",
]
PRODUCTION_ENV = {"SECRET_KEY": PRODUCTION_SECRET, "ALLOWED_HOSTS": "serambi.example"}


def test_hsts_preload_and_subdomains_are_off_by_default():
    assert settings_in("website.settings.production", HSTS, **PRODUCTION_ENV) == {
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": False,
        "SECURE_HSTS_PRELOAD": False,
        "SILENCED_SYSTEM_CHECKS": ["security.W005", "security.W021"],
    }


def test_hsts_preload_and_subdomains_are_opt_in():
    seen = settings_in(
        "website.settings.production",
        HSTS,
        SECURE_HSTS_INCLUDE_SUBDOMAINS="true",
        SECURE_HSTS_PRELOAD="true",
        **PRODUCTION_ENV,
    )
    assert seen == {
        "SECURE_HSTS_SECONDS": 31_536_000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SILENCED_SYSTEM_CHECKS": [],
    }


@pytest.mark.django_db
def test_the_default_hsts_header_binds_this_host_only(client, home_page, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = False
    settings.SECURE_HSTS_PRELOAD = False
    response = client.get("/", secure=True)
    assert response["Strict-Transport-Security"] == "max-age=31536000"


@pytest.mark.django_db
def test_the_error_page_may_style_itself_inline_but_not_run_scripts(client, home_page):
    client.raise_request_exception = False
    with mock.patch("website.views.searchable_pages", side_effect=RuntimeError):
        response = client.get("/cari/?q=uang")
    assert response.status_code == 500
    assert policy(response) == PUBLIC_POLICY | {
        "style-src": ["'self'", "'unsafe-inline'"]
    }
