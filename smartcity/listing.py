"""The masterplan page's listing, board and exports: what SmartCityIndexPage's routes answer.

``smartcity.models`` imports this module, so it never imports the models back: it works through the
masterplan page it is given (``index.programmes()``, ``index.filter_choices()``), and the modules it uses
reach the other smart city models through the app registry.
"""

from django.core.paginator import Paginator
from django.http import HttpResponse, JsonResponse
from django.utils import translation

from serving import params as query_params
from smartcity import board, charts, exports
from smartcity.choices import Horizon
from smartcity.filters import programme_filterset

PROGRAMMES_PER_PAGE = 24

CSV_EXPORTS = {
    "programmes": (exports.PROGRAMME_COLUMNS, lambda programmes, request: exports.programme_rows(programmes, request)),
    "budget-lines": (exports.BUDGET_COLUMNS, lambda programmes, request: exports.budget_rows(programmes)),
    "indicators": (exports.INDICATOR_COLUMNS, lambda programmes, request: exports.indicator_rows(programmes)),
}


def filtered_programmes(index, request, choices=None):
    """``(programmes, filterset)``: the programmes the query string's filters keep (``ProgrammeFilterSet``);
    the listing and every export use it. ``choices``: ``index.filter_choices()``, when the caller has them."""
    filterset = programme_filterset(index, request.GET, choices)
    return filterset.qs, filterset


def masterplan_context(index, request):
    """The masterplan page's listing, board and charts for ``request``'s filters and page."""
    choices = index.filter_choices()
    programmes, filterset = filtered_programmes(index, request, choices)
    listing = programmes.select_related("lead_opd").order_by("path")
    page_obj = Paginator(listing, PROGRAMMES_PER_PAGE).get_page(query_params.page_number(request.GET))
    all_programmes = index.programmes()
    progress = board.progress_board(all_programmes)
    budget = board.budget_by_source(all_programmes)
    filters = filterset.active
    return {
        "dimensions": index.dimension_pages(),
        "programmes": page_obj,
        "filters": filters,
        "filter_choices": choices,
        "filter_query": filterset.querystring(),
        "filtered": bool(filters),
        "board": progress,
        "board_chart": charts.status_board_chart(progress),
        "budget": budget,
        "budget_chart": charts.budget_chart(budget),
        "quick_wins": all_programmes.filter(horizon=Horizon.QUICK_WIN).select_related("lead_opd").order_by("path"),
    }


def export_name(what):
    return f"smart-city-{what}-{translation.get_language()}"


def export_response(index, request, what):
    """One of the masterplan's exports ("programmes", "budget-lines", "indicators" as CSV, or "json")."""
    programmes, _filterset = filtered_programmes(index, request)
    programmes = exports.prefetch(programmes)
    if what == "json":
        data = exports.as_json(index, programmes, request)
        response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
        response["Content-Disposition"] = f'inline; filename="{export_name("programmes")}.json"'
        response["Content-Language"] = translation.get_language()
        return response
    columns, make_rows = CSV_EXPORTS[what]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{export_name(what)}.csv"'
    response["Content-Language"] = translation.get_language()
    exports.write_csv(response, columns, make_rows(programmes, request))
    return response
