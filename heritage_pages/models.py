"""The heritage register (kota pusaka): the index with map and open data, and one page per site.

Fields follow UU 11/2010 on cultural heritage, so each page says what a site legally is:
only a designated (ditetapkan) object is called cagar budaya.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from editorial.panels import editor_tabs, page_panels
from heritage_pages import choices, exports, filters, plaque, related
from heritage_pages.blocks import HistoryStreamBlock
from heritage_pages.choices import (
    STATUS_EXPLANATIONS,
    Category,
    Condition,
    Kecamatan,
    LegalStatus,
    Level,
    Ownership,
)
from home.models import RoutableCityPage, intro_field, summary_field
from images.models import optional_image
from search.fields import SiteSearchField

# A generous box around Tanjungpinang's land and islands (Bintan's south-west, Penyengat, Dompak).
# Coordinates outside it are allowed (a site may be recorded elsewhere) but editors get a warning.
CITY_BOUNDS = {"south": Decimal("0.80"), "north": Decimal("1.05"), "west": Decimal("104.35"), "east": Decimal("104.65")}
CITY_CENTRE = (0.918, 104.46)


def is_inside_city(latitude, longitude):
    """True when the point lies within CITY_BOUNDS."""
    if latitude is None or longitude is None:
        return False
    lat, lon = Decimal(str(latitude)), Decimal(str(longitude))
    return CITY_BOUNDS["south"] <= lat <= CITY_BOUNDS["north"] and CITY_BOUNDS["west"] <= lon <= CITY_BOUNDS["east"]


class HeritageIndexPage(RoutableCityPage):
    """The heritage register: every site, with filters, a map and open-data downloads."""

    intro = intro_field(_("A short introduction above the register's filters and map."))

    parent_page_types = ["home.HomePage"]
    subpage_types = ["heritage_pages.HeritageSitePage"]
    max_count = 1

    content_panels = page_panels(FieldPanel("intro"))

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]
    site_search_structural = True  # found by its title alone, below content pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(filters.listing_context(self, request))  # filters, the page of sites, the map
        return context

    def get_cached_paths(self):
        """Every route a CDN may keep (serving/cdn.py): the register, its map data and its CSV."""
        return ["/", "geojson/", "csv/"]

    @path("geojson/", name="geojson")
    def geojson(self, request):
        """The (filtered) register as a GeoJSON FeatureCollection in the visitor's language."""
        return exports.geojson_response(self, request)

    @path("csv/", name="csv")
    def csv(self, request):
        """The (filtered) register as a CSV download in the visitor's language."""
        return exports.csv_response(self, request)

    class Meta:
        verbose_name = _("heritage register")


class HeritageSiteForm(WagtailAdminPageForm):
    """Checks that only a kawasan or situs is chosen as parent area, and not the site itself."""

    def clean(self):
        cleaned = super().clean()
        parent_area = cleaned.get("parent_area")
        if parent_area is not None:
            if self.instance.pk and parent_area.pk == self.instance.pk:
                self.add_error("parent_area", _("A site cannot be its own parent area."))
            elif parent_area.category not in (Category.KAWASAN, Category.SITUS):
                self.add_error("parent_area", _("The parent area must be a kawasan or a situs."))
        status = cleaned.get("legal_status")
        if status == LegalStatus.DITETAPKAN and not cleaned.get("designation_level"):
            self.add_error("designation_level", _("A designated site needs its designation level."))
        if status != LegalStatus.DITETAPKAN and cleaned.get("ranking_level"):
            self.add_error("ranking_level", _("Only a designated site can be ranked."))
        return cleaned


class HeritageSitePage(RoutableCityPage):
    """One heritage site or object: its legal status, history, location and visiting information."""

    # Identity and legal status (shared between languages).
    summary = summary_field()
    official_name = models.CharField(
        _("official name"), max_length=255, blank=True, help_text=_("The name as written in the decree or register.")
    )
    local_names = models.CharField(
        _("local names"),
        max_length=255,
        blank=True,
        help_text=_("Malay or Jawi spellings and other names, separated by semicolons."),
    )
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=Category.choices,
        help_text=_("The kind of heritage under UU 11/2010: object, building, structure, site or area."),
    )
    legal_status = models.CharField(
        _("legal status"),
        max_length=20,
        choices=LegalStatus.choices,
        help_text=_("Only choose “designated” when a designation decree exists."),
    )
    designation_level = models.CharField(
        _("designation level"),
        max_length=20,
        choices=Level.choices,
        blank=True,
        help_text=_("Who designated it: the mayor (city), the governor (provincial) or the minister (national)."),
    )
    ranking_level = models.CharField(
        _("ranking"),
        max_length=20,
        choices=Level.choices,
        blank=True,
        help_text=_("The ranking (peringkat), a separate step after designation."),
    )
    decree_number = models.CharField(
        _("decree number"), max_length=120, blank=True, help_text=_("Leave empty when unknown; never guess.")
    )
    decree_date = models.DateField(
        _("decree date"), null=True, blank=True, help_text=_("The date the designation decree was signed.")
    )
    decree_issuer = models.CharField(
        _("decree issuer"), max_length=200, blank=True, help_text=_("For example: Wali Kota Tanjungpinang.")
    )
    decree_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("decree document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A scan of the decree, when it may be published."),
    )
    decree_jdih_document = models.ForeignKey(
        "jdih.LegalDocumentPage",
        verbose_name=_("decree in the JDIH register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cited_by_heritage_sites",
        help_text=_("The designation decree's page in the legal documents register (JDIH), when it is there."),
    )
    national_register_number = models.CharField(
        _("national register number"),
        max_length=60,
        blank=True,
        help_text=_("As issued by the Register Nasional Cagar Budaya."),
    )
    local_inventory_number = models.CharField(
        _("local inventory number"), max_length=60, blank=True, help_text=_("The culture office's inventory number.")
    )
    parent_area = models.ForeignKey(
        "self",
        verbose_name=_("parent area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="child_sites",
        help_text=_("The kawasan or situs this site belongs to, for example Kawasan Pulau Penyengat."),
    )

    # Meaning and history (translated).
    period = models.CharField(
        _("period or era"), max_length=200, blank=True, help_text=_("For example: Riau-Lingga Sultanate.")
    )
    start_year = models.PositiveSmallIntegerField(
        _("from year"), null=True, blank=True, help_text=_("The year it was built or the period began, if known.")
    )
    end_year = models.PositiveSmallIntegerField(
        _("to year"), null=True, blank=True, help_text=_("The year the period ended, if it did.")
    )
    significance = RichTextField(
        _("significance"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("Its value for history, science, education, religion or culture, and why."),
    )
    history = StreamField(
        HistoryStreamBlock(),
        verbose_name=_("history"),
        blank=True,
        help_text=_("The site's history, in paragraphs, with images and quotations where useful."),
    )
    physical_description = RichTextField(
        _("physical description"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What the site looks like today: materials, size, layout."),
    )

    # Condition, ownership and care (shared).
    condition = models.CharField(
        _("condition"),
        max_length=20,
        choices=Condition.choices,
        blank=True,
        help_text=_("The condition at the last survey."),
    )
    last_survey_date = models.DateField(
        _("last survey"), null=True, blank=True, help_text=_("When the condition was last checked on site.")
    )
    ownership = models.CharField(
        _("ownership"),
        max_length=30,
        choices=Ownership.choices,
        blank=True,
        help_text=_("Who owns the site under UU 11/2010."),
    )
    custodian_opd = models.ForeignKey(
        "home.OPD",
        verbose_name=_("custodian agency"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="heritage_sites",
        help_text=_("The city agency that looks after the site; the translation status report filters by it."),
    )
    custodian_note = models.CharField(
        _("custodian"), max_length=255, blank=True, help_text=_("Manager or caretaker (juru pelihara), if any.")
    )
    data_source = models.CharField(
        _("data source"), max_length=255, blank=True, help_text=_("Where this record's data comes from.")
    )

    # Location (shared).
    address = models.CharField(
        _("address"), max_length=255, blank=True, help_text=_("The street address, if the site has one.")
    )
    kelurahan = models.CharField(
        _("kelurahan"), max_length=100, blank=True, help_text=_("The urban village (kelurahan) the site lies in.")
    )
    kecamatan = models.CharField(
        _("kecamatan"),
        max_length=30,
        choices=Kecamatan.choices,
        blank=True,
        help_text=_("The district (kecamatan) the site lies in."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
        help_text=_("Decimal degrees, north positive; Tanjungpinang is about 0.92."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
        help_text=_("Decimal degrees, east positive; Tanjungpinang is about 104.45."),
    )

    # Visiting (translated).
    is_visitable = models.BooleanField(
        _("open to visitors"), default=False, help_text=_("Tick when the public can visit the site.")
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=255,
        blank=True,
        help_text=_("For example: every day 08.00–17.00 WIB, closed during Friday prayers."),
    )
    fee = models.CharField(
        _("fee"), max_length=255, blank=True, help_text=_("Entrance fee, or say that entry is free.")
    )
    getting_there = models.TextField(
        _("how to get there"),
        blank=True,
        help_text=_("How visitors reach the site, for example by pompong from Pelantar I."),
    )
    accessibility = models.TextField(
        _("accessibility"), blank=True, help_text=_("Steps, ramps, toilets and help for visitors with disabilities.")
    )
    dress_code = models.TextField(
        _("dress code"), blank=True, help_text=_("What visitors should wear, for example at a mosque or grave complex.")
    )

    listing_image = optional_image(_("listing image"), _("Shown in the register and in link previews."))

    parent_page_types = ["heritage_pages.HeritageIndexPage"]
    subpage_types = []

    # What the site's template shows, fetched with the page when it is served (the inline lists: see
    # inline_lists()).
    serve_select_related = ["listing_image", "custodian_opd", "decree_document", "decree_jdih_document"]

    base_form_class = HeritageSiteForm

    content_panels = page_panels(
        FieldPanel("summary"),
        FieldPanel("listing_image"),
        MultiFieldPanel([FieldPanel("official_name"), FieldPanel("local_names")], heading=_("Names")),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("legal_status"),
                FieldRowPanel([FieldPanel("designation_level"), FieldPanel("ranking_level")]),
                FieldPanel("parent_area"),
            ],
            heading=_("Legal status"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("decree_number"), FieldPanel("decree_date")]),
                FieldPanel("decree_issuer"),
                FieldPanel("decree_document"),
                PageChooserPanel("decree_jdih_document", "jdih.LegalDocumentPage"),
                FieldRowPanel([FieldPanel("national_register_number"), FieldPanel("local_inventory_number")]),
            ],
            heading=_("Designation decree and register numbers"),
        ),
        MultiFieldPanel(
            [FieldPanel("period"), FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")])],
            heading=_("Period"),
        ),
        FieldPanel("significance"),
        FieldPanel("history"),
        FieldPanel("physical_description"),
        InlinePanel("gallery_images", label=_("Gallery"), heading=_("Gallery")),
        InlinePanel("documents", label=_("Documents"), heading=_("Documents")),
        InlinePanel("sources", label=_("Sources"), heading=_("Sources")),
    )
    location_panels = [
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("kelurahan"), FieldPanel("kecamatan")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Location"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_visitable"),
                FieldPanel("opening_hours"),
                FieldPanel("fee"),
                FieldPanel("getting_there"),
                FieldPanel("accessibility"),
                FieldPanel("dress_code"),
            ],
            heading=_("Visiting"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("condition"), FieldPanel("last_survey_date")]),
                FieldPanel("ownership"),
                FieldPanel("custodian_opd"),
                FieldPanel("custodian_note"),
                FieldPanel("data_source"),
            ],
            heading=_("Condition and care"),
        ),
    ]
    edit_handler = editor_tabs(content_panels, (_("Location and visiting"), location_panels))

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("official_name", weight="A"),
        SiteSearchField("local_names", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("significance", weight="C"),
        SiteSearchField("history", weight="C"),
        SiteSearchField("physical_description", weight="C"),
        SiteSearchField("period", weight="C"),
        SiteSearchField("kelurahan", weight="C"),
        SiteSearchField("getting_there", weight="C"),
    ]
    search_filter_fields = ["category", "legal_status"]
    site_search_opd_field = "custodian_opd"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})

    # Properties for templates, exports and structured data.

    @property
    def is_designated(self):
        """Only a designated object may be called cagar budaya."""
        return choices.is_designated(self.legal_status)

    @property
    def status_explanation(self):
        return STATUS_EXPLANATIONS.get(self.legal_status, "")

    @property
    def is_inside_city(self):
        return is_inside_city(self.latitude, self.longitude)

    @property
    def schema_type(self):
        return choices.schema_type(self.is_visitable)

    @property
    def plaque_url(self):
        """The language-neutral path printed on the plaque's QR code."""
        return reverse("heritage_site_redirect", args=[self.pk])

    @property
    def map_url(self):
        """An OpenStreetMap link that opens the point in any maps app or browser."""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(related.site_context(self, request))  # its area and sites, lists, map, image
        return context

    def get_cached_paths(self):
        """Its routes a CDN may keep (serving/cdn.py): the page and its printable plaque."""
        return ["/", "plakat/"]

    def cached_listings(self):
        """The other pages whose routes list this site (for the CDN purge): the register with its map data
        and CSV, and the area it lies in (an area lists its sites)."""
        listings = []
        index = HeritageIndexPage.objects.ancestor_of(self).first()
        if index is not None:
            listings.append((index, None))
        parent = self.get_parent()
        if parent is not None and parent.specific_class is HeritageSitePage:
            listings.append((parent, None))
        return listings

    @path("plakat/", name="plaque")
    def plaque(self, request):
        """A printable plaque with a QR code pointing to the language-neutral address."""
        return self.render(
            request,
            template="heritage_pages/heritage_site_plaque.html",
            context_overrides=plaque.plaque_context(self, request),
        )

    class Meta:
        verbose_name = _("heritage site")
        verbose_name_plural = _("heritage sites")


class HeritageSiteGalleryImage(Orderable):
    """A gallery photo with a caption per language and a shared credit and year."""

    page = ParentalKey(HeritageSitePage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "images.CityImage",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The photo; give it alt text in the image library."),
    )
    caption = models.CharField(
        _("caption"), max_length=300, blank=True, help_text=_("What the photo shows, in a sentence.")
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("Photographer or source."))
    year = models.PositiveSmallIntegerField(
        _("year taken"), null=True, blank=True, help_text=_("The year the photo was taken, if known.")
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit"), FieldPanel("year")]

    class Meta(Orderable.Meta):
        verbose_name = _("gallery image")


class HeritageSiteDocument(Orderable):
    """A study, old photograph or plan, with a title per language."""

    page = ParentalKey(HeritageSitePage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A study, old photograph or plan from the document library."),
    )
    title = models.CharField(
        _("title"), max_length=255, blank=True, help_text=_("Leave empty to use the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")


class HeritageSiteSource(Orderable):
    """A reference for what the page says: a book, article, register entry or web page."""

    page = ParentalKey(HeritageSitePage, on_delete=models.CASCADE, related_name="sources")
    citation = models.CharField(
        _("citation"), max_length=500, help_text=_("Author, title, publisher and year, or the register entry.")
    )
    url = models.URLField(_("link"), blank=True, help_text=_("A web address for the source, if it is online."))

    panels = [FieldPanel("citation"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
