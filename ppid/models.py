"""The public-information service (PPID) of UU 14/2008: its pages, the register of public information
(Daftar Informasi Publik, DIP), requests for information, objections and the working-day clock.

Pages (``PPIDIndexPage`` and its children) are bilingual content. Requests, objections, holidays and
the e-mail outbox are records handled by PPID staff in the admin (``ppid/records.py``, imported here); they
hold personal data (UU 27/2022), so only the PPID group and administrators have permissions on them
(``ppid/roles.py``). The vocabularies are in ``ppid/choices.py``.

Files of the register and of requests are kept in a private storage outside ``MEDIA_ROOT``
(``ppid/storage.py``): nothing in it has a public URL; every download goes through a view that checks
the rules (an exempt entry's documents are never served).
"""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField

from editorial.panels import page_panels
from home.blocks import BaseStreamBlock
from home.models import CityPage, RoutableCityPage, intro_field, summary_field
from ppid import clock, exports, register, report, views
from ppid.choices import (  # noqa: F401 - other modules, migrations and tests read the vocabularies here too
    DECIDED_STATUSES,
    OPEN_STATUSES,
    TRANSITIONS,
    Category,
    DeliveryMethod,
    ExemptionGround,
    IdentityType,
    InfoFormat,
    ObjectionReason,
    ObjectionStatus,
    ObtainMethod,
    RequestStatus,
)
from ppid.records import (  # noqa: F401 - the app's other models, registered with the pages
    Holiday,
    InformationRequest,
    Objection,
    OutboxEmail,
    RequestEvent,
    hash_token,
    holidays,
)
from ppid.storage import private_storage
from search.fields import SiteSearchField


class PPIDIndexPage(CityPage):
    """The PPID section: what the service is, with links to its profile, procedure, register and form."""

    intro = intro_field(
        _("A short introduction to the public-information service."), features=["bold", "italic", "link", "ul", "ol"]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "ppid.PPIDContentPage",
        "ppid.DIPRegisterPage",
        "ppid.InformationRequestPage",
        "ppid.PPIDReportPage",
    ]
    max_count = 1

    content_panels = page_panels(FieldPanel("intro"))

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific().order_by("path")
        return context

    class Meta:
        verbose_name = _("PPID section")


class PPIDContentPage(CityPage):
    """A PPID page of text: the profile (PPID and PPID Pembantu), the service procedure (SOP), contact."""

    summary = summary_field()
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's content: officials, duties, decree, service hours, fees, contact details."),
    )

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = []

    content_panels = page_panels(FieldPanel("summary"), FieldPanel("body"))

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("body", weight="C"),
    ]

    class Meta:
        verbose_name = _("PPID page")


class DIPRegisterPage(RoutableCityPage):
    """The list of public information (DIP): every entry, with filters and open-data downloads."""

    intro = intro_field(_("A short introduction above the register's filters."))

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = ["ppid.DIPEntryPage"]
    max_count = 1

    content_panels = page_panels(FieldPanel("intro"))

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(register.listing_context(self, request))  # filters and the page of entries
        return context

    @path("csv/", name="csv")
    def csv(self, request):
        """The (filtered) register as a CSV download in the visitor's language."""
        return exports.csv_response(self, request)

    @path("json/", name="json")
    def json(self, request):
        """The (filtered) register as JSON in the visitor's language."""
        return exports.json_response(self, request)

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


class DIPEntryPage(RoutableCityPage):
    """One entry of the public information register: what the information is, who holds it, its documents."""

    summary = summary_field(_("What the information is, in one or two sentences."))
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

    base_form_class = DIPEntryForm
    serve_select_related = ["opd"]

    content_panels = page_panels(
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
    )

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("period", weight="C"),
    ]
    search_filter_fields = ["category"]
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
        return views.dip_document(request, self, document_id)

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


class InformationRequestPage(RoutableCityPage):
    """The request form (permohonan informasi), and the private status page each requester gets a link to."""

    intro = intro_field(
        _("What a requester should know first: who may ask, what it costs, how long it takes."),
        features=["bold", "italic", "link", "ul", "ol"],
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

    content_panels = page_panels(
        FieldPanel("intro"),
        FieldPanel("privacy_notice"),
    )

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]

    @path("", name="form")
    def form_view(self, request):
        return views.request_form(request, self)

    @path("status/<str:token>/", name="status")
    def status_view(self, request, token):
        return views.request_status(request, self, token)

    @path("status/<str:token>/berkas/<int:event_id>/", name="event_file")
    def event_file_view(self, request, token, event_id):
        return views.event_file(request, self, token, event_id)

    class Meta:
        verbose_name = _("information request form")


class PPIDReportPage(CityPage):
    """A yearly service report: text, and the year's figures computed from the request records."""

    summary = summary_field()
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
        help_text=_("The report's text, and the signed report as a document."),
    )

    parent_page_types = ["ppid.PPIDIndexPage"]
    subpage_types = []

    content_panels = page_panels(
        FieldPanel("summary"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("show_figures")]),
        FieldPanel("body"),
    )

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("body", weight="C"),
    ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["figures"] = report.yearly_figures(self.year) if self.show_figures else None
        return context

    class Meta:
        verbose_name = _("PPID yearly report")
