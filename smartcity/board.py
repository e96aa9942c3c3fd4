"""The progress board and the budget by source, computed with a fixed number of aggregate queries.

The masterplan page's listing uses it, and ``smartcity.models`` imports that listing: the budget line model
comes from the app registry, never from an import of the models.
"""

from django.apps import apps
from django.db.models import Count, Sum

from smartcity.choices import BudgetKind, Dimension, FundingSource, Status


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
    budget_lines = apps.get_model("smartcity", "ProgrammeBudgetLine").objects
    sums = {
        (row["source"], row["kind"]): row["amount"] or 0
        for row in budget_lines.filter(page__in=programmes.order_by().values("pk"))
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
