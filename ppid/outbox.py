"""E-mails to requesters through an outbox: a row per e-mail, written in the same transaction as the
change that causes it and sent after the commit by a background task (``deliver_email`` below); failures
stay in the outbox and the task tries again later.

A failing mail server therefore never loses a request or a step (they are committed first) and never
turns into an error page: ``deliver`` catches and records every error. ``send_pending`` (run by
``manage.py send_ppid_outbox``) retries by hand what is still unsent, for instance after the task gave up.
The task carries only the row's id: the body (it may hold the private status link) stays in the outbox,
where it is cleared once sent.
"""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from django_tasks import task

from ops.mail import delivery_connection, retry_later
from ppid.records import OutboxEmail

logger = logging.getLogger(__name__)
MAX_ATTEMPTS = 10
# Seconds to wait for the mail server when EMAIL_TIMEOUT is not set: a hung server delays, never blocks.
DEFAULT_TIMEOUT = 10


def queue(request_obj, template, context):
    """Write the e-mail ``template`` (subject and body, in the requester's language) to the outbox and send
    it after the commit. Nothing is queued for a requester without an e-mail address."""
    if not request_obj.email:
        return None
    context = {**context, "req": request_obj}
    with translation.override(request_obj.language):
        subject = " ".join(render_to_string(f"ppid/email/{template}_subject.txt", context).split())
        body = render_to_string(f"ppid/email/{template}.txt", context)
    email = OutboxEmail.objects.create(request=request_obj, to=request_obj.email, subject=subject, body=body)
    transaction.on_commit(lambda: _enqueue(email.pk))
    return email


def _enqueue(pk):
    try:
        deliver_email.enqueue(pk)
    except Exception:  # the row stays in the outbox, unsent: ``send_ppid_outbox`` sends it; the page still answers
        logger.exception("PPID e-mail %s could not be queued", pk)


def deliver(pk):
    """Send one outbox e-mail; True when sent. Never raises: an error is recorded for the retry."""
    email = OutboxEmail.objects.filter(pk=pk, sent_at__isnull=True).first()
    if email is None:
        return False
    email.attempts += 1
    try:
        # Straight to the mail server: the site's EMAIL_BACKEND would queue it again (ops/mail.py).
        connection = delivery_connection(timeout=getattr(settings, "EMAIL_TIMEOUT", None) or DEFAULT_TIMEOUT)
        send_mail(email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to], connection=connection)
    except Exception as error:  # any failure of the mail server or the network: keep it for the retry
        logger.warning("PPID e-mail %s not sent: %s", email.pk, error)
        email.last_error = f"{type(error).__name__}: {error}"[:2000]
        email.save(update_fields=["attempts", "last_error"])
        return False
    email.sent_at = timezone.now()
    email.body = ""  # sent: the body (it may carry the private status link) is no longer needed
    email.last_error = ""
    email.save(update_fields=["attempts", "sent_at", "body", "last_error"])
    return True


def send_pending(max_attempts=MAX_ATTEMPTS):
    """Try every unsent e-mail with fewer than ``max_attempts`` attempts; returns ``(sent, failed)``."""
    sent = failed = 0
    pending = OutboxEmail.objects.filter(sent_at__isnull=True, attempts__lt=max_attempts).order_by("created_at")
    for pk in pending.values_list("pk", flat=True):
        if deliver(pk):
            sent += 1
        else:
            failed += 1
    return sent, failed


def failed_emails():
    return OutboxEmail.objects.filter(sent_at__isnull=True, attempts__gt=0)


@task()
def deliver_email(pk, attempt=1):
    """Send one outbox e-mail; when the mail server fails, try again later (``EMAIL_RETRY_DELAYS``). The error
    is kept on the outbox row, where PPID staff see it, so this task itself does not fail."""
    if deliver(pk):
        return True
    if OutboxEmail.objects.filter(pk=pk, sent_at__isnull=True, attempts__lt=MAX_ATTEMPTS).exists():
        retry_later(deliver_email, attempt, pk)
    return False
