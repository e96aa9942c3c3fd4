"""The progress board and the listing filters, computed with a fixed number of aggregate queries."""

from urllib.parse import urlencode

from django.db.models import Count, Q, Sum

from serving import params as query_params
from smartcity.choices import BudgetKind, Dimension, FundingSource, Status
from smartcity.models import ProgrammeBudgetLine, SmartCityProgrammePage

FILTER_NAMES = ("dimension", "horizon", "status", "opd", "source")


def clean_filters(params, choices):
    """The query-string filters whose values are known; unknown names and values are ignored."""
    filters = {}
    for name in FILTER_NAMES:
        value = query_params.choice(params, name, choices.get(name, []))
        if value is not None:
            filters[name] = value
    return filters


def apply_filters(programmes, filters):
    """Narrow a programme queryset by validated filters (the dimension counts secondary dimensions too)."""
    if "dimension" in filters:
        through = SmartCityProgrammePage.secondary_dimensions.through
        secondary = through.objects.filter(smartcitydimensionpage__dimension=filters["dimension"]).values(
            "smartcityprogrammepage_id"
        )
        programmes = programmes.filter(Q(dimension=filters["dimension"]) | Q(pk__in=secondary))
    if "horizon" in filters:
        programmes = programmes.filter(horizon=filters["horizon"])
    if "status" in filters:
        programmes = programmes.filter(status=filters["status"])
    if "opd" in filters:
        programmes = programmes.filter(lead_opd__slug=filters["opd"])
    if "source" in filters:
        funded = ProgrammeBudgetLine.objects.filter(source=filters["source"]).values("page_id")
        programmes = programmes.filter(pk__in=funded)
    return programmes


def filter_query(filters, **extra):
    """The validated filters as a query string, for pagination and export links."""
    params = {name: filters[name] for name in FILTER_NAMES if name in filters}
    params.update({k: v for k, v in extra.items() if v})
    return urlencode(params)


def progress_board(programmes):
    """Programme counts by dimension x status (one query), with row, column and grand totals."""
    counts = {
        (row["dimension"], row["status"]): row["n"]
        for row in programmes.order_by().values("dimension", "status").annotate(n=Count("pk"))
    }
    rows = []
    for dimension, label in Dimension.choices:
        cells = [
            {"status": status, "label": status_label, "count": counts.get((dimension, status), 0)}
            for status, status_label in Status.choices
        ]
        rows.append({"dimension": dimension, "label": label, "cells": cells, "total": sum(c["count"] for c in cells)})
    status_totals = [
        {"status": status, "label": label, "count": sum(counts.get((d, status), 0) for d in Dimension.values)}
        for status, label in Status.choices
    ]
    total = sum(counts.values())
    running = sum(c["count"] for c in status_totals if c["status"] == Status.RUNNING)
    return {
        "rows": rows,
        "status_totals": status_totals,
        "total": total,
        "running": running,
        "statuses": list(Status.choices),
    }


def budget_by_source(programmes):
    """Planned and realised totals per funding source (one query), sources with money only."""
    sums = {
        (row["source"], row["kind"]): row["amount"] or 0
        for row in ProgrammeBudgetLine.objects.filter(page__in=programmes.order_by().values("pk"))
        .order_by()
        .values("source", "kind")
        .annotate(amount=Sum("amount"))
    }
    rows = []
    for source, label in FundingSource.choices:
        planned = sums.get((source, BudgetKind.PLANNED), 0)
        realised = sums.get((source, BudgetKind.REALISED), 0)
        if planned or realised:
            rows.append({"source": source, "label": label, "planned": planned, "realised": realised})
    return {
        "rows": rows,
        "planned": sum(row["planned"] for row in rows),
        "realised": sum(row["realised"] for row in rows),
    }
