"""The register's listing logic: which sites, which filters, and the listing page's context.

Filters come from the query string through ``HeritageSiteFilterSet`` (``serving.filtering``): the listing, its
map and the exports (GeoJSON, CSV) all use ``filtered_sites``; values that are not known choices are ignored
(never an error).

``heritage_pages.models`` imports this module (the register page builds its listing here), so it reaches the
site model through the app registry when it runs, never by importing it.
"""

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Q

from heritage_pages.choices import Category, Kecamatan, LegalStatus, Level
from heritage_pages.related import map_tile_settings
from images.prefetch import prefetch_renditions
from serving import params as query_params
from serving.filtering import ChoiceFilter, ListingFilterSet, querystring

PAGE_SIZE = 24
# The rendition a site card shows (templates/heritage_pages/heritage_index_page.html).
CARD_IMAGE_SPEC = "fill-480x270|format-webp"

KAWASAN_FILTER = "kawasan"


class HeritageSiteFilterSet(ListingFilterSet):
    """The register's filters: category, legal status, level, kecamatan and area (kawasan).

    An area filter keeps the area and its sites; its choices are the live, public areas (``choices=``).
    """

    kategori = ChoiceFilter(field_name="category", choices=Category.choices)
    status = ChoiceFilter(field_name="legal_status", choices=LegalStatus.choices)
    tingkat = ChoiceFilter(field_name="designation_level", choices=Level.choices)
    kecamatan = ChoiceFilter(field_name="kecamatan", choices=Kecamatan.choices)
    kawasan = ChoiceFilter(coerce=int, choices=[], method="filter_kawasan")

    def filter_kawasan(self, queryset, _name, area):
        return queryset.filter(Q(pk=area) | Q(parent_area_id=area))


FILTER_NAMES = list(HeritageSiteFilterSet.base_filters)


def site_pages():
    """The heritage site model's manager."""
    return apps.get_model("heritage_pages", "HeritageSitePage").objects


def site_queryset(index=None):
    """Live, public sites (of ``index`` when given), with what listings and exports show, by title."""
    return (
        site_pages()
        .listed(index)
        .defer_streamfields()
        .select_related("parent_area", "listing_image", "custodian_opd")
        .order_by("title", "pk")
    )


def kawasan_options(index=None):
    """The live, public areas (kawasan) a visitor can filter by."""
    areas = site_pages().listed(index).filter(category=Category.KAWASAN)
    return list(areas.defer_streamfields().order_by("title", "pk"))


def site_filterset(params, kawasan_ids, queryset=None):
    """The register's FilterSet for a query string, the areas ``kawasan_ids`` being the known ones."""
    if queryset is None:
        queryset = site_pages().none()
    return HeritageSiteFilterSet(params, queryset, choices={KAWASAN_FILTER: [(pk, pk) for pk in kawasan_ids]})


def parse_filters(params, kawasan_ids):
    """The valid filters in ``params`` (a QueryDict or dict) as ``{name: value}``; anything else is dropped."""
    return site_filterset(params, kawasan_ids).active


def filtered_sites(index, params):
    """``(sites, active_filters, kawasan_options)`` for an index page and a query string: the listing, the map,
    the GeoJSON and the CSV all come from here."""
    kawasan = kawasan_options(index)
    filterset = site_filterset(params, {area.pk for area in kawasan}, site_queryset(index))
    return list(filterset.qs), filterset.active, kawasan


def filter_querystring(active):
    """The active filters as a query string (without ``page``), for pagination and download links."""
    return querystring(active, FILTER_NAMES)


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
