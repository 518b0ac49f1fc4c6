"""Every e-mail leaves through the task queue, never from inside a request.

`EMAIL_BACKEND = "operations.mail.QueuedEmailBackend"` catches all mail Django and Wagtail
send (workflow and comment notifications, invitations, password resets, error mail to
ADMINS), turns each message into JSON and enqueues `deliver_email`. The worker sends it
with the real backend, `SERAMBI_DELIVERY_EMAIL_BACKEND` (SMTP in production), and when
that fails it tries again later, up to `len(RETRY_DELAYS) + 1` attempts. Nothing here
raises to the person who clicked: a mail server that is down delays a message, it never
turns a saved form into a 500.

Once a message has left (sent, or handed on to a retry, or given up on), its task row
keeps the subject and recipients only (`forget_body`): bodies hold password-reset and
invitation links, and finished rows stay in the database for 14 days.
"""

import base64
import logging
from datetime import timedelta
from email import message_from_bytes
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from django_tasks import task
from django_tasks.signals import task_finished
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Seconds to wait before attempts 2, 3, 4 and 5: a mail server that is down for an hour
# and a half still gets the message; after that the failure is logged as an error.
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 60 * 60)


def one_line(text):
    # A header cannot hold a newline (Django raises BadHeaderError, and Wagtail logs
    # and drops the whole notification): a title typed with one still gets its e-mail.
    return " ".join(str(text).split())


def serialize(message):
    """A JSON-safe description of an EmailMessage, enough to build it again."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append(
                {"mime": base64.b64encode(attachment.as_bytes()).decode()}
            )
            continue
        filename, content, mimetype = attachment
        if isinstance(content, str):
            content = content.encode()
        attachments.append(
            {
                "filename": filename,
                "content": base64.b64encode(content).decode(),
                "mimetype": mimetype,
            }
        )
    return {
        "subject": one_line(message.subject),
        "body": message.body,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "content_subtype": message.content_subtype,
        "alternatives": [
            [content, mimetype]
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
    }


def deserialize(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )
    message.content_subtype = data["content_subtype"]
    for attachment in data["attachments"]:
        if "mime" in attachment:
            message.attach(message_from_bytes(base64.b64decode(attachment["mime"])))
        else:
            message.attach(
                attachment["filename"],
                base64.b64decode(attachment["content"]),
                attachment["mimetype"],
            )
    return message


def describe(data):
    # Subject and recipients only: bodies hold password links and private words.
    return f"{data['subject']!r} to {', '.join(data['to'] + data['cc'] + data['bcc'])}"


def send_now(data):
    """Send with the real backend; raises whatever the mail server raised."""
    connection = get_connection(settings.SERAMBI_DELIVERY_EMAIL_BACKEND)
    return connection.send_messages([deserialize(data)])


@task()
def deliver_email(data, attempt=1):
    try:
        send_now(data)
    except Exception as error:
        if attempt > len(RETRY_DELAYS):
            logger.error(
                "E-mail %s not delivered after %d attempts, giving up: %r",
                describe(data),
                attempt,
                error,
            )
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning(
            "E-mail %s not delivered (attempt %d): %r; trying again in %d s",
            describe(data),
            attempt,
            error,
            delay,
        )
        retry_later(data, attempt + 1, delay)


def retry_later(data, attempt, delay):
    if not deliver_email.get_backend().supports_defer:
        # The immediate backend (tests) cannot wait; the message is logged as lost
        # and can be sent again from where it started (e.g. "resend invitation").
        logger.error("E-mail %s cannot be retried on this task backend", describe(data))
        return
    try:
        deliver_email.using(
            run_after=timezone.now() + timedelta(seconds=delay)
        ).enqueue(data, attempt)
    except Exception:
        logger.exception("Could not queue a retry for e-mail %s", describe(data))


class QueuedEmailBackend(BaseEmailBackend):
    """Queue each message for the worker instead of talking to a mail server."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            message.subject = one_line(message.subject)
            try:
                deliver_email.enqueue(serialize(message))
            except Exception:
                # The queue itself is down (its database or Redis), or the message
                # holds something JSON cannot carry: send it from this process rather
                # than lose it, and never raise to the caller.
                logger.exception(
                    "Could not queue e-mail %r to %s; sending it now",
                    message.subject,
                    ", ".join(message.recipients()),
                )
                try:
                    get_connection(
                        settings.SERAMBI_DELIVERY_EMAIL_BACKEND
                    ).send_messages([message])
                except Exception:
                    logger.exception("E-mail %r not delivered", message.subject)
                    continue
            queued += 1
        return queued


def summary(data):
    """What a finished task row keeps of a message: who it went to, and about what."""
    return {key: data[key] for key in ("subject", "to", "cc", "bcc") if key in data}


def forget_body(sender, task_result, **kwargs):
    """After deliver_email has run, its row in the database queue drops the body.

    A retry got its own row (with the body) before this one finished, so nothing the
    queue still needs is lost; never raises into the worker.
    """
    # django-tasks-db sends the backend itself after a success, its class after a
    # failure.
    backend = sender if isinstance(sender, type) else type(sender)
    if not issubclass(backend, DatabaseBackend):
        return
    if task_result.task.module_path != deliver_email.module_path:
        return
    try:
        data, *rest = task_result.args
        DBTaskResult.objects.filter(id=task_result.id).update(
            args_kwargs={"args": [summary(data), *rest], "kwargs": {}}
        )
    except Exception:
        logger.exception(
            "Could not drop the body of sent e-mail task %s", task_result.id
        )


task_finished.connect(forget_body, dispatch_uid="operations.mail.forget_body")
