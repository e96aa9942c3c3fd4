"""Background tasks of the PPID: sending a requester's e-mail from the outbox (``ppid/outbox.py``)."""

from django_tasks import task

from ops.mail import retry_later
from ppid import outbox


@task()
def deliver_email(pk, attempt=1):
    """Send one outbox e-mail; when the mail server fails, try again later (``EMAIL_RETRY_DELAYS``). The error
    is kept on the outbox row, where PPID staff see it, so this task itself does not fail."""
    if outbox.deliver(pk):
        return True
    if outbox.OutboxEmail.objects.filter(pk=pk, sent_at__isnull=True, attempts__lt=outbox.MAX_ATTEMPTS).exists():
        retry_later(deliver_email, attempt, pk)
    return False
