"""The database task queue keeps no e-mail body once the message has left."""

from django.core import mail
from django.core.mail import send_mail
from django.core.management import call_command

import pytest
from django_tasks_db.models import DBTaskResult

LINK = "https://serambi.test/admin/password_reset/confirm/MQ/abc-123/"

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def run_worker():
    call_command(
        "db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0
    )


def test_a_sent_message_leaves_only_its_subject_and_recipients(database_queue):
    send_mail("Atur ulang kata sandi", f"Buka {LINK}", None, ["ayu@serambi.test"])
    queued = DBTaskResult.objects.get()
    assert LINK in str(queued.args_kwargs)

    run_worker()

    assert len(mail.outbox) == 1
    assert LINK in mail.outbox[0].body
    finished = DBTaskResult.objects.get()
    assert finished.status == "SUCCESSFUL"
    assert finished.args_kwargs == {
        "args": [
            {
                "subject": "Atur ulang kata sandi",
                "to": ["ayu@serambi.test"],
                "cc": [],
                "bcc": [],
            }
        ],
        "kwargs": {},
    }


def test_a_failed_attempt_hands_the_body_to_its_retry_only(database_queue, settings):
    settings.SERAMBI_DELIVERY_EMAIL_BACKEND = "tests.website.test_mail_queue.Refusing"
    send_mail("Undangan", f"Buka {LINK}", None, ["ayu@serambi.test"])

    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--max-tasks=1",
        verbosity=0,
    )

    first, retry = DBTaskResult.objects.order_by("enqueued_at")
    assert first.status == "SUCCESSFUL"
    assert LINK not in str(first.args_kwargs)
    assert retry.status == "READY"
    assert LINK in str(retry.args_kwargs)


class Refusing:
    """A mail server that is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP down")
