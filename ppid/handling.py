"""What happens to a request: submission, each handling step, objections and their answers.

Each function saves first and queues the requester's e-mail in the same transaction (``ppid/outbox.py``),
so no e-mail is sent for a change that was not saved and no change is lost for an e-mail that failed.
"""

from django.db import transaction
from django.utils import timezone

from ppid import clock, outbox
from ppid.choices import DECIDED_STATUSES, ObjectionStatus, RequestStatus
from ppid.records import InformationRequest, Objection, RequestEvent, holidays


@transaction.atomic
def submit_request(cleaned, language, status_url_for):
    """Save a request from the public form's cleaned data; returns ``(request, token)``.

    ``status_url_for(token)`` gives the absolute status link for the confirmation e-mail.
    """
    identity_number = cleaned["identity_number"]
    fields = {
        "language": language,
        "name": cleaned["name"].strip(),
        "email": cleaned.get("email") or "",
        "phone": (cleaned.get("phone") or "").strip(),
        "address": cleaned["address"].strip(),
        "identity_type": cleaned["identity_type"],
        "identity_last4": identity_number[-4:],
        "information_requested": cleaned["information_requested"].strip(),
        "purpose": cleaned["purpose"].strip(),
        "obtain_method": cleaned["obtain_method"],
        "delivery_method": cleaned["delivery_method"],
    }
    if cleaned.get("attachment"):
        fields["attachment"] = cleaned["attachment"]
    request_obj, token = InformationRequest.create(**fields)
    RequestEvent.objects.create(request=request_obj, status=RequestStatus.RECEIVED)
    outbox.queue(request_obj, "received", {"status_url": status_url_for(token)})
    return request_obj, token


@transaction.atomic
def apply_step(request_obj, user, cleaned, today=None):
    """One handling step from the staff's form: status change, extension, message and file."""
    today = today or timezone.localdate()
    request_obj = InformationRequest.objects.select_for_update().get(pk=request_obj.pk)
    status = cleaned.get("status") or request_obj.status
    extension = bool(cleaned.get("extend")) and request_obj.is_open and not request_obj.extended
    if extension:
        request_obj.extended = True
        request_obj.extension_reason = cleaned["extension_reason"].strip()
        request_obj.recompute_deadline()
    if status != request_obj.status:
        request_obj.status = status
        if status in DECIDED_STATUSES:
            request_obj.decided_on = today
        if status == RequestStatus.REFUSED:
            request_obj.refusal_ground = cleaned["refusal_ground"]
            request_obj.refusal_basis = cleaned["refusal_basis"].strip()
    request_obj.save()
    message = (cleaned.get("message") or "").strip()
    if extension:
        message = "\n\n".join(part for part in (request_obj.extension_reason, message) if part)
    event = RequestEvent.objects.create(
        request=request_obj,
        status=request_obj.status,
        extension=extension,
        message=message,
        file=cleaned.get("file") or "",
        actor=user,
    )
    outbox.queue(request_obj, "step", {"event": event})
    return event


@transaction.atomic
def file_objection(request_obj, cleaned, now=None):
    now = now or timezone.now()
    filed_on = timezone.localdate(now)
    objection = Objection.objects.create(
        request=request_obj,
        reason=cleaned["reason"],
        details=cleaned["details"].strip(),
        filed_at=now,
        filed_on=filed_on,
        due_on=clock.objection_answer_deadline(filed_on, holidays()),
    )
    outbox.queue(request_obj, "objection", {"objection": objection})
    return objection


@transaction.atomic
def answer_objection(objection, response, today=None):
    objection.status = ObjectionStatus.ANSWERED
    objection.response = response.strip()
    objection.answered_on = today or timezone.localdate()
    objection.save()
    outbox.queue(objection.request, "objection_answer", {"objection": objection})
    return objection


def recompute_open_deadlines():
    """After the holiday list changes: every open request's deadline on the new list."""
    holiday_dates = holidays()
    for request_obj in InformationRequest.objects.filter(status__in=(RequestStatus.RECEIVED, RequestStatus.IN_PROCESS)):
        old = request_obj.due_on
        request_obj.recompute_deadline(holiday_dates)
        if request_obj.due_on != old:
            request_obj.save(update_fields=["due_on"])
