"""Personal data of requesters (UU 27/2022): anonymise decided requests after the retention period."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from ppid.models import DECIDED_STATUSES, InformationRequest, OutboxEmail

ANONYMOUS = "—"


def due_for_anonymising(days=None, today=None):
    """Decided requests received more than ``days`` (default ``PPID_RETENTION_DAYS``) days ago, not yet done."""
    days = settings.PPID_RETENTION_DAYS if days is None else days
    today = today or timezone.localdate()
    return InformationRequest.objects.filter(
        status__in=DECIDED_STATUSES,
        received_on__lt=today - timedelta(days=days),
        anonymised_at__isnull=True,
    )


def anonymise(request_obj):
    """Blank who asked (name, contacts, address, identity, attachment, e-mail bodies and addresses); keep what
    the yearly report counts (dates, status, exemption) and what was asked."""
    with transaction.atomic():
        if request_obj.attachment:
            request_obj.attachment.delete(save=False)
        request_obj.name = ANONYMOUS
        request_obj.email = ""
        request_obj.phone = ""
        request_obj.address = ANONYMOUS
        request_obj.identity_last4 = ""
        request_obj.purpose = ANONYMOUS
        request_obj.anonymised_at = timezone.now()
        request_obj.save()
        OutboxEmail.objects.filter(request=request_obj).update(to="anonymised@invalid", body="")


def anonymise_old_requests(days=None, dry_run=False, today=None):
    """Anonymise every request due; returns their registration numbers."""
    numbers = []
    for request_obj in due_for_anonymising(days, today).order_by("pk"):
        numbers.append(request_obj.registration_number)
        if not dry_run:
            anonymise(request_obj)
    return numbers
