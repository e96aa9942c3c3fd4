"""The heritage register (kota pusaka): the index with map and open data, and one page per site.

Fields follow UU 11/2010 on cultural heritage, so each page says what a site legally is:
only a designated (ditetapkan) object is called cagar budaya.
"""

from dataclasses import dataclass, replace
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Orderable, Page, Site
from wagtail.search import index

from editorial.panels import TranslationStatusPanel
from heritage_pages.blocks import HistoryStreamBlock
from home import bilingual
from home.models import BilingualPageMixin
from home.querysets import CityPageManager
from search.fields import SiteSearchField
from serving.derived import remember

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


class Category(models.TextChoices):
    """The five kinds of cultural heritage in UU 11/2010, Pasal 1."""

    BENDA = "benda", _("Object (benda)")
    BANGUNAN = "bangunan", _("Building (bangunan)")
    STRUKTUR = "struktur", _("Structure (struktur)")
    SITUS = "situs", _("Site (situs)")
    KAWASAN = "kawasan", _("Area (kawasan)")


class LegalStatus(models.TextChoices):
    """Where the object stands in the chain registration → TACB study → designation (Pasal 29–37)."""

    ODCB = "odcb", _("Suspected cultural heritage object (ODCB)")
    TERDAFTAR = "terdaftar", _("Registered, not yet designated")
    DIREKOMENDASIKAN = "direkomendasikan", _("Recommended by the heritage experts team (TACB), not yet designated")
    DITETAPKAN = "ditetapkan", _("Designated cultural heritage")
    DIHAPUS = "dihapus", _("Removed from the register")


STATUS_EXPLANATIONS = {
    LegalStatus.ODCB: _(
        "This object is protected as if it were cultural heritage while it is studied, "
        "but it has not been designated as cultural heritage."
    ),
    LegalStatus.TERDAFTAR: _(
        "This object is registered and awaits study by the heritage experts team (TACB). "
        "It has not been designated as cultural heritage."
    ),
    LegalStatus.DIREKOMENDASIKAN: _(
        "The heritage experts team (TACB) has recommended this object for designation. "
        "It has not been designated as cultural heritage yet."
    ),
    LegalStatus.DITETAPKAN: _("This object has been designated as cultural heritage by decree."),
    LegalStatus.DIHAPUS: _("This object has been removed from the cultural heritage register."),
}


class Level(models.TextChoices):
    """Government level of a designation (penetapan) or a ranking (pemeringkatan)."""

    KOTA = "kota", _("City")
    PROVINSI = "provinsi", _("Provincial")
    NASIONAL = "nasional", _("National")


class Kecamatan(models.TextChoices):
    """Tanjungpinang's four districts."""

    BUKIT_BESTARI = "bukit-bestari", "Bukit Bestari"
    TANJUNGPINANG_BARAT = "tanjungpinang-barat", "Tanjungpinang Barat"
    TANJUNGPINANG_KOTA = "tanjungpinang-kota", "Tanjungpinang Kota"
    TANJUNGPINANG_TIMUR = "tanjungpinang-timur", "Tanjungpinang Timur"


class Condition(models.TextChoices):
    BAIK = "baik", _("Good")
    RUSAK_RINGAN = "rusak-ringan", _("Slightly damaged")
    RUSAK_BERAT = "rusak-berat", _("Badly damaged")
    MUSNAH = "musnah", _("Lost")


class Ownership(models.TextChoices):
    """Owners allowed by UU 11/2010."""

    NEGARA = "negara", _("The state")
    PEMDA = "pemerintah-daerah", _("Regional government")
    ADAT = "masyarakat-adat", _("Customary law community")
    PERORANGAN = "perorangan", _("Private person")
    BADAN_USAHA = "badan-usaha", _("Business entity")
    WAKAF = "wakaf", _("Religious endowment (wakaf)")


# The inline lists a site page shows: context name -> (relation, what it shows with each row).
INLINE_LISTS = {
    "gallery": ("gallery_images", ["image"]),
    "documents": ("documents", ["document"]),
    "sources": ("sources", []),
}

# The listing image's renditions on a site page: link previews (Open Graph, JSON-LD) and the page itself.
OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"
HERO_IMAGE_SPEC = "width-960|format-webp"


class HeritageIndexPage(BilingualPageMixin, RoutablePageMixin, Page):
    """The heritage register: every site, with filters, a map and open-data downloads."""

    intro = RichTextField(
        _("introduction"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("A short introduction above the register's filters and map."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["heritage_pages.HeritageSitePage"]
    max_count = 1

    objects = CityPageManager()

    content_panels = Page.content_panels + [TranslationStatusPanel(), FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]
    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]
    site_search_structural = True  # found by its title alone, below content pages

    # ``sites()``, ``listing_context(request)``, ``geojson_response(request)`` and ``csv_response(request)``
    # query this module's models, so they live in heritage_pages/filters.py and exports.py, which
    # HeritagePagesConfig.ready() attaches here as methods.

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.listing_context(request))
        return context

    def get_cached_paths(self):
        """Every route a CDN may keep (serving/cdn.py): the register, its map data and its CSV."""
        return ["/", "geojson/", "csv/"]

    @path("geojson/", name="geojson")
    def geojson(self, request):
        """The (filtered) register as a GeoJSON FeatureCollection in the visitor's language."""
        return self.geojson_response(request)

    @path("csv/", name="csv")
    def csv(self, request):
        """The (filtered) register as a CSV download in the visitor's language."""
        return self.csv_response(request)

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


class HeritageSitePage(BilingualPageMixin, RoutablePageMixin, Page):
    """One heritage site or object: its legal status, history, location and visiting information."""

    # Identity and legal status (shared between languages).
    summary = models.TextField(
        _("summary"),
        max_length=300,
        help_text=_("One or two sentences shown in listings, search results and link previews."),
    )
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
        use_json_field=True,
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

    listing_image = models.ForeignKey(
        "images.CityImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in the register and in link previews."),
    )

    parent_page_types = ["heritage_pages.HeritageIndexPage"]
    subpage_types = []

    objects = CityPageManager()
    # What the site's template shows, fetched with the page when it is served (the inline lists: see
    # inline_lists()).
    serve_select_related = ["listing_image", "custodian_opd", "decree_document", "decree_jdih_document"]

    base_form_class = HeritageSiteForm

    content_panels = Page.content_panels + [
        TranslationStatusPanel(),
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
    ]
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
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(location_panels, heading=_("Location and visiting")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )

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
    site_search_opd_field = "custodian_opd"

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("official_name"),
        index.SearchField("local_names"),
        index.SearchField("significance"),
        index.SearchField("history"),
        index.FilterField("category"),
        index.FilterField("legal_status"),
    ]

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year is before the start year.")})

    # Properties for templates, exports and structured data.

    @property
    def is_designated(self):
        """Only a designated object may be called cagar budaya."""
        return self.legal_status == LegalStatus.DITETAPKAN

    @property
    def status_explanation(self):
        return STATUS_EXPLANATIONS.get(self.legal_status, "")

    @property
    def is_inside_city(self):
        return is_inside_city(self.latitude, self.longitude)

    @property
    def schema_type(self):
        return "TouristAttraction" if self.is_visitable else "LandmarksOrHistoricalBuildings"

    @property
    def plaque_url(self):
        """The language-neutral path printed on the plaque's QR code."""
        return reverse("heritage_site_redirect", args=[self.pk])

    @property
    def map_url(self):
        """An OpenStreetMap link that opens the point in any maps app or browser."""
        return f"https://www.openstreetmap.org/?mlat={self.latitude}&mlon={self.longitude}#map=17/{self.latitude}/{self.longitude}"

    def child_sites_live(self):
        return (
            HeritageSitePage.objects.live()
            .public()
            .filter(parent_area=self)
            .select_related("listing_image")
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        derived = self.derived_data(request)
        context["parent_area"] = derived["parent_area"]
        context["child_sites"] = derived["child_sites"]
        context.update(self.inline_lists(request, derived))
        context["map_tiles"] = map_tile_settings()
        context["map_features"] = [
            {"lat": float(self.latitude), "lon": float(self.longitude), "title": self.title, "url": ""}
        ]
        renditions = derived["listing_image_renditions"]
        if renditions:
            for rendition in renditions.values():
                rendition.image = self.listing_image  # its alt text, in the visitor's language
            context["og_image_url"] = request.build_absolute_uri(renditions[OG_IMAGE_SPEC].url)
            # What {% image page.listing_image width-960 format-webp loading="eager" %} writes, without the
            # tag's lookup and write-back of the rendition in the renditions cache.
            context["listing_image_tag"] = renditions[HERO_IMAGE_SPEC].img_tag({"loading": "eager"})
        return context

    def derived_data(self, request):
        """Derived data the page shows, shared by every visitor:

        - ``parent_area``, ``child_sites``: the area this site is part of and the sites inside it (live,
          public), as SiteLinks in the visitor's language;
        - ``filled_lists``: the names of the inline lists (gallery, documents, sources) that have rows;
        - ``sources``: the sources' citations and links (plain text: no query for them once kept);
        - ``listing_image_renditions``: the listing image's two renditions (link previews, the page).

        Kept with ``remember()`` until any content changes (inline rows change with their page), per
        language, site (a URL is relative on its own site), parent area and listing image. Previews
        compute afresh.
        """
        if getattr(request, "is_preview", False):
            return self._derived_data(request)
        site = Site.find_for_request(request)
        key = ":".join(
            str(part)
            for part in (
                "heritage:derived",
                translation.get_language(),
                site.pk if site else "",
                self.pk,
                self.parent_area_id,
                self.listing_image_id,
            )
        )
        return remember(key, lambda: self._derived_data(request))

    def _derived_data(self, request):
        # One query: the parent area, the sites in this one, and this page with a flag per inline list.
        flags = {
            f"has_{relation}": Exists(self._meta.get_field(relation).related_model.objects.filter(page=OuterRef("pk")))
            for relation, _related in INLINE_LISTS.values()
        }
        related = HeritageSitePage.objects.live().public()
        related = related.filter(Q(parent_area=self) | Q(pk__in=[self.parent_area_id, self.pk]))
        related = list(related.defer_streamfields().annotate(**flags).order_by("title"))
        this = next((site for site in related if site.pk == self.pk), None)
        filled_lists = [
            relation for relation, _related in INLINE_LISTS.values() if this is None or getattr(this, f"has_{relation}")
        ]
        return {
            "parent_area": next(
                (SiteLink.of(site, request) for site in related if site.pk == self.parent_area_id), None
            ),
            "child_sites": [SiteLink.of(site, request) for site in related if site.parent_area_id == self.pk],
            # A page this query cannot see (in a private section) fetches every list.
            "filled_lists": filled_lists,
            "sources": (
                [{"citation": source.citation, "url": source.url} for source in self.sources.all()]
                if "sources" in filled_lists
                else []
            ),
            "listing_image_renditions": (
                get_renditions_or_not_found(self.listing_image, (OG_IMAGE_SPEC, HERO_IMAGE_SPEC))
                if self.listing_image_id
                else {}
            ),
        }

    def inline_lists(self, request, derived):
        """``gallery``, ``documents`` and ``sources`` for the template: the sources from ``derived`` (see
        ``derived_data()``), one query for each other list that has rows, none for an empty one. A preview
        shows the rows in the editor's form."""
        preview = getattr(request, "is_preview", False)
        lists = {}
        for name, (relation, related) in INLINE_LISTS.items():
            rows = getattr(self, relation).all()
            if name == "sources" and not preview:
                lists[name] = derived["sources"]
            elif preview or relation in derived["filled_lists"]:
                lists[name] = rows.select_related(*related) if related else rows
            else:
                lists[name] = []
        return lists

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
        from heritage_pages import plaque

        target = request.build_absolute_uri(self.plaque_url)
        route = self.reverse_subpage("plaque")
        alternates = [
            (language, request.build_absolute_uri(bilingual.page_url(self, language, request) + route))
            for language in bilingual.translated_languages(self)
        ]
        alternates.append(("x-default", alternates[0][1]))
        return self.render(
            request,
            template="heritage_pages/heritage_site_plaque.html",
            context_overrides={
                "qr_target": target,
                "qr": plaque.qr_image(target),
                "plaque_alternates": alternates,
                "plaque_canonical": dict(alternates).get(
                    bilingual.DEFAULT_LANGUAGE if bilingual.is_fallback(self) else translation.get_language()
                ),
            },
        )

    class Meta:
        verbose_name = _("heritage site")
        verbose_name_plural = _("heritage sites")


@dataclass(frozen=True)
class SiteLink:
    """Another site as a site page links to it (its area, the sites inside it): title, URL and legal
    status in one language. Plain data, so it can be cached; it answers the attributes the status badge
    and the JSON-LD read from a HeritageSitePage."""

    title: str
    url: str
    legal_status: str
    designation_level: str
    is_visitable: bool

    badge: str = ""  # the status badge's HTML, in the language the link was made in
    title_lang: str = ""  # "id" when the title shown is the Indonesian fallback on a page in another language

    @classmethod
    def of(cls, site, request):
        link = cls(site.title, site.get_url(request), site.legal_status, site.designation_level, site.is_visitable)
        if bilingual.shows_fallback(site, "title"):
            link = replace(link, title_lang=bilingual.DEFAULT_LANGUAGE)
        # Rendered once with the link (links are kept with the derived data), not once per view per link.
        return replace(
            link, badge=render_to_string("heritage_pages/includes/status_badge.html", {"site": link}).strip()
        )

    is_designated = HeritageSitePage.is_designated
    schema_type = HeritageSitePage.schema_type

    def get_legal_status_display(self):
        return dict(LegalStatus.choices).get(self.legal_status, self.legal_status)

    def get_designation_level_display(self):
        return dict(Level.choices).get(self.designation_level, self.designation_level)


def map_tile_settings():
    """The tile server and attribution the maps use (from settings, OpenStreetMap by default)."""
    return {"url": settings.HERITAGE_MAP_TILE_URL, "attribution": settings.HERITAGE_MAP_ATTRIBUTION}


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
