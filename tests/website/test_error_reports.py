"""Server errors reach the operators: e-mail to ADMINS, and Sentry when SENTRY_DSN is set."""

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

from django.core import mail
from django.test import Client, override_settings
from django.urls import include, path

import brotli
import pytest

from tests.website.test_settings import run_python, settings_in


def boom(request):
    raise RuntimeError("a bug the operators must hear about")


# This module doubles as a URLconf with one broken view.
# The site's own URLs beside the failing view: middleware names admin URLs.
urlpatterns = [path("boom/", boom), path("", include("website.urls"))]


def test_admins_come_from_the_environment():
    values = settings_in(
        "website.settings.base",
        ["ADMINS"],
        ADMINS="Tim Teknis <teknis@serambi.example>, ayu@serambi.example",
    )

    assert values["ADMINS"] == [
        ["Tim Teknis", "teknis@serambi.example"],
        ["", "ayu@serambi.example"],
    ]


def test_no_admins_by_default():
    assert settings_in("website.settings.base", ["ADMINS"])["ADMINS"] == []


@pytest.mark.django_db
@override_settings(
    ROOT_URLCONF=__name__, ADMINS=[("Tim Teknis", "teknis@serambi.example")]
)
def test_a_server_error_is_mailed_to_the_admins():
    response = Client(raise_request_exception=False).get("/boom/")

    assert response.status_code == 500
    [message] = mail.outbox
    assert message.to == ["teknis@serambi.example"]
    assert "RuntimeError" in message.body
    assert "a bug the operators must hear about" in message.body


class Collector(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        elif self.headers.get("Content-Encoding") == "br":
            # sentry-sdk prefers brotli when the package is installed.
            body = brotli.decompress(body)
        Collector.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    """A stand-in for Sentry on this machine, recording what it is sent."""
    Collector.received = []
    server = HTTPServer(("127.0.0.1", 0), Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


REQUEST_THAT_FAILS = (
    "import django, sentry_sdk, json; django.setup(); "
    "from django.test import Client, override_settings; "
    "client = sentry_sdk.get_client(); "
    "print(json.dumps(client.is_active())); "
    "with_urls = override_settings(ROOT_URLCONF='tests.website.test_error_reports'); "
    "with_urls.enable(); "
    "print(Client(raise_request_exception=False).get('/boom/').status_code); "
    "sentry_sdk.flush(timeout=10)"
)


def test_an_error_is_reported_to_sentry_when_a_dsn_is_set(sentry_server):
    port = sentry_server.server_address[1]

    result = run_python(
        ["-c", REQUEST_THAT_FAILS],
        "website.settings.test",
        SENTRY_DSN=f"http://publickey@127.0.0.1:{port}/42",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["true", "500"]
    [(url, envelope)] = Collector.received
    assert url == "/api/42/envelope/"
    assert b"a bug the operators must hear about" in envelope
    # No personal data: no cookies, no user, no client address.
    event = json.loads(envelope.splitlines()[2])
    assert "cookies" not in event.get("request", {})
    assert "user" not in event


def test_sentry_is_off_without_a_dsn(sentry_server):
    result = run_python(["-c", REQUEST_THAT_FAILS], "website.settings.test")

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["false", "500"]
    assert Collector.received == []


# --- A flood of errors: grouped, so the SMTP quota survives ---------------------------


def boom_again(request, number):
    raise RuntimeError(f"the same bug, request {number}")


def another_bug(request):
    raise KeyError("a different bug")


flood_urls = [
    path("boom/<int:number>/", boom_again),
    path("other/", another_bug),
    path("", include("website.urls")),
]


class FloodURLs:
    urlpatterns = flood_urls


flood = override_settings(
    ROOT_URLCONF=FloodURLs,
    ADMINS=[("Tim Teknis", "teknis@serambi.example")],
    ERROR_MAIL_WINDOW_SECONDS=600,
    ERROR_MAIL_LIMIT=10,
)


def end_of_window():
    """What the window's expiry does: the per-kind counts go, the tallies stay."""
    from django.core.cache import cache

    for key in [k for k in cache._cache if "error-mail:kind:" in k]:
        del cache._cache[key]
        del cache._expire_info[key]


@pytest.fixture(autouse=True)
def no_counts_in_memory(monkeypatch):
    """Each test starts with the in-process counts (the cache-down fallback) empty."""
    from operations.monitoring import GroupedAdminEmailHandler, LocalWindows

    monkeypatch.setattr(GroupedAdminEmailHandler, "local", LocalWindows())


@pytest.mark.django_db
@flood
def test_a_flood_of_one_error_sends_one_email_and_then_a_tally(mailoutbox):
    client = Client(raise_request_exception=False)

    statuses = {client.get(f"/boom/{n}/").status_code for n in range(40)}
    client.get("/other/")

    assert statuses == {500}
    assert [m.subject.split(":")[0] for m in mailoutbox] == [
        "[Django] ERROR (EXTERNAL IP)",
        "[Django] ERROR (EXTERNAL IP)",
    ]
    assert "RuntimeError" in mailoutbox[0].body
    assert "KeyError" in mailoutbox[1].body
    end_of_window()
    client.get("/boom/41/")
    assert len(mailoutbox) == 3
    assert "[+39 like it not e-mailed]" in mailoutbox[2].subject


@pytest.mark.django_db
@flood
def test_forged_host_headers_do_not_flood_the_admins(mailoutbox):
    client = Client(raise_request_exception=False)

    for n in range(30):
        response = client.get("/", headers={"host": f"jahat-{n}.example"})
        assert response.status_code == 400

    assert len(mailoutbox) <= 1


@pytest.mark.django_db
@flood
def test_with_the_cache_down_errors_are_still_mailed_and_still_bounded(
    mailoutbox, monkeypatch
):
    from django.core.cache import cache

    def down(*args, **kwargs):
        """django-redis with IGNORE_EXCEPTIONS: no answer, no error."""

    for method in ("add", "incr", "get", "set"):
        monkeypatch.setattr(cache, method, down)
    client = Client(raise_request_exception=False)

    for n in range(25):
        client.get(f"/boom/{n}/")

    assert len(mailoutbox) == 1
