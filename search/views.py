"""The search results page and the autocomplete endpoint, both served by ``site_search``."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from search import querylog
from search.query import available_filters, site_search
from serving import params


def _filters(request):
    return {name: request.GET.get(name, "") for name in ("type", "opd", "year")}


@require_GET
def search(request):
    language = translation.get_language()
    query = request.GET.get("q", "")
    results = site_search(query, language, _filters(request), params.page_number(request.GET), request=request)
    query_params = request.GET.copy()
    query_params.pop("page", None)
    response = render(
        request,
        "search/search.html",
        {
            "results": results,
            "search_query": results.query,
            "filters": available_filters(language),
            "noindex": True,
            "page_query": query_params.urlencode(),
        },
    )
    response["X-Robots-Tag"] = "noindex"
    if results.terms and request.GET.get("page", "1") in ("", "1"):  # a new search, not paging
        # Counted by search.middleware on this answer and on each answer from the page cache.
        querylog.mark(response, results.query, language, results.total)
    return response


@require_GET
def suggest(request):
    """``{"query": …, "suggestions": [{"title": …, "url": …}]}`` from titles in the visitor's language."""
    language = translation.get_language()
    results = site_search(request.GET.get("q", ""), language, _filters(request), request=request, autocomplete=True)
    response = JsonResponse({"query": results.query, "suggestions": results.suggestions})
    response["X-Robots-Tag"] = "noindex"
    response["Cache-Control"] = "public, max-age=60"
    return response
