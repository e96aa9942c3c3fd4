"""The register's listing logic: which sites, which filters, and the listing page's context.

Plain functions so they can be tested without rendering. Filters come from the query string;
values that are not known choices are ignored (never an error).
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q

from heritage_pages.models import Category, HeritageSitePage, Kecamatan, LegalStatus, Level
from heritage_pages.related import map_tile_settings
from images.prefetch import prefetch_renditions
from serving import params as query_params

PAGE_SIZE = 24
# The rendition a site card shows (templates/heritage_pages/heritage_index_page.html).
CARD_IMAGE_SPEC = "fill-480x270|format-webp"

# Query-string name -> the model field it filters and the values it accepts.
CHOICE_FILTERS = {
    "kategori": ("category", Category),
    "status": ("legal_status", LegalStatus),
    "tingkat": ("designation_level", Level),
    "kecamatan": ("kecamatan", Kecamatan),
}
KAWASAN_FILTER = "kawasan"
FILTER_NAMES = [*CHOICE_FILTERS, KAWASAN_FILTER]


def site_queryset(index=None):
    """Live, public sites (of ``index`` when given), with what listings and exports show, by title."""
    queryset = HeritageSitePage.objects.live().public()
    if index is not None:
        queryset = queryset.descendant_of(index)
    return (
        queryset.defer_streamfields()
        .select_related("parent_area", "listing_image", "custodian_opd")
        .order_by("title", "pk")
    )


def kawasan_options(index=None):
    """The live, public areas (kawasan) a visitor can filter by."""
    queryset = HeritageSitePage.objects.live().public().filter(category=Category.KAWASAN)
    if index is not None:
        queryset = queryset.descendant_of(index)
    return list(queryset.defer_streamfields().order_by("title", "pk"))


def parse_filters(params, kawasan_ids):
    """The valid filters in ``params`` (a QueryDict or dict) as ``{name: value}``; anything else is dropped."""
    active = {}
    for name, (_field, choices) in CHOICE_FILTERS.items():
        value = query_params.choice(params, name, choices)
        if value is not None:
            active[name] = value
    area = query_params.integer(params, KAWASAN_FILTER)
    if area is not None and area in kawasan_ids:
        active[KAWASAN_FILTER] = area
    return active


def apply_filters(queryset, active):
    """Narrow ``queryset`` by the (already validated) filters; a kawasan filter keeps the area and its sites."""
    for name, (field, _choices) in CHOICE_FILTERS.items():
        if name in active:
            queryset = queryset.filter(**{field: active[name]})
    if KAWASAN_FILTER in active:
        area = active[KAWASAN_FILTER]
        queryset = queryset.filter(Q(pk=area) | Q(parent_area_id=area))
    return queryset


def filtered_sites(index, params):
    """``(sites, active_filters, kawasan_options)`` for an index page and a query string."""
    kawasan = kawasan_options(index)
    active = parse_filters(params, {area.pk for area in kawasan})
    return list(apply_filters(site_queryset(index), active)), active, kawasan


def filter_querystring(active):
    """The active filters as a query string (without ``page``), for pagination and download links."""
    return urlencode([(name, active[name]) for name in FILTER_NAMES if name in active])


def map_features(sites, request=None):
    """Marker data for the map script: one dict per site, in the active language."""
    return [
        {
            "lat": float(site.latitude),
            "lon": float(site.longitude),
            "title": site.title,
            "url": site.get_url(request),
            "status": site.get_legal_status_display(),
            "category": site.get_category_display(),
        }
        for site in sites
    ]


def listing_context(index, request):
    """Everything the index template needs: filters, the page of sites, map data and download links."""
    sites, active, kawasan = filtered_sites(index, request.GET)
    page = Paginator(sites, PAGE_SIZE).get_page(query_params.page_number(request.GET))
    prefetch_renditions(page.object_list, "listing_image", CARD_IMAGE_SPEC)
    return {
        "sites": page,
        "result_count": len(sites),
        "active_filters": active,
        "filter_query": filter_querystring(active),
        "filter_options": {
            "kategori": Category.choices,
            "status": LegalStatus.choices,
            "tingkat": Level.choices,
            "kecamatan": Kecamatan.choices,
            "kawasan": [(area.pk, area.title) for area in kawasan],
        },
        "map_features": map_features(sites, request),
        "map_tiles": map_tile_settings(),
    }
