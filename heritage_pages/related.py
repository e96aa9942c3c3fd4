"""What a heritage site page shows beside its own fields: the area it lies in, the sites inside it, its
inline lists (gallery, documents, sources), its listing image's renditions and its map.

heritage_pages/models.py imports this module; it never imports the models back: it queries through the
page's own class and relations.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Site

from heritage_pages import choices
from home import bilingual
from serving.derived import remember

# The inline lists a site page shows: context name -> (relation, what it shows with each row).
INLINE_LISTS = {
    "gallery": ("gallery_images", ["image"]),
    "documents": ("documents", ["document"]),
    "sources": ("sources", []),
}

# The listing image's renditions on a site page: link previews (Open Graph, JSON-LD) and the page itself.
OG_IMAGE_SPEC = "fill-1200x630|format-jpeg"
HERO_IMAGE_SPEC = "width-960|format-webp"


def map_tile_settings():
    """The tile server and attribution the maps use (from settings, OpenStreetMap by default)."""
    return {"url": settings.HERITAGE_MAP_TILE_URL, "attribution": settings.HERITAGE_MAP_ATTRIBUTION}


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

    @property
    def is_designated(self):
        return choices.is_designated(self.legal_status)

    @property
    def schema_type(self):
        return choices.schema_type(self.is_visitable)

    def get_legal_status_display(self):
        return dict(choices.LegalStatus.choices).get(self.legal_status, self.legal_status)

    def get_designation_level_display(self):
        return dict(choices.Level.choices).get(self.designation_level, self.designation_level)


def site_context(page, request):
    """The template context a site page adds to Wagtail's: its area and sites, inline lists, map and
    listing image."""
    derived = derived_data(page, request)
    context = {"parent_area": derived["parent_area"], "child_sites": derived["child_sites"]}
    context.update(inline_lists(page, request, derived))
    context["map_tiles"] = map_tile_settings()
    context["map_features"] = [
        {"lat": float(page.latitude), "lon": float(page.longitude), "title": page.title, "url": ""}
    ]
    renditions = derived["listing_image_renditions"]
    if renditions:
        for rendition in renditions.values():
            rendition.image = page.listing_image  # its alt text, in the visitor's language
        context["og_image_url"] = request.build_absolute_uri(renditions[OG_IMAGE_SPEC].url)
        # What {% image page.listing_image width-960 format-webp loading="eager" %} writes, without the
        # tag's lookup and write-back of the rendition in the renditions cache.
        context["listing_image_tag"] = renditions[HERO_IMAGE_SPEC].img_tag({"loading": "eager"})
    return context


def derived_data(page, request):
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
        return compute_derived_data(page, request)
    site = Site.find_for_request(request)
    key = ":".join(
        str(part)
        for part in (
            "heritage:derived",
            translation.get_language(),
            site.pk if site else "",
            page.pk,
            page.parent_area_id,
            page.listing_image_id,
        )
    )
    return remember(key, lambda: compute_derived_data(page, request))


def compute_derived_data(page, request):
    """``derived_data()`` computed now. One query: the parent area, the sites in this one, and this page
    with a flag per inline list."""
    flags = {
        f"has_{relation}": Exists(page._meta.get_field(relation).related_model.objects.filter(page=OuterRef("pk")))
        for relation, _related in INLINE_LISTS.values()
    }
    related = type(page).objects.live().public()
    related = related.filter(Q(parent_area=page) | Q(pk__in=[page.parent_area_id, page.pk]))
    related = list(related.defer_streamfields().annotate(**flags).order_by("title"))
    this = next((site for site in related if site.pk == page.pk), None)
    filled_lists = [
        relation for relation, _related in INLINE_LISTS.values() if this is None or getattr(this, f"has_{relation}")
    ]
    return {
        "parent_area": next((SiteLink.of(site, request) for site in related if site.pk == page.parent_area_id), None),
        "child_sites": [SiteLink.of(site, request) for site in related if site.parent_area_id == page.pk],
        # A page this query cannot see (in a private section) fetches every list.
        "filled_lists": filled_lists,
        "sources": (
            [{"citation": source.citation, "url": source.url} for source in page.sources.all()]
            if "sources" in filled_lists
            else []
        ),
        "listing_image_renditions": (
            get_renditions_or_not_found(page.listing_image, (OG_IMAGE_SPEC, HERO_IMAGE_SPEC))
            if page.listing_image_id
            else {}
        ),
    }


def inline_lists(page, request, derived):
    """``gallery``, ``documents`` and ``sources`` for the template: the sources from ``derived`` (see
    ``derived_data()``), one query for each other list that has rows, none for an empty one. A preview
    shows the rows in the editor's form."""
    preview = getattr(request, "is_preview", False)
    lists = {}
    for name, (relation, related) in INLINE_LISTS.items():
        rows = getattr(page, relation).all()
        if name == "sources" and not preview:
            lists[name] = derived["sources"]
        elif preview or relation in derived["filled_lists"]:
            lists[name] = rows.select_related(*related) if related else rows
        else:
            lists[name] = []
    return lists
