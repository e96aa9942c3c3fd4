"""Background tasks of the operations app: sending e-mail (``ops/mail.py`` queues it)."""

import logging

from django_tasks import task

from ops import mail

logger = logging.getLogger(__name__)


@task()
def send_email(message, attempt=1):
    """Send one queued message through the delivery backend. When the mail server fails, the same message is
    queued again for later (``EMAIL_RETRY_DELAYS``) and this run ends as failed, with the error in its result."""
    email = mail.deserialise(message)
    try:
        with mail.delivery_connection(fail_silently=False) as connection:
            connection.send_messages([email])
    except Exception as error:  # the mail server or the network: try again later, or give up loudly
        if mail.retry_later(send_email, attempt, message):
            logger.warning("E-mail %r not sent (attempt %d), will retry: %s", email.subject, attempt, error)
        else:
            logger.error("E-mail %r not sent after %d attempts: %s", email.subject, attempt, error)
        raise
    return len(email.recipients())
