"""Admin view for the popular-queries report."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from search import reports
from search.models import LANGUAGE_CHOICES

PERIODS = [7, 30, 90, 365]


def popular_queries(request):
    if not request.user.has_perm("search.view_querylog"):
        raise PermissionDenied
    try:
        days = int(request.GET.get("days", reports.DEFAULT_DAYS))
    except ValueError:
        days = reports.DEFAULT_DAYS
    days = days if days in PERIODS else reports.DEFAULT_DAYS
    language = request.GET.get("language", "")
    language = language if language in dict(LANGUAGE_CHOICES) else ""
    return render(
        request,
        "search/admin/popular_queries.html",
        {
            "page_title": _("Popular search queries"),
            "header_icon": "search",
            "rows": reports.popular_queries(days, language or None),
            "zero_rows": reports.zero_result_queries(days, language or None),
            "languages": LANGUAGE_CHOICES,
            "language": language,
            "periods": PERIODS,
            "days": days,
        },
    )
