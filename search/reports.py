"""The popular-queries report: built from QueryLog, which holds no personal data."""

import datetime

from django.db.models import Max, Min, Sum
from django.utils import timezone

DEFAULT_DAYS = 30


def popular_queries(days=DEFAULT_DAYS, language=None, limit=50):
    """``[{query_text, language, searches, results}]`` over the last ``days`` days, most searched first.

    ``results`` is the smallest result count seen, so a query that once found nothing shows 0.
    """
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    from search.models import QueryLog

    logs = QueryLog.objects.filter(date__gte=since)
    if language:
        logs = logs.filter(language=language)
    return list(
        logs.values("query_text", "language")
        .annotate(searches=Sum("searches"), results=Min("results"), last=Max("date"))
        .order_by("-searches", "query_text")[:limit]
    )


def zero_result_queries(days=DEFAULT_DAYS, language=None, limit=50):
    """The most searched queries that found nothing: content editors should write or promote for."""
    return [row for row in popular_queries(days, language, limit=1000) if row["results"] == 0][:limit]
