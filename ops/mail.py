"""Outgoing e-mail through background tasks.

``QueuedEmailBackend`` is the site's ``EMAIL_BACKEND``: it sends nothing itself but queues each message as the
task ``send_email`` below, which sends it through ``EMAIL_DELIVERY_BACKEND`` (SMTP in production). Every
mail the site sends goes this way without code of its own: Django's password reset, Wagtail's review workflow
notifications, the PPID's confirmations (``ppid/outbox.py`` queues its own task, so that a requester's status
link is kept in its outbox row, not in the task table).

With the database task backend (production) the task row is written in the transaction of the change that
sends the mail, so a request never waits for the mail server and never fails because of it; while the server is
down the task fails, and a new one is queued for later (``EMAIL_RETRY_DELAYS``), until it goes through. With the
immediate backend (debug, tests) the mail is sent at once, and a failure is logged, never raised.

Hand-written rather than a library: the maintained queued-mail packages bring their own queue and worker
(django-mailer, django-post-office) or need Celery (django-celery-email); this is the few lines that put mail on
the task framework the site already runs.
"""

import base64
import logging
from datetime import timedelta
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

QUEUED_BACKEND = "ops.mail.QueuedEmailBackend"


class NotQueueable(ValueError):
    """A message that cannot be written down as JSON (an attachment given as a ready-made MIME part)."""


def delivery_backend():
    """The backend that really sends: ``EMAIL_DELIVERY_BACKEND`` behind the queue, or ``EMAIL_BACKEND`` itself
    when the site (or a test) sends directly."""
    if settings.EMAIL_BACKEND == QUEUED_BACKEND:
        return settings.EMAIL_DELIVERY_BACKEND
    return settings.EMAIL_BACKEND


def delivery_connection(**kwargs):
    return get_connection(backend=delivery_backend(), **kwargs)


def serialise(message):
    """A message as JSON-ready data: what the task needs to build it again."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            raise NotQueueable("MIME attachment")
        filename, content, mimetype = attachment
        if isinstance(content, bytes):
            attachments.append([filename, base64.b64encode(content).decode("ascii"), mimetype, "base64"])
        else:
            attachments.append([filename, str(content), mimetype, "text"])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
        "encoding": message.encoding if isinstance(message.encoding, str) else None,
    }


def deserialise(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(alternative) for alternative in data["alternatives"]],
    )
    for filename, content, mimetype, kind in data["attachments"]:
        message.attach(filename, base64.b64decode(content) if kind == "base64" else content, mimetype)
    message.content_subtype = data["content_subtype"]
    message.encoding = data["encoding"]
    return message


def retry_later(task, attempt, *args):
    """Queue ``task(*args, attempt + 1)`` after the ``attempt``-th delay of ``EMAIL_RETRY_DELAYS``; False when
    the delays are used up or the task backend cannot wait (the immediate backend)."""
    delays = settings.EMAIL_RETRY_DELAYS
    if attempt > len(delays) or not task.get_backend().supports_defer:
        return False
    task.using(run_after=timezone.now() + timedelta(seconds=delays[attempt - 1])).enqueue(*args, attempt + 1)
    return True


class QueuedEmailBackend(BaseEmailBackend):
    """Queue every message as a background task (see the module's docstring)."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                data = serialise(message)
            except NotQueueable:
                # Nothing the site sends has one; such a message goes out directly rather than not at all.
                queued += delivery_connection(fail_silently=self.fail_silently).send_messages([message]) or 0
                continue
            try:
                send_email.enqueue(data)
            except Exception:
                if not self.fail_silently:
                    raise
                logger.exception("E-mail %r could not be queued", data["subject"])
                continue
            queued += 1
        return queued


@task()
def send_email(message, attempt=1):
    """Send one queued message through the delivery backend. When the mail server fails, the same message is
    queued again for later (``EMAIL_RETRY_DELAYS``) and this run ends as failed, with the error in its result."""
    email = deserialise(message)
    try:
        with delivery_connection(fail_silently=False) as connection:
            connection.send_messages([email])
    except Exception as error:  # the mail server or the network: try again later, or give up loudly
        if retry_later(send_email, attempt, message):
            logger.warning("E-mail %r not sent (attempt %d), will retry: %s", email.subject, attempt, error)
        else:
            logger.error("E-mail %r not sent after %d attempts: %s", email.subject, attempt, error)
        raise
    return len(email.recipients())
