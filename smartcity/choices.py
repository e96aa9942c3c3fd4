"""The masterplan's fixed vocabularies: dimensions, horizons, statuses, funding sources, partner types.

Codes are shared across languages (they appear in URLs, filters and exports); labels are translated.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Dimension(models.TextChoices):
    """The six dimensions of the Gerakan Menuju 100 Smart City masterplan guide."""

    GOVERNANCE = "governance", _("Smart governance")
    BRANDING = "branding", _("Smart branding")
    ECONOMY = "economy", _("Smart economy")
    LIVING = "living", _("Smart living")
    SOCIETY = "society", _("Smart society")
    ENVIRONMENT = "environment", _("Smart environment")


class Horizon(models.TextChoices):
    QUICK_WIN = "quick-win", _("Quick win")
    SHORT = "short", _("Short term")
    MEDIUM = "medium", _("Medium term")
    LONG = "long", _("Long term")


class Status(models.TextChoices):
    """The city's own reporting categories for programme progress."""

    PLANNED = "planned", _("Planned")
    IN_DISCUSSION = "in-discussion", _("In discussion")
    RUNNING = "running", _("Running")
    COMPLETED = "completed", _("Completed")
    POSTPONED = "postponed", _("Postponed")
    DISCONTINUED = "discontinued", _("Discontinued")


class FundingSource(models.TextChoices):
    APBD_KOTA = "apbd-kota", _("City budget (APBD Kota)")
    APBD_PROVINSI = "apbd-provinsi", _("Provincial budget (APBD Provinsi)")
    APBN = "apbn", _("National budget (APBN)")
    DAK_FISIK = "dak-fisik", _("Special allocation fund, physical (DAK Fisik)")
    DAK_NON_FISIK = "dak-non-fisik", _("Special allocation fund, non-physical (DAK Non-Fisik)")
    DID = "did", _("Regional incentive fund (DID)")
    HIBAH = "hibah", _("Grant (hibah)")
    CSR = "csr", _("Corporate social responsibility (CSR)")
    KPBU = "kpbu", _("Public-private partnership (KPBU)")
    SWADAYA = "swadaya", _("Community self-funding (swadaya)")
    OTHER = "other", _("Other")


class BudgetKind(models.TextChoices):
    PLANNED = "planned", _("Planned")
    REALISED = "realised", _("Realised")


class PartnerType(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    BUMN = "bumn", _("State-owned enterprise (BUMN)")
    UNIVERSITY = "university", _("University")
    BANK = "bank", _("Bank")
    PRIVATE = "private", _("Private company")
    COMMUNITY = "community", _("Community")
    OTHER = "other", _("Other")
