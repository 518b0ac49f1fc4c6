"""Mail leaves through the task queue: a mail server that is down never costs a 500.

The SMTP outage is real: the delivery backend is SMTP on a localhost port where
nothing listens; the mail server that comes back is a real one (aiosmtpd) in a thread.
"""

import logging
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.test.utils import override_settings
from django.urls import reverse
from django.utils import timezone

import pytest
from aiosmtpd.controller import Controller
from django_tasks import default_task_backend

from blog.models import ArticlePage
from operations.mail import RETRY_DELAYS, deliver_email, serialize
from tests.services import closed_port

from .conftest import article_data, make_user


class Inbox:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_down(settings):
    settings.SERAMBI_DELIVERY_EMAIL_BACKEND = (
        "django.core.mail.backends.smtp.EmailBackend"
    )
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = closed_port()
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_TIMEOUT = 5
    return settings


@pytest.fixture
def smtp_sink(settings):
    """A real SMTP server on a free localhost port; yields what it received."""
    inbox = Inbox()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=closed_port(), ready_timeout=30
    )
    controller.start()
    settings.SERAMBI_DELIVERY_EMAIL_BACKEND = (
        "django.core.mail.backends.smtp.EmailBackend"
    )
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    yield inbox
    controller.stop()


NEW_CONTRIBUTOR = {
    "name": "Sari Wulandari",
    "pen_name": "",
    "email": "sari@contoh.id",
    "username": "sari",
}


def test_adding_a_contributor_while_smtp_is_down_succeeds_and_the_invitation_can_be_resent(
    client, eka, contributor_index, smtp_down, caplog
):
    client.force_login(eka)
    with caplog.at_level(logging.WARNING, logger="operations.mail"):
        response = client.post(reverse("editorial_add_contributor"), NEW_CONTRIBUTOR)

    user = get_user_model().objects.get(username="sari")  # exactly one account
    profile = user.contributor_profile
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[profile.pk])
    failures = [r for r in caplog.records if r.name == "operations.mail"]
    assert failures[0].levelno == logging.WARNING
    assert "not delivered (attempt 1)" in failures[0].getMessage()
    assert "sari@contoh.id" in failures[0].getMessage()

    # The editor's desk offers the invitation again; the mail server is back.
    desk = client.get(reverse("wagtailadmin_home")).content.decode()
    resend_url = reverse("editorial_resend_invitation", args=[user.pk])
    assert f'action="{resend_url}"' in desk
    inbox = Inbox()
    controller = Controller(
        inbox, hostname="127.0.0.1", port=closed_port(), ready_timeout=30
    )
    controller.start()
    try:
        with override_settings(EMAIL_PORT=controller.port):
            response = client.post(resend_url)
    finally:
        controller.stop()
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    [envelope] = inbox.envelopes
    assert envelope.rcpt_tos == ["sari@contoh.id"]
    assert reverse("wagtailadmin_password_reset").encode() in envelope.content
    assert get_user_model().objects.filter(username="sari").count() == 1


DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def queue_nobody_works_off(settings):
    settings.TASKS = DUMMY_TASKS
    yield default_task_backend
    default_task_backend.clear()


def test_a_failed_delivery_is_queued_again_later_and_given_up_on_with_an_error(
    smtp_down, queue_nobody_works_off, caplog
):
    data = serialize(mail.EmailMessage("Halo", "Isi", to=["sari@contoh.id"]))
    before = timezone.now()
    with caplog.at_level(logging.WARNING, logger="operations.mail"):
        deliver_email.call(data)
    [retry] = queue_nobody_works_off.results
    assert retry.task.func == deliver_email.func
    assert retry.args == [data, 2]
    assert retry.task.run_after >= before + timedelta(seconds=RETRY_DELAYS[0])
    assert caplog.records[-1].levelno == logging.WARNING

    with (
        caplog.at_level(logging.WARNING, logger="operations.mail"),
        pytest.raises(ConnectionRefusedError),
    ):
        deliver_email.call(data, len(RETRY_DELAYS) + 1)
    assert len(queue_nobody_works_off.results) == 1  # no further retry
    assert caplog.records[-1].levelno == logging.ERROR
    assert "giving up" in caplog.records[-1].getMessage()


def test_mail_is_queued_not_sent_inside_the_request(
    client, eka, queue_nobody_works_off
):
    response = client.post(reverse("wagtailadmin_password_reset"), {"email": eka.email})
    assert response.status_code == 302
    assert mail.outbox == []
    [queued] = queue_nobody_works_off.results
    assert queued.task.func == deliver_email.func
    assert queued.args[0]["to"] == [eka.email]


def test_resend_is_for_editors_and_only_for_contributors_still_invited(
    client, eka, alya, contributor_index
):
    client.force_login(eka)
    client.post(reverse("editorial_add_contributor"), NEW_CONTRIBUTOR)
    sari = get_user_model().objects.get(username="sari")
    mail.outbox.clear()
    url = reverse("editorial_resend_invitation", args=[sari.pk])

    assert client.get(url).status_code == 405
    client.force_login(alya)
    response = client.post(url)  # Wagtail turns PermissionDenied into this redirect
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    assert mail.outbox == []
    client.force_login(eka)
    # Not for an editor's account, nor for a contributor who already set a password.
    other_editor = make_user("edi", "Editors")
    assert (
        client.post(
            reverse("editorial_resend_invitation", args=[other_editor.pk])
        ).status_code
        == 404
    )
    response = client.post(reverse("editorial_resend_invitation", args=[alya.pk]))
    assert response.status_code == 302
    assert mail.outbox == []

    response = client.post(url)
    assert response.status_code == 302
    [invitation] = mail.outbox
    assert invitation.to == ["sari@contoh.id"]
    sari.set_password("kata-sandi-baru-42")
    sari.save()
    assert (
        f'action="{url}"'
        not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


def test_a_title_with_a_line_break_still_reaches_the_editors_with_the_submitters_name(
    client, alya, eka, edo, blog_index
):
    client.force_login(alya)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["blog", "articlepage", blog_index.pk]),
        article_data(alya.profile_page, title="Belajar meminta\ntolong"),
    )
    article = ArticlePage.objects.get(slug="belajar-meminta-tolong")
    assert response.status_code == 302
    assert article.title == "Belajar meminta tolong"
    assert article.current_workflow_state is not None

    assert sorted(m.to[0] for m in mail.outbox) == sorted([eka.email, edo.email])
    for message in mail.outbox:
        assert message.subject == 'Menunggu tinjauan: "Belajar meminta tolong"'
        assert (
            'Alya mengajukan "Belajar meminta tolong" untuk ditinjau.' in message.body
        )


def test_a_newline_in_a_subject_is_folded_rather_than_dropping_the_mail(db):
    mail.EmailMessage(
        'Menunggu tinjauan: "Satu\nDua"', "Isi", to=["eka@contoh.id"]
    ).send()
    [message] = mail.outbox
    assert message.subject == 'Menunggu tinjauan: "Satu Dua"'


def test_the_real_smtp_server_receives_a_queued_message(smtp_sink):
    sent = mail.EmailMultiAlternatives(
        "Uji", "Teks", to=["a@contoh.id"], alternatives=[("<p>Teks</p>", "text/html")]
    )
    sent.attach("catatan.txt", "isi lampiran", "text/plain")
    assert sent.send() == 1
    [envelope] = smtp_sink.envelopes
    assert envelope.rcpt_tos == ["a@contoh.id"]
    assert b"<p>Teks</p>" in envelope.content
    assert b"catatan.txt" in envelope.content


def test_when_the_queue_refuses_a_message_it_is_sent_at_once_instead(settings, caplog):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["somewhere-else"],  # so enqueueing on "default" fails
        }
    }
    with caplog.at_level(logging.ERROR, logger="operations.mail"):
        sent = mail.send_mail("Tetap sampai", "Isi", None, ["a@contoh.id"])
    assert sent == 1
    [message] = mail.outbox
    assert message.subject == "Tetap sampai"
    assert "Could not queue e-mail 'Tetap sampai'" in caplog.records[0].getMessage()
