"""The public forms (request, objection) and the staff's handling form, with the site's upload rules.

The request pages' routes use them and ``ppid.models`` imports those routes, so this module imports no model
(the admin form of a register document, a model form, is in ``ppid/admin_forms.py``).
"""

import os

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ppid.choices import (
    DECIDED_STATUSES,
    TRANSITIONS,
    DeliveryMethod,
    ExemptionGround,
    IdentityType,
    ObjectionReason,
    ObtainMethod,
    RequestStatus,
)

# Files a requester or staff may attach: documents and scans, nothing executable or macro-enabled.
UPLOAD_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "odt", "docx", "txt")


def validate_upload(upload):
    """The upload rules: an allowed extension and at most ``PPID_MAX_UPLOAD_MB`` megabytes."""
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    if extension not in UPLOAD_EXTENSIONS:
        raise ValidationError(
            _("This type of file is not accepted. Allowed: %(extensions)s."),
            params={"extensions": ", ".join(UPLOAD_EXTENSIONS)},
            code="extension",
        )
    limit = settings.PPID_MAX_UPLOAD_MB
    if upload.size > limit * 1024 * 1024:
        raise ValidationError(_("The file is too large: at most %(limit)s MB."), params={"limit": limit}, code="size")


class RequestForm(forms.Form):
    """The request for information (permohonan informasi publik), as UU 14/2008 Pasal 22 asks it."""

    name = forms.CharField(label=_("Full name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"), required=False, help_text=_("We send the status link here."))
    phone = forms.CharField(label=_("Phone or WhatsApp"), max_length=40, required=False)
    address = forms.CharField(label=_("Address"), widget=forms.Textarea(attrs={"rows": 3}), max_length=1000)
    identity_type = forms.ChoiceField(label=_("Identity document"), choices=IdentityType.choices)
    identity_number = forms.CharField(
        label=_("Identity document number"),
        max_length=40,
        help_text=_("Required by law. We keep only its last four characters."),
    )
    information_requested = forms.CharField(
        label=_("Information requested"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )
    purpose = forms.CharField(
        label=_("Purpose of the request"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000
    )
    obtain_method = forms.ChoiceField(
        label=_("How do you want to obtain the information?"), choices=ObtainMethod.choices, widget=forms.RadioSelect
    )
    delivery_method = forms.ChoiceField(
        label=_("How do you want to receive it?"), choices=DeliveryMethod.choices, widget=forms.RadioSelect
    )
    attachment = forms.FileField(
        label=_("Attachment (optional)"),
        required=False,
        validators=[validate_upload],
    )
    # The honeypot: hidden from people (CSS and aria-hidden), filled in by form-filling robots.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Here rather than on the field: the limit is a setting, and the text is in the request's language.
        self.fields["attachment"].help_text = _("A supporting document: PDF, image or text, at most %(limit)s MB.") % {
            "limit": settings.PPID_MAX_UPLOAD_MB
        }

    def clean_identity_number(self):
        value = "".join(self.cleaned_data["identity_number"].split())
        if len(value) < 4:
            raise ValidationError(_("Enter the whole identity document number."), code="short")
        return value

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("email") and not (cleaned.get("phone") or "").strip():
            raise ValidationError(_("Give an e-mail address or a phone number, so we can reach you."), code="contact")
        if cleaned.get("delivery_method") == DeliveryMethod.EMAIL and not cleaned.get("email"):
            self.add_error("email", _("Give an e-mail address to receive the information by e-mail."))
        return cleaned

    @property
    def is_spam(self):
        return bool(self.data.get("website"))


class ObjectionForm(forms.Form):
    """An objection (keberatan) for one of the reasons of Pasal 35 ayat (1)."""

    reason = forms.ChoiceField(
        label=_("Reason for the objection"), choices=ObjectionReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Explain your objection"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000
    )


class HandleRequestForm(forms.Form):
    """A step in handling a request: a new status, an extension, or a message, each with an optional file."""

    status = forms.ChoiceField(label=_("New status"), required=False)
    extend = forms.BooleanField(label=_("Extend the deadline by 7 working days"), required=False)
    extension_reason = forms.CharField(
        label=_("Reason for the extension"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    refusal_ground = forms.ChoiceField(
        label=_("Exemption (for a refusal)"), required=False, choices=[("", "---------"), *ExemptionGround.choices]
    )
    refusal_basis = forms.CharField(
        label=_("Legal basis of the refusal"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    message = forms.CharField(
        label=_("Message to the requester"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    file = forms.FileField(label=_("File for the requester"), required=False, validators=[validate_upload])

    def __init__(self, *args, request_obj, **kwargs):
        super().__init__(*args, **kwargs)
        self.request_obj = request_obj
        following = TRANSITIONS.get(RequestStatus(request_obj.status), ())
        if following:
            self.fields["status"].choices = [("", _("(unchanged)")), *[(s.value, s.label) for s in following]]
        else:  # decided: only a message or a file may follow
            for name in ("status", "refusal_ground", "refusal_basis"):
                del self.fields[name]
        if request_obj.extended or not request_obj.is_open:
            del self.fields["extend"]
            del self.fields["extension_reason"]

    def clean(self):
        cleaned = super().clean()
        status = cleaned.get("status")
        if status == RequestStatus.REFUSED:
            if not cleaned.get("refusal_ground"):
                self.add_error("refusal_ground", _("A refusal needs the exemption it rests on."))
            if not (cleaned.get("refusal_basis") or "").strip():
                self.add_error("refusal_basis", _("A refusal needs its legal basis."))
        if cleaned.get("extend") and not (cleaned.get("extension_reason") or "").strip():
            self.add_error("extension_reason", _("An extension needs a written reason."))
        if cleaned.get("extend") and status in DECIDED_STATUSES:
            self.add_error("extend", _("A decided request cannot be extended."))
        if (
            not status
            and not cleaned.get("extend")
            and not (cleaned.get("message") or "").strip()
            and not cleaned.get("file")
        ):
            raise ValidationError(_("Choose a new status, an extension, or write a message."), code="empty")
        return cleaned


class AnswerObjectionForm(forms.Form):
    response = forms.CharField(label=_("Answer to the objection"), widget=forms.Textarea(attrs={"rows": 5}))
