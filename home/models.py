"""Site-wide models: the home page, generic content pages, site settings and the OPD register."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import formats, translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home import bilingual, sections, theme
from home.blocks import BaseStreamBlock, FeaturedSectionBlock, ServiceLinkBlock
from home.querysets import CityPageManager
from images.models import optional_image
from search.fields import SiteSearchDeclared, SiteSearchField
from serving import derived


class BilingualPageMixin:
    """Per-language preview and the English-fallback flag, for every page type of ours.

    Preview renders inside ``translation.override`` because the admin's own language
    would otherwise leak into it: Wagtail renders a preview in the editor's admin language.
    """

    @property
    def preview_modes(self):
        # One whole sentence per language, so each reads naturally when translated ("an English visitor").
        labels = {"id": _("As an Indonesian-speaking visitor"), "en": _("As an English-speaking visitor")}
        return [(code, labels[code]) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return settings.LANGUAGE_CODE

    def clean(self):
        bilingual.make_english_slug(self)
        super().clean()

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in bilingual.LANGUAGE_CODES else settings.LANGUAGE_CODE
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            if hasattr(response, "render"):
                response.render()
        return response

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["translation_fallback"] = bilingual.is_fallback(self)
        return context

    @property
    def meta_description(self):
        """The description for search engines and link previews, in the visitor's language."""
        return self.search_description or getattr(self, "summary", "") or ""

    def get_view_restrictions(self):
        # Routing (serving/routing.py) already saw that neither this page nor an ancestor is restricted
        # or an alias: skip the two queries of Wagtail's check.
        routed = getattr(self, "routed", None)
        if routed is not None and routed.page is self and routed.unrestricted:
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


SUMMARY_HELP = _("One or two sentences shown in listings, search results and link previews.")


def summary_field(help_text=SUMMARY_HELP):
    """A page's summary: at most 300 characters, which listings, search results, feeds and link previews
    show (``meta_description`` falls back to it)."""
    return models.TextField(_("summary"), max_length=300, help_text=help_text)


def intro_field(help_text, features=("bold", "italic", "link")):
    """A short, optional rich-text introduction above a page's listing, register or form."""
    return RichTextField(_("introduction"), blank=True, features=list(features), help_text=help_text)


class CityPage(SiteSearchDeclared, BilingualPageMixin, Page):
    """The base of our page types: the bilingual behaviour, the city's page manager (``public()`` and the
    routing helpers) and Wagtail's ``search_fields`` made from ``site_search_fields``."""

    objects = CityPageManager()

    class Meta:
        abstract = True


class RoutableCityPage(SiteSearchDeclared, BilingualPageMixin, RoutablePageMixin, Page):
    """``CityPage`` for a page with sub-routes (filters, exports, feeds). The bilingual mixin stands before
    ``RoutablePageMixin`` so that a preview is still rendered in the language the editor chose."""

    objects = CityPageManager()

    class Meta:
        abstract = True


class OPD(index.Indexed, models.Model):
    """An Organisasi Perangkat Daerah: one of the city's agencies, which publish and own content."""

    class Type(models.TextChoices):
        SEKRETARIAT = "sekretariat", _("Secretariat")
        DINAS = "dinas", _("Agency (dinas)")
        BADAN = "badan", _("Board (badan)")
        INSPEKTORAT = "inspektorat", _("Inspectorate")
        SATPOL = "satpol", _("Civil service police unit")
        KECAMATAN = "kecamatan", _("District (kecamatan)")
        KELURAHAN = "kelurahan", _("Urban village (kelurahan)")
        BAGIAN = "bagian", _("Division (bagian)")
        UPT = "upt", _("Technical unit (UPT)")
        OTHER = "lainnya", _("Other")

    name = models.CharField(_("name"), max_length=200, help_text=_("The agency's full name."))
    acronym = models.CharField(
        _("acronym"), max_length=30, help_text=_("The short name the city uses, for example Diskominfo.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Used in this agency's web addresses; do not change it once published."),
    )
    opd_type = models.CharField(
        _("type"),
        max_length=20,
        choices=Type.choices,
        default=Type.DINAS,
        help_text=_("The kind of agency, used to group the OPD register."),
    )
    website = models.URLField(
        _("website"),
        blank=True,
        help_text=_("The agency's own website, starting with https://. Leave empty if it has none."),
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("The agency's official public email address."))
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("The public service phone number, for example (0771) 123456."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("The office's street address, as visitors should find it.")
    )
    logo = optional_image(_("logo"), _("The agency's logo, from the image library."))
    active = models.BooleanField(
        _("active"),
        default=True,
        help_text=_("Untick when the agency is merged or dissolved; its old content stays attributed."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("slug"),
        FieldPanel("opd_type"),
        MultiFieldPanel(
            [FieldPanel("website"), FieldPanel("email"), FieldPanel("phone"), FieldPanel("address")],
            heading=_("Contact"),
        ),
        FieldPanel("logo"),
        FieldPanel("active"),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("acronym"),
        index.AutocompleteField("acronym"),
    ]

    class Meta:
        verbose_name = _("OPD (city agency)")
        verbose_name_plural = _("OPDs (city agencies)")
        ordering = ["acronym"]

    def __str__(self):
        return f"{self.acronym} – {self.name}"


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """The city's identity and contact details, shown in every page's header and footer."""

    city_name = models.CharField(
        _("site name"),
        max_length=120,
        default="Pemerintah Kota Tanjungpinang",
        help_text=_("Shown next to the logo and in page titles."),
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=200,
        blank=True,
        help_text=_("A short line under the site name in the header. Optional."),
    )
    logo = optional_image(_("logo"), _("The city's coat of arms or logo, shown in the header."))
    address = models.TextField(_("address"), blank=True, help_text=_("The city hall's address, shown in the footer."))
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("The main public phone number, shown in the footer.")
    )
    email = models.EmailField(
        _("email"), blank=True, help_text=_("The main public email address, shown in the footer.")
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("The full address of the city's Facebook page, starting with https://.")
    )
    instagram_url = models.URLField(
        _("Instagram"),
        blank=True,
        help_text=_("The full address of the city's Instagram account, starting with https://."),
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("The full address of the city's YouTube channel, starting with https://.")
    )
    x_url = models.URLField(
        _("X (Twitter)"),
        blank=True,
        help_text=_("The full address of the city's X (Twitter) account, starting with https://."),
    )
    whatsapp_channel_url = models.URLField(
        _("WhatsApp channel"),
        blank=True,
        help_text=_("The full address of the city's WhatsApp channel, starting with https://."),
    )
    footer_text = models.TextField(
        _("footer text"), blank=True, help_text=_("A short line shown at the foot of every page.")
    )
    opening_hours = models.TextField(
        _("opening hours"),
        blank=True,
        help_text=_("When the city hall's public services are open, one line per day or group of days."),
    )
    primary_colour = models.CharField(
        _("primary colour"),
        max_length=7,
        default=theme.DEFAULT_PRIMARY,
        help_text=_(
            "The colour of the header, links and buttons, as #RRGGBB (for example #0b4f6c). It must be dark "
            "enough for white text on it and for links on white: a contrast of at least 4.5:1 (WCAG 2.1 AA)."
        ),
    )

    # Every page shows the logo: fetch it with the settings (BaseSiteSetting.base_queryset()).
    select_related = ["logo"]

    panels = [
        MultiFieldPanel(
            [FieldPanel("city_name"), FieldPanel("tagline"), FieldPanel("logo"), FieldPanel("primary_colour")],
            heading=_("Identity"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("opening_hours"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
                FieldPanel("x_url"),
                FieldPanel("whatsapp_channel_url"),
            ],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def clean(self):
        super().clean()
        colour = theme.normalise(self.primary_colour)
        if colour is None:
            raise ValidationError(
                {"primary_colour": _("Enter the colour as # followed by six hexadecimal digits, for example #0b4f6c.")}
            )
        self.primary_colour = colour
        ratio = theme.weakest_contrast(colour)
        if ratio < theme.AA_NORMAL_TEXT:
            raise ValidationError(
                {
                    "primary_colour": _(
                        "This colour's contrast is only %(ratio)s:1 against white text and the white page "
                        "background; WCAG 2.1 AA needs at least %(needed)s:1. Choose a darker colour."
                    )
                    % {
                        # Rounded down, so a colour just short of 4.5:1 never reads as "4.50:1".
                        "ratio": formats.number_format(int(ratio * 100) / 100, 2),
                        "needed": formats.number_format(theme.AA_NORMAL_TEXT, 1),
                    }
                }
            )

    @property
    def theme_version(self):
        """The version of ``/theme.css`` to link, or "" with the default colour (site.css has it: no request)."""
        colour = theme.normalise(self.primary_colour)
        if colour is None or colour == theme.DEFAULT_PRIMARY:
            return ""
        return theme.version(colour)

    @property
    def brand_colour(self):
        return theme.normalise(self.primary_colour) or theme.DEFAULT_PRIMARY

    @classmethod
    def for_site(cls, site):
        """The settings (with their logo) from the shared cache: every page shows them, and they change
        rarely; any change to them (or to a page, image or site) makes a new cache generation."""
        if site is None:
            return super().for_site(site)
        return derived.remember(f"site-settings:{site.pk}", lambda: cls.base_queryset().get_or_create(site=site)[0])

    @property
    def social_links(self):
        return [
            (label, url)
            for label, url in (
                ("Facebook", self.facebook_url),
                ("Instagram", self.instagram_url),
                ("YouTube", self.youtube_url),
                ("X", self.x_url),
                ("WhatsApp", self.whatsapp_channel_url),
            )
            if url
        ]


class HomePage(CityPage):
    """The city's front page: a hero, an introduction and featured sections."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=200,
        blank=True,
        help_text=_("Large heading at the top; the page title is used when empty."),
    )
    hero_text = models.TextField(
        _("hero text"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences under the hero heading (at most 400 characters)."),
    )
    hero_image = optional_image(
        _("hero image"), _("A wide landscape photo, at least 1600 pixels wide; give it alt text in the image library.")
    )
    intro = intro_field(_("A short welcome paragraph under the hero."))
    featured_sections = StreamField(
        [("section", FeaturedSectionBlock())],
        verbose_name=_("featured sections"),
        blank=True,
        help_text=_("Blocks of links to the site's main sections, in the order they appear."),
    )
    services = StreamField(
        [("service", ServiceLinkBlock())],
        verbose_name=_("services (quick links)"),
        blank=True,
        help_text=_(
            'The "Layanan" block: quick links to public services, each with an icon and a label in both '
            "languages, in the order they appear."
        ),
    )
    news_count = models.PositiveSmallIntegerField(
        _("latest news shown"),
        default=4,
        validators=[MaxValueValidator(12)],
        help_text=_("How many news items the home page lists, featured items first (0 hides the section; at most 12)."),
    )
    events_count = models.PositiveSmallIntegerField(
        _("upcoming events shown"),
        default=3,
        validators=[MaxValueValidator(12)],
        help_text=_(
            "How many upcoming events (bimtek, outreach) from the news are listed, soonest first; each leaves the "
            "list when it ends (0 hides the section; at most 12)."
        ),
    )
    heritage_highlight = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("heritage highlight"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The heritage site shown on the home page; the newest published one when empty."),
    )
    show_smartcity_progress = models.BooleanField(
        _("show the smart city progress"),
        default=True,
        help_text=_("A summary of the smart city programmes by status, linking to the masterplan."),
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    serve_select_related = ["hero_image"]

    # editorial/apps.py adds the English-state panel under the title (home cannot import editorial).
    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image")], heading=_("Hero")
        ),
        FieldPanel("intro"),
        FieldPanel("services"),
        MultiFieldPanel(
            [
                FieldPanel("news_count"),
                FieldPanel("events_count"),
                # The page type by its label: home/ does not import the feature apps.
                PageChooserPanel("heritage_highlight", "heritage_pages.HeritageSitePage"),
                FieldPanel("show_smartcity_progress"),
            ],
            heading=_("Sections from the rest of the site"),
        ),
        FieldPanel("featured_sections"),
    ]

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("search_description", weight="B"),
        SiteSearchField("hero_text", weight="B"),
        SiteSearchField("intro", weight="C"),
    ]
    site_search_structural = True  # found by its title alone, below content pages

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections.collect(self, request)
        return context

    class Meta:
        verbose_name = _("home page")


class StandardPage(CityPage):
    """A generic content page: about the city, services, contacts, policies."""

    summary = summary_field()
    body = StreamField(
        BaseStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The page's content: paragraphs, headings, images, documents and tables."),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    # editorial/apps.py adds the English-state panel under the title (home cannot import editorial).
    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("body", weight="C"),
    ]

    class Meta:
        verbose_name = _("standard page")
