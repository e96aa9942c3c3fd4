"""The PPID's records: requests for information, their handling steps, objections, holidays and the e-mail
outbox. They hold personal data (UU 27/2022), so only the PPID group and administrators have permissions on
them (``ppid/roles.py``); files are kept in the private storage (``ppid/storage.py``).

``ppid.models`` imports them with the pages, so the modules behind the pages' routes (the request views and
their handling, the yearly report) import the records from here and never import the page models.
"""

import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ppid import clock
from ppid.choices import (
    OPEN_STATUSES,
    DeliveryMethod,
    ExemptionGround,
    IdentityType,
    ObjectionReason,
    ObjectionStatus,
    ObtainMethod,
    RequestStatus,
)
from ppid.storage import private_storage


class Holiday(models.Model):
    """A public holiday or collective leave day (cuti bersama): not a working day on the statutory clock."""

    date = models.DateField(_("date"), unique=True)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("holiday")
        verbose_name_plural = _("holidays")
        ordering = ["date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.name}"


def holidays():
    """Every holiday date (a small table: a few dozen rows a year)."""
    return frozenset(Holiday.objects.values_list("date", flat=True))


def hash_token(token):
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class InformationRequest(models.Model):
    """A request for information (permohonan informasi publik) and where it stands on the statutory clock.

    Only the last four characters of the identity number are kept (data minimisation, UU 27/2022
    Pasal 16; see docs/ppid.md). The status link's token is kept only as a SHA-256 hash.
    """

    # NULL until the row exists (the number is made from its key), and unique once set.
    registration_number = models.CharField(  # noqa: DJ001
        _("registration number"), max_length=30, unique=True, null=True
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES, default="id")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("address"))
    identity_type = models.CharField(_("identity document"), max_length=20, choices=IdentityType.choices)
    identity_last4 = models.CharField(_("identity number (last four characters)"), max_length=4)
    information_requested = models.TextField(_("information requested"))
    purpose = models.TextField(_("purpose"))
    obtain_method = models.CharField(_("how to obtain it"), max_length=10, choices=ObtainMethod.choices)
    delivery_method = models.CharField(_("how to receive it"), max_length=10, choices=DeliveryMethod.choices)
    attachment = models.FileField(_("attachment"), storage=private_storage, upload_to="permohonan/%Y/%m/", blank=True)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices, default=RequestStatus.RECEIVED)
    received_at = models.DateTimeField(_("received at"), default=timezone.now)
    received_on = models.DateField(_("received on"))
    due_on = models.DateField(_("deadline"))
    extended = models.BooleanField(_("extended"), default=False)
    extension_reason = models.TextField(_("reason for the extension"), blank=True)
    decided_on = models.DateField(_("answered on"), null=True, blank=True)
    refusal_ground = models.CharField(
        _("exemption (refusals)"), max_length=5, choices=ExemptionGround.choices, blank=True
    )
    refusal_basis = models.TextField(_("legal basis of the refusal"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("information request")
        verbose_name_plural = _("information requests")
        ordering = ["-received_at"]
        indexes = [models.Index(fields=["status", "due_on"]), models.Index(fields=["received_on"])]

    def __str__(self):
        return self.registration_number or f"#{self.pk}"

    @classmethod
    def create(cls, **fields):
        """Save a new request with its registration number; returns ``(request, token)``.

        The token is returned once, for the requester's link, and only its hash is stored.
        """
        token = secrets.token_urlsafe(32)
        now = fields.pop("received_at", None) or timezone.now()
        received_on = timezone.localdate(now)
        with transaction.atomic():
            request = cls(
                token_hash=hash_token(token),
                received_at=now,
                received_on=received_on,
                due_on=clock.request_deadline(received_on, holidays()),
                **fields,
            )
            request.save()
            request.registration_number = f"PPID/{received_on.year}/{request.pk:05d}"
            request.save(update_fields=["registration_number"])
        return request, token

    @classmethod
    def find_by_token(cls, token):
        """The request whose link carries ``token``, or None (the stored hash is compared in constant time)."""
        if not token or len(token) > 100:
            return None
        digest = hash_token(token)
        request = cls.objects.filter(token_hash=digest, anonymised_at__isnull=True).first()
        if request is None or not hmac.compare_digest(request.token_hash, digest):
            return None
        return request

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    def recompute_deadline(self, holiday_dates=None):
        holiday_dates = holidays() if holiday_dates is None else holiday_dates
        self.due_on = clock.request_deadline(self.received_on, holiday_dates, extended=self.extended)

    def urgency(self, today=None, holiday_dates=None):
        """``"overdue"``, ``"near"`` or ``"ok"`` while open; ``"ok"`` once decided."""
        if not self.is_open:
            return "ok"
        today = today or timezone.localdate()
        return clock.urgency(today, self.due_on, holidays() if holiday_dates is None else holiday_dates)

    def objection_start(self, today=None):
        """The date the objection period starts from: the decision, or the missed deadline; None if neither."""
        today = today or timezone.localdate()
        if self.decided_on:
            return self.decided_on
        if self.is_open and today > self.due_on:
            return self.due_on
        return None

    def objection_deadline(self, today=None, holiday_dates=None):
        start = self.objection_start(today)
        if start is None:
            return None
        return clock.objection_filing_deadline(start, holidays() if holiday_dates is None else holiday_dates)

    def may_object(self, today=None, holiday_dates=None):
        """True when the requester may still file an objection (one per request)."""
        today = today or timezone.localdate()
        deadline = self.objection_deadline(today, holiday_dates)
        return deadline is not None and today <= deadline and not self.objections.exists()


class RequestEvent(models.Model):
    """One step of a request's handling, with the message and file the requester sees on the status page."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="events")
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=RequestStatus.choices)
    extension = models.BooleanField(_("extension"), default=False)
    message = models.TextField(_("message to the requester"), blank=True)
    file = models.FileField(
        _("file for the requester"), storage=private_storage, upload_to="jawaban/%Y/%m/", blank=True
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("request step")
        verbose_name_plural = _("request steps")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.request} {self.created_at:%Y-%m-%d} {self.get_status_display()}"


class Objection(models.Model):
    """An objection (keberatan) to the PPID's superior, filed from the status link; answered within
    30 working days."""

    request = models.ForeignKey(InformationRequest, on_delete=models.CASCADE, related_name="objections")
    reason = models.CharField(_("reason"), max_length=5, choices=ObjectionReason.choices)
    details = models.TextField(_("details"))
    filed_at = models.DateTimeField(_("filed at"), default=timezone.now)
    filed_on = models.DateField(_("filed on"))
    due_on = models.DateField(_("deadline"))
    status = models.CharField(
        _("status"), max_length=10, choices=ObjectionStatus.choices, default=ObjectionStatus.RECEIVED
    )
    response = models.TextField(_("response"), blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["-filed_at"]

    def __str__(self):
        return f"{self.request} – {self.get_reason_display()}"

    def save(self, *args, **kwargs):
        if not self.filed_on:
            self.filed_on = timezone.localdate(self.filed_at)
        if not self.due_on:
            self.due_on = clock.objection_answer_deadline(self.filed_on, holidays())
        super().save(*args, **kwargs)

    def urgency(self, today=None, holiday_dates=None):
        if self.status != ObjectionStatus.RECEIVED:
            return "ok"
        today = today or timezone.localdate()
        return clock.urgency(today, self.due_on, holidays() if holiday_dates is None else holiday_dates)


class OutboxEmail(models.Model):
    """An e-mail to a requester, saved with the change that causes it and sent after the commit.

    A failed send stays here with its error and is retried by ``manage.py send_ppid_outbox``; staff see
    failures in the admin and on the dashboard. The body is cleared once sent (it may hold the private
    status link).
    """

    request = models.ForeignKey(
        InformationRequest, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=250)
    body = models.TextField(_("body"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject

    @property
    def failed(self):
        return self.sent_at is None and self.attempts > 0
