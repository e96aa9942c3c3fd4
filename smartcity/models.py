"""The smart city masterplan: the masterplan (index), its six dimensions and their programmes."""

from collections import defaultdict
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.signals import post_page_move

from editorial.panels import page_panels
from home.models import OPD, CityPage, RoutableCityPage, summary_field
from search.fields import SiteSearchField
from serving import routing
from smartcity import charts, listing
from smartcity.choices import BudgetKind, Dimension, FundingSource, Horizon, PartnerType, Status
from smartcity.forms import DimensionPageForm, ProgrammePageForm

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


def _year_validators():
    from django.core.validators import MaxValueValidator, MinValueValidator

    return [MinValueValidator(2000), MaxValueValidator(2100)]


class SmartCityIndexPage(RoutableCityPage):
    """The smart city masterplan: vision, legal basis, RPJMD alignment, progress board and programme list."""

    summary = summary_field()
    vision = models.TextField(_("vision"), help_text=_("The city's vision that the masterplan translates."))
    period_start = models.PositiveSmallIntegerField(
        _("masterplan starts"), validators=_year_validators(), help_text=_("First year of the masterplan.")
    )
    period_end = models.PositiveSmallIntegerField(
        _("masterplan ends"), validators=_year_validators(), help_text=_("Last year of the masterplan.")
    )
    legal_basis = RichTextField(
        _("legal basis"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The regulation that sets the masterplan. Give a decree number only as published in the JDIH."),
    )
    rpjmd_period = models.CharField(_("RPJMD period"), max_length=20, blank=True, help_text=_("For example 2018–2023."))
    rpjmd_alignment = RichTextField(
        _("alignment with the RPJMD"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("How the masterplan follows the medium-term development plan and national direction."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["smartcity.SmartCityDimensionPage"]

    content_panels = page_panels(
        FieldPanel("summary"),
        FieldPanel("vision"),
        FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")], heading=_("Masterplan period")),
        FieldPanel("legal_basis"),
        MultiFieldPanel([FieldPanel("rpjmd_period"), FieldPanel("rpjmd_alignment")], heading=_("RPJMD")),
    )

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("vision", weight="B"),
    ]
    site_search_structural = True  # found by its title alone, below content pages

    class Meta:
        verbose_name = _("smart city masterplan")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The masterplan cannot end before it starts.")})

    # Queries -----------------------------------------------------------------------------------

    def programmes(self):
        """The live, public programmes of this masterplan (one query for view restrictions, run now)."""
        return SmartCityProgrammePage.objects.listed(self)

    def dimension_pages(self):
        return SmartCityDimensionPage.objects.child_of(self).live().public().order_by("path")

    def filter_choices(self):
        """The values each query-string filter accepts, and their labels."""
        lead_opds = sorted(
            OPD.objects.filter(pk__in=self.programmes().values("lead_opd_id")), key=lambda opd: opd.acronym.casefold()
        )
        return {
            "dimension": list(Dimension.choices),
            "horizon": list(Horizon.choices),
            "status": list(Status.choices),
            "opd": [(opd.slug, opd.acronym) for opd in lead_opds],
            "source": list(FundingSource.choices),
        }

    # Views: the listing, its board and the exports live in smartcity/listing.py ------------------

    @path("")
    def index_view(self, request):
        return self.render(request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(listing.masterplan_context(self, request))
        return context

    def get_cached_paths(self):
        """Every route a CDN may keep (serving/cdn.py): the masterplan with its board, and the exports."""
        return ["/", "export/programmes/csv/", "export/budget-lines/csv/", "export/indicators/csv/", "export/json/"]

    @path("export/programmes/csv/", name="export_programmes_csv")
    def export_programmes_csv(self, request):
        return listing.export_response(self, request, "programmes")

    @path("export/budget-lines/csv/", name="export_budget_csv")
    def export_budget_csv(self, request):
        return listing.export_response(self, request, "budget-lines")

    @path("export/indicators/csv/", name="export_indicators_csv")
    def export_indicators_csv(self, request):
        return listing.export_response(self, request, "indicators")

    @path("export/json/", name="export_json")
    def export_json(self, request):
        return listing.export_response(self, request, "json")


class SmartCityDimensionPage(CityPage):
    """One of the six dimensions, with its description and its programmes."""

    dimension = models.CharField(
        _("dimension"),
        max_length=20,
        choices=Dimension.choices,
        help_text=_("Which of the six masterplan dimensions this page describes; each appears once."),
    )
    summary = summary_field()
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What this dimension covers in Tanjungpinang and what it aims for."),
    )

    parent_page_types = ["smartcity.SmartCityIndexPage"]
    subpage_types = ["smartcity.SmartCityProgrammePage"]

    content_panels = page_panels(
        FieldPanel("dimension"),
        FieldPanel("summary"),
        FieldPanel("description"),
    )

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("description", weight="C"),
    ]

    base_form_class = DimensionPageForm

    class Meta:
        verbose_name = _("smart city dimension")

    def __str__(self):
        return self.title

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = (
            SmartCityProgrammePage.objects.child_of(self).live().public().select_related("lead_opd").order_by("path")
        )
        return context


class SmartCityProgrammePage(CityPage):
    """A masterplan programme: who leads it, how it is funded, how far it has come."""

    programme_code = models.CharField(
        _("programme code"),
        max_length=30,
        blank=True,
        help_text=_("The code in the masterplan's programme table, for traceability."),
    )
    summary = summary_field()
    dimension = models.CharField(
        _("dimension"),
        max_length=20,
        choices=Dimension.choices,
        editable=False,
        db_index=True,
        help_text=_("Taken from the dimension page the programme sits under."),
    )
    secondary_dimensions = ParentalManyToManyField(
        "smartcity.SmartCityDimensionPage",
        verbose_name=_("secondary dimensions"),
        blank=True,
        related_name="secondary_programmes",
        help_text=_("Other dimensions this programme also contributes to."),
    )
    horizon = models.CharField(
        _("horizon"),
        max_length=20,
        choices=Horizon.choices,
        db_index=True,
        help_text=_("When results are expected: quick win, short, medium or long term."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.PLANNED,
        db_index=True,
        help_text=_("The current status. Record each change, with its date and a note, in the status history."),
    )
    lead_opd = models.ForeignKey(
        "home.OPD",
        verbose_name=_("lead OPD"),
        on_delete=models.PROTECT,
        related_name="led_smartcity_programmes",
        help_text=_("The agency responsible for the programme."),
    )
    supporting_opds = ParentalManyToManyField(
        "home.OPD",
        verbose_name=_("supporting OPDs"),
        blank=True,
        related_name="supported_smartcity_programmes",
        help_text=_("Other agencies that take part in the programme."),
    )
    legal_basis_documents = ParentalManyToManyField(
        "jdih.LegalDocumentPage",
        verbose_name=_("legal basis"),
        blank=True,
        related_name="cited_by_programmes",
        help_text=_("The regulations and decrees the programme rests on, from the legal documents register (JDIH)."),
    )
    problem_statement = RichTextField(
        _("problem statement"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("The problem the programme solves, with evidence where possible."),
    )
    description = RichTextField(
        _("description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the programme does, in plain language."),
    )
    beneficiaries = models.TextField(
        _("beneficiaries"), blank=True, help_text=_("Who benefits, for example: residents, small businesses, visitors.")
    )
    location = models.TextField(
        _("location"), blank=True, help_text=_("Where the programme runs: city-wide, a kecamatan, kelurahan or site.")
    )
    start_year = models.PositiveSmallIntegerField(
        _("start year"),
        null=True,
        blank=True,
        validators=_year_validators(),
        help_text=_("The first year of the programme."),
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"),
        null=True,
        blank=True,
        validators=_year_validators(),
        help_text=_("The last planned year; leave empty if it continues."),
    )
    rpjmd_period = models.CharField(_("RPJMD period"), max_length=20, blank=True, help_text=_("For example 2018–2023."))
    rpjmd_mission = models.TextField(
        _("RPJMD mission"), blank=True, help_text=_("The RPJMD mission the programme serves, as written in the RPJMD.")
    )
    rpjmd_programme = models.CharField(
        _("RPJMD programme"),
        max_length=255,
        blank=True,
        help_text=_("The RPJMD programme name, as written in the RPJMD."),
    )
    rpjmd_programme_code = models.CharField(
        _("RPJMD programme code"), max_length=40, blank=True, help_text=_("As in the Permendagri nomenclature.")
    )
    illustrative_data = models.BooleanField(
        _("illustrative figures"),
        default=False,
        help_text=_("Tick when the status, budget and indicator figures are examples, not official data."),
    )

    parent_page_types = ["smartcity.SmartCityDimensionPage"]
    subpage_types = []

    # What the programme's template shows, fetched with the page when it is served.
    serve_select_related = ["lead_opd"]

    content_panels = page_panels(
        FieldPanel("summary"),
        FieldPanel("programme_code"),
        MultiFieldPanel(
            [
                FieldPanel("secondary_dimensions", widget=forms.CheckboxSelectMultiple),
                FieldPanel("horizon"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Place in the masterplan"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), InlinePanel("status_history", label=_("Status change"))],
            heading=_("Status"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("lead_opd"),
                FieldPanel("supporting_opds", widget=forms.CheckboxSelectMultiple),
                InlinePanel("partners", label=_("Partner")),
            ],
            heading=_("Who carries it out"),
        ),
        FieldPanel("legal_basis_documents"),
        FieldPanel("problem_statement"),
        FieldPanel("description"),
        FieldPanel("beneficiaries"),
        FieldPanel("location"),
        InlinePanel("budget_lines", heading=_("Budget"), label=_("Budget line")),
        MultiFieldPanel(
            [
                InlinePanel("indicators", label=_("Indicator")),
                InlinePanel("indicator_values", label=_("Yearly target and realisation")),
            ],
            heading=_("Indicators"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("rpjmd_period"),
                FieldPanel("rpjmd_mission"),
                FieldPanel("rpjmd_programme"),
                FieldPanel("rpjmd_programme_code"),
            ],
            heading=_("RPJMD alignment"),
        ),
        FieldPanel("illustrative_data"),
    )

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("programme_code", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("problem_statement", weight="C"),
        SiteSearchField("description", weight="C"),
        SiteSearchField("beneficiaries", weight="C"),
    ]
    search_filter_fields = ["dimension", "horizon", "status"]
    site_search_opd_field = "lead_opd"

    base_form_class = ProgrammePageForm

    class Meta:
        verbose_name = _("smart city programme")

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The programme cannot end before it starts.")})

    def save(self, *args, **kwargs):
        # The primary dimension is the dimension page the programme sits under.
        if self.depth and self.path:
            parent = self.get_parent()
            if parent is not None and parent.specific_class is SmartCityDimensionPage:
                self.dimension = parent.specific.dimension
        return super().save(*args, **kwargs)

    @property
    def is_quick_win(self):
        return self.horizon == Horizon.QUICK_WIN

    def dimension_page(self):
        """The dimension page the programme sits under (known from routing when the page was served)."""
        routed = routing.routed_ancestors(self)
        return routed[-1] if routed else self.get_parent()

    def cached_listings(self):
        """The other pages whose routes list this programme (for the CDN purge, serving/cdn.py): its
        dimension page, and the masterplan with its progress board and exports."""
        listings = [(parent, None) for parent in [self.get_parent()] if parent is not None]
        masterplan = SmartCityIndexPage.objects.ancestor_of(self).first()
        if masterplan is not None:
            listings.append((masterplan, None))
        return listings

    def indicator_series(self):
        """Each indicator with its yearly values, in year order."""
        values = defaultdict(list)
        for value in sorted(self.indicator_values.all(), key=lambda v: v.year):
            values[value.indicator_key].append(value)
        return [(indicator, values.get(indicator.key, [])) for indicator in self.indicators.all()]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        budget_lines = sorted(self.budget_lines.all(), key=lambda line: (line.fiscal_year, line.source, line.kind))
        totals = {kind: sum(line.amount for line in budget_lines if line.kind == kind) for kind in BudgetKind.values}
        context.update(
            {
                "budget_lines": budget_lines,
                "budget_planned": totals[BudgetKind.PLANNED],
                "budget_realised": totals[BudgetKind.REALISED],
                "indicators": [
                    {"indicator": indicator, "values": values, "chart": charts.indicator_chart(indicator, values)}
                    for indicator, values in self.indicator_series()
                ],
                "status_history": sorted(self.status_history.all(), key=lambda change: change.date, reverse=True),
                "supporting_opds": self.supporting_opds.all(),
                "secondary_dimension_pages": self.secondary_dimensions.all(),
                "dimension_page": self.dimension_page(),
            }
        )
        return context


@receiver(post_page_move, sender=SmartCityProgrammePage)
def _keep_dimension_after_move(sender, instance, parent_page_after, **kwargs):
    """A programme moved to another dimension page takes that page's dimension."""
    parent = parent_page_after.specific
    if isinstance(parent, SmartCityDimensionPage):
        SmartCityProgrammePage.objects.filter(pk=instance.pk).update(dimension=parent.dimension)


class ProgrammeStatusChange(Orderable):
    """One dated entry in a programme's status history."""

    page = ParentalKey(SmartCityProgrammePage, on_delete=models.CASCADE, related_name="status_history")
    date = models.DateField(_("date"), help_text=_("When the status changed."))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, help_text=_("The status from that date.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What changed and why, for example why it was delayed."))

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("status")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("status change")
        verbose_name_plural = _("status history")


class ProgrammePartner(Orderable):
    """An organisation outside the city government that takes part in a programme."""

    page = ParentalKey(SmartCityProgrammePage, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200, help_text=_("The organisation's full name."))
    partner_type = models.CharField(
        _("type"), max_length=20, choices=PartnerType.choices, help_text=_("The kind of organisation.")
    )
    role = models.CharField(_("role"), max_length=255, blank=True, help_text=_("What the partner contributes."))

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("partner_type")]), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.name


class ProgrammeBudgetLine(Orderable):
    """Money for a programme in one fiscal year from one source, planned or realised, in whole rupiah."""

    page = ParentalKey(SmartCityProgrammePage, on_delete=models.CASCADE, related_name="budget_lines")
    fiscal_year = models.PositiveSmallIntegerField(
        _("fiscal year"), validators=_year_validators(), help_text=_("The budget year (tahun anggaran).")
    )
    source = models.CharField(
        _("funding source"),
        max_length=20,
        choices=FundingSource.choices,
        help_text=_("Where the money comes from, for example the city budget (APBD)."),
    )
    amount = models.BigIntegerField(
        _("amount (Rp)"), help_text=_("In whole rupiah, without dots or commas, for example 1250000000.")
    )
    kind = models.CharField(
        _("planned or realised"),
        max_length=10,
        choices=BudgetKind.choices,
        help_text=_("Planned (allocated) or realised (spent)."),
    )

    panels = [
        FieldRowPanel([FieldPanel("fiscal_year"), FieldPanel("source"), FieldPanel("amount"), FieldPanel("kind")])
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def clean(self):
        super().clean()
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": _("The amount cannot be negative.")})


class ProgrammeIndicator(Orderable):
    """A measurable indicator of a programme; its yearly targets and realisations refer to its key."""

    page = ParentalKey(SmartCityProgrammePage, on_delete=models.CASCADE, related_name="indicators")
    key = models.SlugField(
        _("key"),
        max_length=20,
        help_text=_("A short code, unique within the programme (for example I1); yearly values refer to it."),
    )
    name = models.CharField(
        _("name"), max_length=255, help_text=_("What is measured, for example: share of services online.")
    )
    unit = models.CharField(_("unit"), max_length=60, help_text=_("For example: percent, services, households."))
    baseline = models.DecimalField(
        _("baseline"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The value before the programme started."),
    )
    baseline_year = models.PositiveSmallIntegerField(
        _("baseline year"),
        null=True,
        blank=True,
        validators=_year_validators(),
        help_text=_("The year of the baseline value."),
    )
    data_source = models.CharField(
        _("data source"),
        max_length=255,
        blank=True,
        help_text=_("Where the figures come from, for example: BPS or the OPD's report."),
    )

    panels = [
        FieldRowPanel([FieldPanel("key"), FieldPanel("name")]),
        FieldPanel("unit"),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("baseline_year")]),
        FieldPanel("data_source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class ProgrammeIndicatorValue(Orderable):
    """The target and the realisation of one indicator in one year."""

    page = ParentalKey(SmartCityProgrammePage, on_delete=models.CASCADE, related_name="indicator_values")
    indicator_key = models.SlugField(
        _("indicator key"), max_length=20, help_text=_("The key of the indicator this value belongs to.")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=_year_validators(), help_text=_("The year of this target and realisation.")
    )
    target = models.DecimalField(
        _("target"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("The value planned for the year."),
    )
    realisation = models.DecimalField(
        _("realisation"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Leave empty until the year's figure is known."),
    )

    panels = [
        FieldRowPanel(
            [FieldPanel("indicator_key"), FieldPanel("year"), FieldPanel("target"), FieldPanel("realisation")]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("yearly target and realisation")
        verbose_name_plural = _("yearly targets and realisations")

    @property
    def achievement(self):
        """Realisation as a percentage of target, or None."""
        if self.target in (None, Decimal(0)) or self.realisation is None:
            return None
        return (self.realisation / self.target * 100).quantize(Decimal("0.1"))
