"""The public-information service (PPID) of UU 14/2008: its pages, the register of public information
(Daftar Informasi Publik, DIP), requests for information, objections and the working-day clock.

Pages (``PPIDIndexPage`` and its children) are bilingual content. Requests, objections, holidays and
the e-mail outbox are records handled by PPID staff in the admin; they hold personal data (UU 27/2022),
so only the PPID group and administrators have permissions on them (``ppid/roles.py``).

Files of the register and of requests are kept in a private storage outside ``MEDIA_ROOT``
(``ppid/storage.py``): nothing in it has a public URL; every download goes through a view that checks
the rules (an exempt entry's documents are never served).
"""

import hashlib
import hmac
import secrets

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from editorial.panels import TranslationStatusPanel
from home.blocks import BaseStreamBlock
from home.models import BilingualPageMixin
from home.querysets import CityPageManager
from ppid import clock
from ppid.storage import private_storage
from search.fields import SiteSearchField, admin_search_fields


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


class PPIDIndexPage(BilingualPageMixin, Page):
    """The PPID section: what the service is, with links to its profile, procedure, register and form."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("A short introduction to the public-information service."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "ppid.PPIDContentPage",
        "ppid.DIPRegisterPage",
        "ppid.InformationRequestPage",
        "ppid.PPIDReportPage",
    ]
    max_count = 1

    objects = CityPageManager()

    content_panels = Page.content_panels + [TranslationStatusPanel(), FieldPanel("intro")]

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]
    search_fields = admin_search_fields(site_search_fields)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific().order_by("path")
        return context

    class Meta:
        verbose_name = _("PPID section")


class PPIDContentPage(BilingualPageMixin, Page):
    """A PPID page of text: the profile (PPID and PPID Pembantu), the service procedure (SOP), contact."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        use_json_field=True,
        help_text=_("The page's content: officials, duties, decree, service hours, fees, contact details."),
    )

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = []

    objects = CityPageManager()

    content_panels = Page.content_panels + [TranslationStatusPanel(), FieldPanel("summary"), FieldPanel("body")]

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("body", weight="C"),
    ]
    search_fields = admin_search_fields(site_search_fields)

    class Meta:
        verbose_name = _("PPID page")


class DIPRegisterPage(BilingualPageMixin, RoutablePageMixin, Page):
    """The list of public information (DIP): every entry, with filters and open-data downloads."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short introduction above the register's filters."),
    )

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = ["ppid.DIPEntryPage"]
    max_count = 1

    objects = CityPageManager()

    content_panels = Page.content_panels + [TranslationStatusPanel(), FieldPanel("intro")]

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]
    search_fields = admin_search_fields(site_search_fields)

    # ``listing_context(request)``, ``csv_response(request)`` and ``json_response(request)`` query this
    # module's models, so they live in ppid/register.py and exports.py, which PpidConfig.ready() attaches
    # here as methods.

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    @path("csv/", name="csv")
    def csv(self, request):
        """The (filtered) register as a CSV download in the visitor's language."""
        return self.csv_response(request)

    @path("json/", name="json")
    def json(self, request):
        """The (filtered) register as JSON in the visitor's language."""
        return self.json_response(request)

    class Meta:
        verbose_name = _("public information register (DIP)")


class DIPEntryForm(WagtailAdminPageForm):
    """An exempt entry needs its legal basis and consequence test; an OPD contributor may only choose
    their own OPD."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from ppid.permissions import editable_opds

        # A plain select (not the snippet chooser, which lists every OPD) so a contributor sees only theirs.

        if "opd" in self.fields and self.for_user is not None:
            allowed = editable_opds(self.for_user)
            if allowed is not None:
                self.fields["opd"].queryset = allowed

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("category") == Category.DIKECUALIKAN:
            if not cleaned.get("exemption_ground"):
                self.add_error("exemption_ground", _("An exempt entry needs the exemption it falls under."))
            if not (cleaned.get("legal_basis_ind") or "").strip():
                self.add_error("legal_basis_ind", _("An exempt entry needs its legal basis."))
            if not (cleaned.get("consequence_test_ind") or "").strip():
                self.add_error("consequence_test_ind", _("An exempt entry needs its consequence test."))
        return cleaned


class DIPEntryPage(BilingualPageMixin, RoutablePageMixin, Page):
    """One entry of the public information register: what the information is, who holds it, its documents."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("What the information is, in one or two sentences."),
    )
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=Category.choices,
        default=Category.SETIAP_SAAT,
        help_text=_("How the law makes it public. Documents of an exempt entry are never public."),
    )
    exemption_ground = models.CharField(
        _("exemption"),
        max_length=5,
        choices=ExemptionGround.choices,
        blank=True,
        help_text=_("Exempt entries only: the exemption of Art. 17 UU 14/2008 it falls under."),
    )
    legal_basis = models.TextField(
        _("legal basis"),
        blank=True,
        help_text=_("Exempt entries only: the law and article that exempt it, and the PPID's decree."),
    )
    consequence_test = models.TextField(
        _("consequence test"),
        blank=True,
        help_text=_("Exempt entries only: the harm disclosure would cause (uji konsekuensi), and for how long."),
    )
    opd = models.ForeignKey(
        "home.OPD",
        verbose_name=_("responsible OPD"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The agency that holds the information."),
    )
    person_in_charge = models.CharField(
        _("person in charge"),
        max_length=200,
        help_text=_("The official responsible for the information (name or position)."),
    )
    made_on = models.DateField(_("made on"), help_text=_("When the information was made or last updated."))
    period = models.CharField(
        _("period covered"),
        max_length=100,
        blank=True,
        help_text=_("The period the information covers, for example 2025 or January–June 2025."),
    )
    info_format = models.CharField(_("format"), max_length=10, choices=InfoFormat.choices, default=InfoFormat.SOFT)
    retention = models.CharField(
        _("retention period"),
        max_length=100,
        help_text=_("How long the information is kept, for example 5 years or permanently."),
    )

    parent_page_types = ["ppid.DIPRegisterPage"]
    subpage_types = []

    objects = CityPageManager()
    base_form_class = DIPEntryForm
    serve_select_related = ["opd"]

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("exemption_ground"),
                FieldPanel("legal_basis"),
                FieldPanel("consequence_test"),
            ],
            heading=_("Category"),
        ),
        MultiFieldPanel(
            [FieldPanel("opd", widget=forms.Select), FieldPanel("person_in_charge")],
            heading=_("Responsibility"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("made_on"), FieldPanel("period")]),
                FieldRowPanel([FieldPanel("info_format"), FieldPanel("retention")]),
            ],
            heading=_("Date, period, format and retention"),
        ),
    ]

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("period", weight="C"),
    ]
    search_fields = admin_search_fields(site_search_fields, filters=["category"])
    site_search_opd_field = "opd"
    site_search_date_field = "made_on"

    @property
    def is_exempt(self):
        return self.category == Category.DIKECUALIKAN

    @property
    def review_due(self):
        """Periodic (berkala) entries only: when the next update is due, six months after the last."""
        if self.category != Category.BERKALA or self.made_on is None:
            return None
        return clock.add_months(self.made_on, clock.PERIODIC_REVIEW_MONTHS)

    def public_documents(self):
        """The documents a visitor may download: none for an exempt entry."""
        if self.is_exempt:
            return DIPDocument.objects.none()
        return self.dip_documents.order_by("sort_order", "pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["documents"] = list(self.public_documents())
        return context

    @path("dokumen/<int:document_id>/", name="document")
    def document(self, request, document_id):
        """A document of this entry, from the private storage; never one of an exempt entry."""
        return self.document_response(request, document_id)  # ppid/views.py, attached by PpidConfig.ready()

    class Meta:
        verbose_name = _("public information entry")
        verbose_name_plural = _("public information entries")


class DIPDocument(models.Model):
    """A document of a register entry, kept in the private storage and served only through the entry's page
    (``DIPEntryPage.document``), which refuses it while the entry is exempt, a draft or not public."""

    entry = models.ForeignKey(
        DIPEntryPage, verbose_name=_("entry"), on_delete=models.CASCADE, related_name="dip_documents"
    )
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(_("file"), storage=private_storage, upload_to="dip/%Y/%m/")
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("register document")
        verbose_name_plural = _("register documents")
        ordering = ["entry", "sort_order", "pk"]

    def __str__(self):
        return self.title

    @property
    def extension(self):
        return self.file.name.rsplit(".", 1)[-1].upper() if "." in self.file.name else ""


class InformationRequestPage(BilingualPageMixin, RoutablePageMixin, Page):
    """The request form (permohonan informasi), and the private status page each requester gets a link to."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What a requester should know first: who may ask, what it costs, how long it takes."),
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Why personal data is asked for and how long it is kept (UU 27/2022)."),
    )

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = []
    max_count = 1

    objects = CityPageManager()

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
    ]

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]
    search_fields = admin_search_fields(site_search_fields)

    @path("", name="form")
    def form_view(self, request):
        # The form and status views (ppid/views.py) are attached by PpidConfig.ready(): they use these models.
        return self.request_form_response(request)

    @path("status/<str:token>/", name="status")
    def status_view(self, request, token):
        return self.request_status_response(request, token)

    @path("status/<str:token>/berkas/<int:event_id>/", name="event_file")
    def event_file_view(self, request, token, event_id):
        return self.event_file_response(request, token, event_id)

    class Meta:
        verbose_name = _("information request form")


class PPIDReportPage(BilingualPageMixin, Page):
    """A yearly service report: text, and the year's figures computed from the request records."""

    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2008), MaxValueValidator(2100)], help_text=_("The report's year.")
    )
    show_figures = models.BooleanField(
        _("publish the figures"),
        default=True,
        help_text=_("Show the year's request figures, computed from the records, on this page."),
    )
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        use_json_field=True,
        help_text=_("The report's text, and the signed report as a document."),
    )

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = []

    objects = CityPageManager()

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("show_figures")]),
        FieldPanel("body"),
    ]

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("body", weight="C"),
    ]
    search_fields = admin_search_fields(site_search_fields)

    # ``yearly_figures(year)`` (ppid/report.py) reads the requests, so PpidConfig.ready() attaches it here.

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = self.yearly_figures(self.year) if self.show_figures else None
        return context

    class Meta:
        verbose_name = _("PPID yearly report")


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
