"""The DIP register's listing: which entries, which filters, and the listing page's context.

Filters come from the query string through ``DIPEntryFilterSet`` (``ppid/filters.py``) and are validated
against known values; anything else is ignored.

``ppid.models`` imports this module (the register page builds its listing here), so it reaches the entry model
through the app registry when it runs, never by importing it.
"""

from django.apps import apps
from django.core.paginator import Paginator

from home.models import OPD
from ppid.choices import Category
from ppid.filters import DIPEntryFilterSet
from serving import params as query_params
from serving.filtering import querystring

PAGE_SIZE = 30
FILTER_NAMES = list(DIPEntryFilterSet.base_filters)


def entry_queryset(register=None):
    """Live, public entries (of ``register`` when given), newest first, with their OPD."""
    return (
        apps.get_model("ppid", "DIPEntryPage")
        .objects.listed(register)
        .select_related("opd")
        .order_by("-made_on", "title", "pk")
    )


def filter_options(register):
    entries = entry_queryset(register)
    years = sorted({day.year for day in entries.values_list("made_on", flat=True)}, reverse=True)
    opds = OPD.objects.filter(pk__in=entries.values("opd_id")).order_by("acronym")
    return {"kategori": Category.choices, "opd": [(opd.slug, opd.name) for opd in opds], "tahun": years}


def filtered_entries(register, params):
    """``(entries, active_filters, filter_options)`` for a register and a query string: the listing and the
    exports (CSV, JSON) all come from here."""
    options = filter_options(register)
    filterset = DIPEntryFilterSet(
        params, entry_queryset(register), choices={"opd": options["opd"], "tahun": options["tahun"]}
    )
    return list(filterset.qs), filterset.active, options


def filter_querystring(active):
    return querystring(active, FILTER_NAMES)


def listing_context(register, request):
    entries, active, options = filtered_entries(register, request.GET)
    page = Paginator(entries, PAGE_SIZE).get_page(query_params.page_number(request.GET))
    return {
        "entries": page,
        "result_count": len(entries),
        "active_filters": active,
        "filter_query": filter_querystring(active),
        "filter_options": options,
    }
