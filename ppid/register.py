"""The DIP register's listing: which entries, which filters, and the listing page's context.

Filters come from the query string and are validated against known values; anything else is ignored.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator

from home.models import OPD
from ppid.models import Category, DIPEntryPage

PAGE_SIZE = 30
FILTER_NAMES = ["kategori", "opd", "tahun"]


def entry_queryset(register=None):
    """Live, public entries (of ``register`` when given), newest first, with their OPD."""
    queryset = DIPEntryPage.objects.live().public()
    if register is not None:
        queryset = queryset.descendant_of(register)
    return queryset.select_related("opd").order_by("-made_on", "title", "pk")


def filter_options(register):
    entries = entry_queryset(register)
    years = sorted({day.year for day in entries.values_list("made_on", flat=True)}, reverse=True)
    opds = OPD.objects.filter(pk__in=entries.values("opd_id")).order_by("acronym")
    return {"kategori": Category.choices, "opd": [(opd.slug, opd.name) for opd in opds], "tahun": years}


def parse_filters(params, options):
    active = {}
    value = params.get("kategori", "")
    if isinstance(value, str) and value in Category.values:
        active["kategori"] = value
    value = params.get("opd", "")
    if isinstance(value, str) and value in {slug for slug, _name in options["opd"]}:
        active["opd"] = value
    value = params.get("tahun", "")
    if isinstance(value, str) and value.isdigit() and int(value) in options["tahun"]:
        active["tahun"] = int(value)
    return active


def apply_filters(queryset, active):
    if "kategori" in active:
        queryset = queryset.filter(category=active["kategori"])
    if "opd" in active:
        queryset = queryset.filter(opd__slug=active["opd"])
    if "tahun" in active:
        queryset = queryset.filter(made_on__year=active["tahun"])
    return queryset


def filtered_entries(register, params):
    options = filter_options(register)
    active = parse_filters(params, options)
    return list(apply_filters(entry_queryset(register), active)), active, options


def filter_querystring(active):
    return urlencode([(name, active[name]) for name in FILTER_NAMES if name in active])


def listing_context(register, request):
    entries, active, options = filtered_entries(register, request.GET)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "entries": page,
        "result_count": len(entries),
        "active_filters": active,
        "filter_query": filter_querystring(active),
        "filter_options": options,
    }
