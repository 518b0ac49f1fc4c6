"""Guessing limits on the admin log-in, the password-reset form and password-protected
pages, and a log-out that only a POST performs (accounts/security.py)."""

from unittest import mock

from django.contrib.auth.backends import ModelBackend
from django.core import mail
from django.core.cache import cache
from django.core.handlers.base import BaseHandler
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import PageViewRestriction

import pytest
from axes.models import AccessAttempt

from demo.factories import ArticlePageFactory
from tests.editorial.conftest import make_user

PASSWORD = "kata-sandi-uji"
LIMIT = 5
LOCKED_MESSAGE = "Terlalu banyak percobaan masuk yang gagal"


@pytest.fixture(autouse=True)
def fresh_cache():
    # The throttles count in the cache, which outlives a test's transaction.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


def log_in(client, username, password, ip="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def is_logged_in(client):
    return "_auth_user_id" in client.session


def counting_model_backend():
    """Spy on ModelBackend.authenticate: it is where a password gets hashed."""
    return mock.patch.object(
        ModelBackend,
        "authenticate",
        autospec=True,
        side_effect=ModelBackend.authenticate,
    )


# --- Log-in -----------------------------------------------------------------------


@pytest.mark.django_db
def test_wrong_passwords_lock_the_account_before_any_hashing(client, editor):
    for attempt in range(1, LIMIT):
        response = log_in(client, "editor", f"salah-{attempt}")
        assert response.status_code == 200, attempt
    # The attempt that reaches the limit is refused with the lockout page.
    response = log_in(client, "editor", "salah-terakhir")
    assert response.status_code == 429
    assertLockoutPage(response, LOCKED_MESSAGE)

    # Now even the right password is refused, and no password is hashed.
    with counting_model_backend() as model_backend:
        response = log_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert model_backend.call_count == 0
    assert not is_logged_in(client)
    assert "15 menit" in response.content.decode()


@pytest.mark.django_db
def test_the_account_stays_locked_from_another_address(client, editor):
    for attempt in range(LIMIT):
        log_in(client, "editor", f"salah-{attempt}", ip=f"198.51.100.{attempt + 1}")
    response = log_in(client, "editor", PASSWORD, ip="192.0.2.50")
    assert response.status_code == 429
    assert not is_logged_in(client)


@pytest.mark.django_db
def test_one_address_guessing_many_accounts_is_locked(client, editor):
    for attempt in range(LIMIT):
        log_in(client, f"tidak-ada-{attempt}", "salah", ip="203.0.113.9")
    with counting_model_backend() as model_backend:
        response = log_in(client, "editor", PASSWORD, ip="203.0.113.9")
    assert response.status_code == 429
    assert model_backend.call_count == 0
    assert not is_logged_in(client)
    # Someone else, elsewhere, still signs in.
    response = log_in(client, "editor", PASSWORD, ip="192.0.2.10")
    assertRedirectsToDashboard(response)


@pytest.mark.django_db
def test_a_forged_forwarded_for_header_does_not_change_the_address(client, editor):
    for attempt in range(LIMIT):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": f"tidak-ada-{attempt}", "password": "salah"},
            REMOTE_ADDR="203.0.113.9",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{attempt}",
        )
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.9",
        HTTP_X_FORWARDED_FOR="10.9.9.9",
    )
    assert response.status_code == 429


@pytest.mark.django_db
def test_behind_trusted_proxies_the_client_is_read_from_forwarded_for(settings):
    from caching.limits import client_ip

    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4"
    )
    # The proxy appended the real client; the entry before it is the client's own.
    assert client_ip(request) == "198.51.100.4"
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"


@pytest.mark.django_db
def test_a_right_password_below_the_limit_works_and_resets_the_count(client, editor):
    for attempt in range(LIMIT - 1):
        log_in(client, "editor", f"salah-{attempt}")
    assertRedirectsToDashboard(log_in(client, "editor", PASSWORD))
    assert not AccessAttempt.objects.filter(username="editor").exists()


@pytest.mark.django_db
def test_axes_reset_username_lifts_the_lockout(client, editor):
    for attempt in range(LIMIT):
        log_in(client, "editor", f"salah-{attempt}")
    assert log_in(client, "editor", PASSWORD).status_code == 429
    call_command("axes_reset_username", "editor")
    assertRedirectsToDashboard(log_in(client, "editor", PASSWORD))


# --- Password reset ---------------------------------------------------------------


def request_reset(client, email, ip="203.0.113.7"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
def test_password_resets_stop_sending_mail_after_the_limit(client, editor):
    for attempt in range(LIMIT):
        response = request_reset(client, editor.email)
        assert response.status_code == 302, attempt
    assert len(mail.outbox) == LIMIT
    for _ in range(20):
        response = request_reset(client, editor.email)
        assert response.status_code == 429
    assert len(mail.outbox) == LIMIT
    assertLockoutPage(response, "permintaan atur ulang kata sandi")


@pytest.mark.django_db
def test_password_resets_are_limited_per_address_across_e_mails(client, editor):
    for attempt in range(LIMIT):
        request_reset(client, f"orang-{attempt}@contoh.id", ip="203.0.113.20")
    response = request_reset(client, editor.email, ip="203.0.113.20")
    assert response.status_code == 429
    assert mail.outbox == []
    # Another address may still ask for the registered e-mail.
    assert request_reset(client, editor.email, ip="192.0.2.1").status_code == 302
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_reset_answers_the_same_whether_or_not_the_address_is_registered(
    client, editor
):
    known = request_reset(client, editor.email, ip="192.0.2.1")
    unknown = request_reset(client, "tidak-terdaftar@contoh.id", ip="192.0.2.2")
    done = reverse("wagtailadmin_password_reset_done")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"] == done
    assert [m.to for m in mail.outbox] == [[editor.email]]


@pytest.mark.django_db
def test_the_reset_mail_is_looked_up_and_sent_after_the_response(editor):
    """The response is complete before the address is even looked up, so its timing
    cannot depend on whether the address is registered."""
    # Django's own handler, short of the server's last step: closing the response
    # once it has been sent.
    handler = BaseHandler()
    handler.load_middleware()
    request = RequestFactory().post(
        reverse("wagtailadmin_password_reset"),
        {"email": editor.email},
        REMOTE_ADDR="192.0.2.3",
    )
    request._dont_enforce_csrf_checks = True
    with counting_user_lookup() as lookup:
        response = handler.get_response(request)
        assert response.status_code == 302
        assert lookup.call_count == 0
        assert mail.outbox == []
        response.close()
        assert lookup.call_count == 1
    assert [m.to for m in mail.outbox] == [[editor.email]]


def counting_user_lookup():
    from django.contrib.auth.forms import PasswordResetForm

    return mock.patch.object(
        PasswordResetForm,
        "get_users",
        autospec=True,
        side_effect=PasswordResetForm.get_users,
    )


# --- Password-protected pages -----------------------------------------------------


@pytest.fixture
def protected_article(blog_index):
    article = ArticlePageFactory(parent=blog_index, title="Khusus anggota")
    restriction = PageViewRestriction.objects.create(
        page=article,
        restriction_type=PageViewRestriction.PASSWORD,
        password="teh-hangat",
    )
    return article, restriction


def guess(client, article, restriction, password, ip="203.0.113.7"):
    return client.post(
        reverse(
            "wagtailcore_authenticate_with_password", args=[restriction.pk, article.pk]
        ),
        {"password": password, "return_url": article.url},
        REMOTE_ADDR=ip,
    )


@pytest.mark.django_db
def test_wrong_page_passwords_are_limited_per_page_and_address(
    client, protected_article
):
    article, restriction = protected_article
    for attempt in range(LIMIT):
        response = guess(client, article, restriction, f"salah-{attempt}")
        assert response.status_code == 200, attempt
    response = guess(client, article, restriction, "teh-hangat")
    assert response.status_code == 429
    assertLockoutPage(response, "Terlalu banyak kata sandi salah untuk halaman ini")
    assert client.get(article.url).status_code == 200
    assert "Khusus anggota" not in client.get(article.url).content.decode()
    # From another address the right password still opens the page.
    response = guess(client, article, restriction, "teh-hangat", ip="192.0.2.5")
    assert response.status_code == 302
    assert response["Location"] == article.url


# --- Log-out ----------------------------------------------------------------------


@pytest.mark.django_db
def test_get_on_logout_does_not_log_out(client, editor):
    client.force_login(editor)
    response = client.get(reverse("wagtailadmin_logout"))
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "sessionid" not in response.cookies
    assert is_logged_in(client)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    html = response.content.decode()
    assert 'method="post"' in html
    assert f'action="{reverse("wagtailadmin_logout")}"' in html


@pytest.mark.django_db
def test_post_on_logout_logs_out(client, editor):
    client.force_login(editor)
    response = client.post(reverse("wagtailadmin_logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_login")
    assert not is_logged_in(client)


# --- helpers ----------------------------------------------------------------------


def assertLockoutPage(response, message):
    html = response.content.decode()
    assert "Coba lagi nanti" in html
    assert message in html
    assert '<html lang="id">' in html


def assertRedirectsToDashboard(response):
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


# --- A failing cache ----------------------------------------------------------------


@pytest.mark.django_db
def test_a_failing_cache_lets_resets_and_page_passwords_through(
    client, editor, protected_article
):
    article, restriction = protected_article
    down = ConnectionError("cache down")
    broken_cache = mock.Mock(
        **{
            f"{method}.side_effect": down
            for method in ("get_many", "add", "incr", "set")
        }
    )
    with mock.patch("accounts.security.cache", broken_cache):
        response = request_reset(client, editor.email)
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_password_reset_done")
        assert len(mail.outbox) == 1
        assert guess(client, article, restriction, "salah").status_code == 200
        response = guess(client, article, restriction, "teh-hangat")
        assert response.status_code == 302
