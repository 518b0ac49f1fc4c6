"""GET /healthz/: what a load balancer asks each app server."""

import json

from django.test import override_settings

import pytest

from tests.services import REDIS_TEST_URL, closed_port, needs_redis
from tests.website.test_settings import run_python

pytestmark = pytest.mark.django_db

PRODUCTION_ENV = {
    "SECRET_KEY": "k3y-for-the-deploy-check-only-x7Qp2Lm9Vb4Nc8Zr1Tw6Hy3Js5Df0Ga",
    "ALLOWED_HOSTS": "serambi.example",
}


def test_healthy(client):
    response = client.get("/healthz/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_names_an_unreachable_cache_and_still_answers_200(client):
    down = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/8",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.25},
        }
    }
    with override_settings(CACHES=down):
        response = client.get("/healthz/")

    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "unavailable"}


@needs_redis
def test_names_a_reachable_redis_ok(client):
    up = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_TEST_URL,
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    with override_settings(CACHES=up):
        response = client.get("/healthz/")

    assert json.loads(response.content)["cache"] == "ok"


def test_even_a_logged_in_probe_gets_no_session_cookie(admin_browser):
    response = admin_browser.get("/healthz/")

    assert response.status_code == 200
    assert not response.cookies


PROBE = (
    "import django; django.setup(); from django.test import Client; "
    "r = Client().get('/healthz/', HTTP_HOST='{host}'); "
    "print(r.status_code); print(r.content.decode())"
)


def probe(
    database_url, host="app-3.internal", settings_module="website.settings.production"
):
    """/healthz/ in a fresh production interpreter: a load balancer probes an app
    server by its own address, over plain HTTP."""
    result = run_python(
        ["-c", PROBE.format(host=host)],
        settings_module,
        **PRODUCTION_ENV,
        DATABASE_URL=database_url,
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    return int(status), json.loads(body)


def test_production_answers_a_probe_by_address_over_http(tmp_path):
    status, body = probe(f"sqlite:///{tmp_path / 'up.sqlite3'}")

    assert status == 200
    assert body == {"database": "ok", "cache": "ok"}


def test_503_when_the_database_does_not_answer():
    status, body = probe(f"postgres://serambi@127.0.0.1:{closed_port()}/serambi")

    assert status == 503
    assert body["database"] == "unavailable"
    assert body["cache"] == "ok"
