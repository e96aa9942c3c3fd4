"""The PPID's vocabularies (UU 14/2008): information categories and formats, exemptions, how a request is
made and answered, its statuses and which may follow which, and the reasons for an objection.

Plain values: the page models, the request records, the register's filters, the forms and the handling of
requests import them from here without importing one another.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    """The four kinds of public information in UU 14/2008 (Pasal 9, 10, 11 and 17)."""

    BERKALA = "berkala", _("Published periodically (berkala)")
    SERTA_MERTA = "serta-merta", _("Published immediately (serta-merta)")
    SETIAP_SAAT = "setiap-saat", _("Available at any time (tersedia setiap saat)")
    DIKECUALIKAN = "dikecualikan", _("Exempt (dikecualikan)")


class InfoFormat(models.TextChoices):
    SOFT = "softcopy", _("Soft copy")
    HARD = "hardcopy", _("Hard copy")
    BOTH = "both", _("Soft and hard copy")


class ExemptionGround(models.TextChoices):
    """The exemptions of Pasal 17 UU 14/2008 (letters a to j): grounds for an exempt entry or a refusal."""

    LAW_ENFORCEMENT = "17a", _("Art. 17(a): would obstruct law enforcement")
    INTELLECTUAL_PROPERTY = "17b", _("Art. 17(b): intellectual property or unfair competition")
    DEFENCE = "17c", _("Art. 17(c): state defence and security")
    NATURAL_WEALTH = "17d", _("Art. 17(d): Indonesia's natural wealth")
    ECONOMY = "17e", _("Art. 17(e): national economic resilience")
    FOREIGN_RELATIONS = "17f", _("Art. 17(f): foreign relations")
    WILLS = "17g", _("Art. 17(g): authentic deeds of a personal nature and wills")
    PRIVACY = "17h", _("Art. 17(h): personal secrets")
    MEMORANDA = "17i", _("Art. 17(i): memoranda or letters within or between public bodies")
    BY_LAW = "17j", _("Art. 17(j): information that a law says may not be disclosed")


class IdentityType(models.TextChoices):
    KTP = "ktp", _("Identity card (KTP)")
    SIM = "sim", _("Driving licence (SIM)")
    PASSPORT = "paspor", _("Passport")
    KITAS = "kitas", _("Residence permit (KITAS/KITAP)")
    LEGAL_ENTITY = "badan-hukum", _("Deed of a legal entity (akta badan hukum)")


class ObtainMethod(models.TextChoices):
    """Pasal 4 ayat (2) UU 14/2008: to see and know, or to get a copy."""

    VIEW = "lihat", _("See, read, listen to or take notes")
    COPY = "salinan", _("Get a copy (soft or hard copy)")


class DeliveryMethod(models.TextChoices):
    PICKUP = "ambil", _("Pick up in person")
    POST = "pos", _("By post")
    EMAIL = "email", _("By e-mail")


class RequestStatus(models.TextChoices):
    RECEIVED = "diterima", _("Received")
    IN_PROCESS = "diproses", _("In process")
    ANSWERED_FULL = "dipenuhi", _("Answered: information given in full")
    ANSWERED_PARTIAL = "sebagian", _("Answered: information given in part")
    REFUSED = "ditolak", _("Refused")


OPEN_STATUSES = (RequestStatus.RECEIVED, RequestStatus.IN_PROCESS)
DECIDED_STATUSES = (RequestStatus.ANSWERED_FULL, RequestStatus.ANSWERED_PARTIAL, RequestStatus.REFUSED)
# Which status may follow which (a decision is final; an objection is the requester's remedy).
TRANSITIONS = {
    RequestStatus.RECEIVED: (RequestStatus.IN_PROCESS, *DECIDED_STATUSES),
    RequestStatus.IN_PROCESS: DECIDED_STATUSES,
}


class ObjectionReason(models.TextChoices):
    """The reasons for an objection listed in Pasal 35 ayat (1) UU 14/2008, letters a to g."""

    REFUSED_EXEMPTION = "35a", _("The request was refused on the grounds of an exemption (Art. 17)")
    PERIODIC_NOT_PUBLISHED = "35b", _("Periodic information (Art. 9) was not published")
    NOT_RESPONDED = "35c", _("The request was not responded to")
    NOT_AS_REQUESTED = "35d", _("The request was answered, but not as asked")
    NOT_FULFILLED = "35e", _("The request was not fulfilled")
    UNREASONABLE_FEE = "35f", _("An unreasonable fee was charged")
    LATE = "35g", _("The information was given later than the law allows")


class ObjectionStatus(models.TextChoices):
    RECEIVED = "diterima", _("Received")
    ANSWERED = "dijawab", _("Answered")
