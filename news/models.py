"""News: the city newsroom, one newsroom per OPD, and news articles (bimtek and other event news included).

Tree: HomePage → NewsIndexPage (the city newsroom) → OPDNewsroomPage (one per OPD) → NewsPage.
The per-OPD level exists so that Wagtail's page permissions, which work on subtrees, can give each
OPD's contributors their own news and nothing else (see docs/news.md and news/permissions.py).
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modeltranslation.utils import build_localized_fieldname
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
from wagtail.models import Orderable, Page

from taggit.models import TaggedItemBase

from editorial.panels import editor_tabs, page_panels
from home import bilingual
from home.models import OPD, CityPage, RoutableCityPage, summary_field
from images.models import optional_image
from news import feeds, links, listing
from news.blocks import AgendaBlock, MaterialsBlock, NewsStreamBlock, SpeakersBlock
from news.choices import EVENT_TYPES, NewsType
from search.fields import SiteSearchField
from serving import routing

# Page types a news item may be linked to. They live in apps built separately, so they are named by
# label (never imported); pages of any other type are refused with a form error.
RELATABLE_PAGE_TYPES = ("heritage_pages.HeritageSitePage", "smartcity.SmartCityProgrammePage")

# A 16-digit run looks like a NIK (the national ID number): never published (UU 27/2022 PDP).
NIK_PATTERN = re.compile(r"(?<!\d)\d{16}(?!\d)")


class NewsIndexPage(RoutableCityPage):
    """The city newsroom: every OPD's news with filters, archives, per-OPD views and feeds."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A short introduction above the news list (at most 500 characters)."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.OPDNewsroomPage"]

    content_panels = page_panels(FieldPanel("intro"))

    site_search_fields = [SiteSearchField("title", weight="A"), SiteSearchField("intro", weight="B")]
    site_search_structural = True  # found by its title alone, below content pages

    class Meta:
        verbose_name = _("news index page")

    def news_items(self, include_future=False):
        """Live, public news under this newsroom whose publication time has come, newest first
        (with ``include_future``, also the items dated in the future)."""
        items = NewsPage.objects.listed(self).order_by("-publication_date", "-pk")
        return items if include_future else items.filter(publication_date__lte=timezone.now())

    @path("")
    def index_view(self, request):
        return self.render(request, context_overrides=listing.build(self, request))

    @path("opd/<slug:opd_slug>/")
    def opd_view(self, request, opd_slug):
        opd = get_object_or_404(OPD, slug=opd_slug)
        return self.render(request, context_overrides=listing.build(self, request, opd=opd))

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return feeds.serve_feed(self, request, "rss")

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return feeds.serve_feed(self, request, "atom")

    @path("opd/<slug:opd_slug>/rss/", name="opd_rss")
    def opd_rss_feed(self, request, opd_slug):
        return feeds.serve_feed(self, request, "rss", opd=get_object_or_404(OPD, slug=opd_slug))

    @path("opd/<slug:opd_slug>/atom/", name="opd_atom")
    def opd_atom_feed(self, request, opd_slug):
        return feeds.serve_feed(self, request, "atom", opd=get_object_or_404(OPD, slug=opd_slug))

    @path("type/<slug:news_type>/rss/", name="type_rss")
    def type_rss_feed(self, request, news_type):
        return feeds.serve_feed(self, request, "rss", news_type=self._valid_type(news_type))

    @path("type/<slug:news_type>/atom/", name="type_atom")
    def type_atom_feed(self, request, news_type):
        return feeds.serve_feed(self, request, "atom", news_type=self._valid_type(news_type))

    @staticmethod
    def _valid_type(value):
        if value not in NewsType.values:
            raise Http404
        return value

    def opd_routes(self, slug):
        """The per-OPD view of ``slug`` and its feeds (routes, for the CDN purge)."""
        return [f"opd/{slug}/", f"opd/{slug}/rss/", f"opd/{slug}/atom/"]

    def get_cached_paths(self):
        """Every route a CDN may keep (serving/cdn.py): the listing, its feeds, the per-type feeds and each
        OPD's view and feeds (OPDs with a newsroom here). Paged and filtered views carry a query string."""
        paths = ["/", "rss/", "atom/"]
        for news_type in NewsType.values:
            paths += [f"type/{news_type}/rss/", f"type/{news_type}/atom/"]
        slugs = OPD.objects.filter(newsroom__path__startswith=self.path).values_list("slug", flat=True)
        for slug in slugs:
            paths += self.opd_routes(slug)
        return paths


class OPDNewsroomPage(CityPage):
    """One OPD's newsroom: the folder its news lives in, so that its contributors' permissions stop here.

    Visitors never stay here: it redirects to the city newsroom's stable per-OPD view.
    """

    # It only redirects to the per-OPD listing, so it is not a page of its own for search engines.
    in_sitemap = False

    opd = models.OneToOneField(
        "home.OPD",
        verbose_name=_("OPD"),
        on_delete=models.PROTECT,
        related_name="newsroom",
        help_text=_("The agency whose news is kept here."),
    )

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = ["news.NewsPage"]

    content_panels = Page.content_panels + [FieldPanel("opd")]

    class Meta:
        verbose_name = _("OPD newsroom")

    def cached_listings(self):
        """For the CDN purge (serving/cdn.py): the city newsroom's view and feeds of this OPD."""
        index = self.get_parent().specific
        return [(index, ["/", *index.opd_routes(self.opd.slug)])]

    def get_opd_view_url(self, request=None):
        index = self.get_parent().specific
        return index.url + index.reverse_subpage("opd_view", args=[self.opd.slug])

    def serve(self, request, *args, **kwargs):
        return redirect(self.get_opd_view_url(request))


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPageForm(WagtailAdminPageForm):
    """Sets the publishing OPD from the newsroom the page is created in: contributors cannot choose another."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        parent = self.parent_page.specific if self.parent_page else None
        if isinstance(parent, OPDNewsroomPage):
            self.instance.owner_opd = parent.opd
        if "co_opds" in self.fields:
            self.fields["co_opds"].queryset = OPD.objects.filter(active=True)


class NewsPage(CityPage):
    """A news article; bimtek and outreach news also carry the event's details, shown as one block."""

    class Stage(models.IntegerChoices):
        I = 1, _("Stage I")  # noqa: E741  (roman numerals are the point)
        II = 2, _("Stage II")
        III = 3, _("Stage III")
        IV = 4, _("Stage IV")

    class Mode(models.TextChoices):
        LURING = "luring", _("In person")
        DARING = "daring", _("Online")
        HYBRID = "hybrid", _("Hybrid (in person and online)")

    publication_date = models.DateTimeField(
        _("publication date and time"),
        default=timezone.now,
        help_text=_("Shown on the article, in Western Indonesian Time (WIB). Newsroom order follows it."),
    )
    news_type = models.CharField(
        _("news type"),
        max_length=20,
        choices=NewsType.choices,
        default=NewsType.BERITA,
        help_text=_("Technical guidance and public outreach news also show the event details."),
    )
    owner_opd = models.ForeignKey(
        "home.OPD",
        verbose_name=_("publishing OPD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="news_pages",
        help_text=_("Set from the OPD newsroom the article is in."),
    )
    co_opds = ParentalManyToManyField(
        "home.OPD",
        verbose_name=_("co-organising OPDs"),
        blank=True,
        related_name="co_organised_news",
        help_text=_("Other agencies that organised the activity with the publishing OPD."),
    )
    summary = summary_field(_("One or two sentences shown in listings, feeds and link previews."))
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        blank=True,
        verbose_name=_("tags"),
        help_text=_("Topics, separated by commas, for example: smart city, bimtek."),
    )
    cited_regulations = ParentalManyToManyField(
        "jdih.LegalDocumentPage",
        verbose_name=_("cited regulations"),
        blank=True,
        related_name="cited_by_news",
        help_text=_("Regulations and decrees the article cites, from the legal documents register (JDIH)."),
    )
    featured = models.BooleanField(
        _("feature in the newsroom"), default=False, help_text=_("Featured news is shown at the top of the newsroom.")
    )
    hero_image = optional_image(
        _("hero image"),
        _("The main photo, shown at the top and in link previews; give it alt text in the image library."),
    )
    hero_caption = models.CharField(
        _("hero image caption"), max_length=300, blank=True, help_text=_("What the photo shows, in a sentence.")
    )
    hero_credit = models.CharField(
        _("hero image credit"),
        max_length=200,
        blank=True,
        help_text=_("Photographer or source; the image's own credit is used when empty."),
    )
    body = StreamField(
        NewsStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The article: paragraphs, headings, images, quotations and documents."),
    )

    # Event details: bimtek, training and outreach news.
    event_title = models.CharField(
        _("event title"),
        max_length=250,
        blank=True,
        help_text=_("The event's full name, for example: Bimtek Tahap I Masterplan Smart City."),
    )
    event_series = models.CharField(
        _("event series"),
        max_length=250,
        blank=True,
        help_text=_("For example: Gerakan Menuju 100 Smart City."),
    )
    event_stage = models.PositiveSmallIntegerField(
        _("stage"),
        choices=Stage.choices,
        null=True,
        blank=True,
        help_text=_("The stage of a series of bimtek, if any."),
    )
    event_start = models.DateTimeField(
        _("starts"), null=True, blank=True, help_text=_("When the event starts, in WIB.")
    )
    event_end = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("When the event ends, in WIB. Leave empty for a single session.")
    )
    event_mode = models.CharField(
        _("attendance mode"), max_length=10, choices=Mode.choices, blank=True, help_text=_("In person, online or both.")
    )
    venue_name = models.CharField(
        _("venue"), max_length=250, blank=True, help_text=_("Where it takes place, for example: Aula Kantor Wali Kota.")
    )
    venue_address = models.CharField(
        _("venue address"), max_length=300, blank=True, help_text=_("The venue's street address.")
    )
    online_url = models.URLField(
        _("online meeting or stream URL"),
        blank=True,
        help_text=_("The link to join or watch online, starting with https://."),
    )
    event_organiser = models.ForeignKey(
        "home.OPD",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty when the publishing OPD organised it."),
    )
    event_partners = models.TextField(
        _("partners"),
        blank=True,
        help_text=_("One per line: ministries, universities, companies, communities."),
    )
    target_participants = models.TextField(
        _("target participants"),
        blank=True,
        help_text=_("Who the event is for, for example: OPD staff, camat and lurah. Groups only, never names."),
    )
    participant_count = models.PositiveIntegerField(
        _("number of participants"),
        null=True,
        blank=True,
        help_text=_(
            "A number only. Never publish participants' names, NIK or phone numbers "
            "(personal data protection law, UU 27/2022)."
        ),
    )
    speakers = StreamField(
        SpeakersBlock(),
        verbose_name=_("speakers"),
        blank=True,
        help_text=_("Each speaker's name and role, as they agreed to be named."),
    )
    agenda = StreamField(
        AgendaBlock(),
        verbose_name=_("agenda"),
        blank=True,
        help_text=_("The programme of the day: time and session."),
    )
    materials = StreamField(
        MaterialsBlock(),
        verbose_name=_("materials and recordings"),
        blank=True,
        help_text=_("Presentation slides, documents and recordings for participants."),
    )
    outcomes = RichTextField(
        _("outcomes"),
        blank=True,
        features=["bold", "italic", "link", "ol", "ul"],
        help_text=_("What the event agreed or produced."),
    )

    parent_page_types = ["news.OPDNewsroomPage"]
    subpage_types = []

    # What the article's template and JSON-LD show, fetched with the page when it is served (the
    # publishing and organising OPDs come from the cached OPD map, see get_context).
    serve_select_related = ["hero_image"]  # its tags, co-organising OPDs and related pages: see get_context

    base_form_class = NewsPageForm

    content_panels = page_panels(
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("publication_date"), FieldPanel("news_type")]),
                FieldPanel("co_opds", widget=forms.CheckboxSelectMultiple),
                FieldPanel("tags"),
                FieldPanel("featured"),
            ],
            heading=_("Publication"),
        ),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_caption"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("body"),
        FieldPanel("cited_regulations"),
        InlinePanel("related_pages", heading=_("Related heritage sites and smart city programmes"), label=_("Link")),
    )
    event_panels = [
        MultiFieldPanel(
            [FieldPanel("event_title"), FieldRowPanel([FieldPanel("event_series"), FieldPanel("event_stage")])],
            heading=_("Event"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("event_start"), FieldPanel("event_end")]),
                FieldPanel("event_mode"),
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldPanel("online_url"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("event_organiser"),
                FieldPanel("event_partners"),
                FieldPanel("target_participants"),
                FieldPanel("participant_count"),
            ],
            heading=_("Organisers and participants"),
        ),
        FieldPanel("speakers"),
        FieldPanel("agenda"),
        FieldPanel("materials"),
        FieldPanel("outcomes"),
    ]
    edit_handler = editor_tabs(content_panels, (_("Event details"), event_panels))

    site_search_fields = [
        SiteSearchField("title", weight="A"),
        SiteSearchField("event_title", weight="A"),
        SiteSearchField("summary", weight="B"),
        SiteSearchField("body", weight="C"),
        SiteSearchField("outcomes", weight="C"),
    ]
    search_filter_fields = ["news_type", "publication_date", "owner_opd"]
    site_search_opd_field = "owner_opd"
    site_search_date_field = "publication_date"

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")
        indexes = [
            # The newsroom lists newest first (publication date, then id): with these the database reads
            # the first page of items from the index instead of sorting every news item.
            models.Index(fields=["publication_date", "page_ptr"], name="news_pub_date_idx"),
            models.Index(
                fields=["publication_date", "page_ptr"], condition=models.Q(featured=True), name="news_featured_idx"
            ),
        ]

    def full_clean(self, *args, **kwargs):
        # The publishing OPD always follows the newsroom the page lives in.
        if self.path and self.depth and self.depth > 1:
            parent = self.get_parent()
            if parent is not None and isinstance(parent.specific, OPDNewsroomPage):
                self.owner_opd_id = parent.specific.opd_id
        super().full_clean(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.event_start and self.event_end and self.event_end < self.event_start:
            errors["event_end"] = _("The event cannot end before it starts.")
        for name in ("summary", "target_participants", "event_partners", "outcomes", "body"):
            for language in bilingual.LANGUAGE_CODES:
                field = build_localized_fieldname(name, language)
                value = getattr(self, field, None)
                raw = value.raw_data if hasattr(value, "raw_data") else value
                if raw and NIK_PATTERN.search(str(raw)):
                    errors[field] = _(
                        "This looks like a NIK (a 16-digit ID number). Personal ID numbers must never be published."
                    )
        if errors:
            raise ValidationError(errors)

    @property
    def is_event(self):
        """True for event news (bimtek, outreach) with event details filled in."""
        return self.news_type in EVENT_TYPES and bool(self.event_title or self.event_start)

    @property
    def organiser(self):
        return self.event_organiser or self.owner_opd

    @property
    def partner_list(self):
        return [line.strip() for line in (self.event_partners or "").splitlines() if line.strip()]

    @property
    def image_credit(self):
        return self.hero_credit or (self.hero_image.credit if self.hero_image else "")

    @cached_property
    def newsroom(self):
        """The city newsroom (NewsIndexPage) this article belongs to (from routing when it found it)."""
        for ancestor in reversed(routing.routed_ancestors(self) or []):
            if ancestor.specific_class is NewsIndexPage:
                return ancestor.specific_deferred
        return NewsIndexPage.objects.ancestor_of(self).first()

    def cached_listings(self):
        """The other pages whose routes list this article (for the CDN purge, serving/cdn.py): the city
        newsroom, its feeds, the per-type feeds of its type, and the view and feeds of its OPD (the per-OPD views
        list an OPD's own news). Related heritage sites and programmes link to it through the reference index."""
        index = NewsIndexPage.objects.ancestor_of(self).first()
        if index is None:
            parent = self.get_parent()
            return [(parent, None)] if parent else []
        paths = ["/", "rss/", "atom/", f"type/{self.news_type}/rss/", f"type/{self.news_type}/atom/"]
        if self.owner_opd_id:
            paths += index.opd_routes(OPD.objects.values_list("slug", flat=True).get(pk=self.owner_opd_id))
        return [(index, paths)]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(links.article_context(self, request))  # OPDs, tags, related pages, newsroom and feeds
        return context


class NewsRelatedPage(Orderable):
    """A heritage site or smart city programme a news item is about."""

    news_page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="related_pages")
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="news_links",
        help_text=_("A heritage site or smart city programme this news is about."),
    )

    panels = [PageChooserPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")

    def clean(self):
        super().clean()
        if self.page_id is None:
            return
        label = self.page.specific_class._meta.label if self.page.specific_class else ""
        if label not in RELATABLE_PAGE_TYPES:
            raise ValidationError(
                {"page": _("Choose a heritage site or a smart city programme; other pages cannot be linked here.")}
            )
