"""The buttons inside the editorial admin tables post real forms.

Each table cell is rendered by Wagtail on a context of its own, not the page's: these
posts go through a client that checks the CSRF token the way a browser's would be.
"""

import re

from django.core import mail
from django.test import Client
from django.urls import reverse

import pytest

from editorial import trash
from editorial.models import TrashedPage

from .conftest import draft_by


def post_form_of(client, page_url, action):
    """Submit the form whose action is `action` on `page_url`, token and all."""
    html = client.get(page_url).content.decode()
    form = re.search(
        rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.DOTALL
    )
    assert form, f"no form posting to {action}"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.group(0))
    assert token, "the form has no CSRF token"
    return client.post(action, {"csrfmiddlewaretoken": token.group(1)})


@pytest.fixture
def browser():
    return Client(enforce_csrf_checks=True)


def test_the_restore_button_in_the_trash_restores(browser, alya, eka, blog_index):
    draft = draft_by(alya, blog_index, title="Draf yang terbuang", slug="terbuang")
    trash.move_to_trash(draft, eka)
    entry = TrashedPage.objects.get(page=draft)
    browser.force_login(eka)

    response = post_form_of(
        browser,
        reverse("editorial_trash"),
        reverse("editorial_trash_restore", args=[entry.pk]),
    )

    assert response.status_code == 302
    assert not TrashedPage.objects.filter(page=draft).exists()


def test_the_resend_button_on_the_desk_sends_the_invitation(browser, alya, eka):
    alya.set_unusable_password()
    alya.save()
    browser.force_login(eka)

    response = post_form_of(
        browser,
        reverse("wagtailadmin_home"),
        reverse("editorial_resend_invitation", args=[alya.pk]),
    )

    assert response.status_code == 302
    assert [message.to for message in mail.outbox] == [["alya@contoh.id"]]
