"""Open data: programmes, budget lines and indicators as CSV and JSON, in the visitor's language.

Column names are stable machine keys (the same in both languages); codes (``dimension``,
``status``, ``source``) stay as codes and get a ``*_label`` column in the visitor's language.
Numbers are plain: whole rupiah as integers, indicator values with a dot as decimal separator.
Only the programmes the caller passes are exported; the index passes live, public ones.

The masterplan page's listing (which ``smartcity.models`` imports) uses it, so the dimension model comes from
the app registry, never from an import of the models.
"""

from collections import defaultdict
from decimal import Decimal

from django.apps import apps
from django.db.models import Prefetch
from django.utils import translation

from home.exports import write_dicts
from smartcity.choices import BudgetKind, Dimension, FundingSource, Horizon, Status

PROGRAMME_COLUMNS = [
    "programme_id",
    "programme_code",
    "title",
    "url",
    "dimension",
    "dimension_label",
    "secondary_dimensions",
    "horizon",
    "horizon_label",
    "quick_win",
    "status",
    "status_label",
    "lead_opd",
    "lead_opd_name",
    "supporting_opds",
    "partners",
    "start_year",
    "end_year",
    "summary",
    "beneficiaries",
    "location",
    "rpjmd_period",
    "rpjmd_programme",
    "rpjmd_programme_code",
    "illustrative_figures",
]
BUDGET_COLUMNS = [
    "programme_id",
    "programme_code",
    "programme_title",
    "fiscal_year",
    "source",
    "source_label",
    "kind",
    "kind_label",
    "amount_idr",
]
INDICATOR_COLUMNS = [
    "programme_id",
    "programme_code",
    "programme_title",
    "indicator_key",
    "indicator",
    "unit",
    "baseline",
    "baseline_year",
    "year",
    "target",
    "realisation",
]


def prefetch(programmes):
    """Everything the exports read, in a fixed number of queries."""
    return (
        programmes.select_related("lead_opd")
        .prefetch_related(
            "supporting_opds",
            "partners",
            "budget_lines",
            "indicators",
            "indicator_values",
            Prefetch(
                "secondary_dimensions",
                queryset=apps.get_model("smartcity", "SmartCityDimensionPage").objects.only("pk", "dimension"),
            ),
        )
        .order_by("path")
    )


def _number(value):
    """Decimal -> int when whole, else float; None stays None (JSON)."""
    if value is None:
        return None
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def _text(value):
    """A number for CSV (written by ``home.exports``: no exponent, dot as decimal separator), without
    trailing zeros; None as an empty cell."""
    if value is None:
        return ""
    value = Decimal(value)
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _label(choices, code):
    return str(dict(choices.choices).get(code, code))


def _programme(programme, request):
    return {
        "programme_id": programme.pk,
        "programme_code": programme.programme_code,
        "title": programme.title,
        "url": request.build_absolute_uri(programme.get_url(request)) if request else programme.get_url(),
        "dimension": programme.dimension,
        "dimension_label": _label(Dimension, programme.dimension),
        "secondary_dimensions": sorted(page.dimension for page in programme.secondary_dimensions.all()),
        "horizon": programme.horizon,
        "horizon_label": _label(Horizon, programme.horizon),
        "quick_win": programme.horizon == Horizon.QUICK_WIN,
        "status": programme.status,
        "status_label": _label(Status, programme.status),
        "lead_opd": programme.lead_opd.slug,
        "lead_opd_name": programme.lead_opd.name,
        "supporting_opds": sorted(opd.slug for opd in programme.supporting_opds.all()),
        "partners": [partner.name for partner in programme.partners.all()],
        "start_year": programme.start_year,
        "end_year": programme.end_year,
        "summary": programme.summary,
        "beneficiaries": programme.beneficiaries,
        "location": programme.location,
        "rpjmd_period": programme.rpjmd_period,
        "rpjmd_programme": programme.rpjmd_programme,
        "rpjmd_programme_code": programme.rpjmd_programme_code,
        "illustrative_figures": programme.illustrative_data,
    }


def _budget_lines(programme):
    lines = sorted(programme.budget_lines.all(), key=lambda line: (line.fiscal_year, line.source, line.kind, line.pk))
    return [
        {
            "fiscal_year": line.fiscal_year,
            "source": line.source,
            "source_label": _label(FundingSource, line.source),
            "kind": line.kind,
            "kind_label": _label(BudgetKind, line.kind),
            "amount_idr": line.amount,
        }
        for line in lines
    ]


def _indicators(programme):
    values = defaultdict(list)
    for value in sorted(programme.indicator_values.all(), key=lambda v: v.year):
        values[value.indicator_key].append(value)
    return [
        {
            "indicator_key": indicator.key,
            "indicator": indicator.name,
            "unit": indicator.unit,
            "baseline": indicator.baseline,
            "baseline_year": indicator.baseline_year,
            "values": [
                {"year": value.year, "target": value.target, "realisation": value.realisation}
                for value in values.get(indicator.key, [])
            ],
        }
        for indicator in programme.indicators.all()
    ]


def programme_rows(programmes, request=None):
    for programme in programmes:
        row = _programme(programme, request)
        for key in ("secondary_dimensions", "supporting_opds", "partners"):
            row[key] = "; ".join(row[key])
        for key in ("quick_win", "illustrative_figures"):
            row[key] = "1" if row[key] else "0"
        yield {column: "" if row[column] is None else row[column] for column in PROGRAMME_COLUMNS}


def budget_rows(programmes):
    for programme in programmes:
        for line in _budget_lines(programme):
            yield {
                "programme_id": programme.pk,
                "programme_code": programme.programme_code,
                "programme_title": programme.title,
                **line,
            }


def indicator_rows(programmes):
    for programme in programmes:
        for indicator in _indicators(programme):
            head = {
                "programme_id": programme.pk,
                "programme_code": programme.programme_code,
                "programme_title": programme.title,
                "indicator_key": indicator["indicator_key"],
                "indicator": indicator["indicator"],
                "unit": indicator["unit"],
                "baseline": _text(indicator["baseline"]),
                "baseline_year": indicator["baseline_year"] or "",
            }
            for value in indicator["values"] or [{"year": "", "target": None, "realisation": None}]:
                yield {
                    **head,
                    "year": value["year"],
                    "target": _text(value["target"]),
                    "realisation": _text(value["realisation"]),
                }


def write_csv(stream, columns, rows):
    """Write rows (dicts) under a header; UTF-8 with BOM, text that could be a formula neutralised."""
    write_dicts(stream, columns, rows, lineterminator="\r\n")


def as_json(index_page, programmes, request=None):
    """One document: the masterplan, then each programme with its budget lines and indicators."""
    items = []
    for programme in programmes:
        item = _programme(programme, request)
        item["budget_lines"] = _budget_lines(programme)
        item["indicators"] = [
            {
                **indicator,
                "baseline": _number(indicator["baseline"]),
                "values": [
                    {
                        "year": value["year"],
                        "target": _number(value["target"]),
                        "realisation": _number(value["realisation"]),
                    }
                    for value in indicator["values"]
                ],
            }
            for indicator in _indicators(programme)
        ]
        items.append(item)
    return {
        "language": translation.get_language(),
        "masterplan": {
            "title": index_page.title,
            "vision": index_page.vision,
            "period_start": index_page.period_start,
            "period_end": index_page.period_end,
            "url": request.build_absolute_uri(index_page.get_url(request)) if request else index_page.get_url(),
        },
        "programme_count": len(items),
        "programmes": items,
    }
