"""Server-rendered SVG charts: plain geometry that ``smartcity/includes/svg_chart.html`` draws.

No JavaScript, so the charts work in print and without scripts. Every bar carries its value
(``data-value``); its length is ``value / largest value * plot length``, which the tests check.
Labels sit above the bars rather than beside them and the legend is HTML, so a chart is as
readable in a 320 px column as on a desktop.
Each chart has a title and a description for screen readers, and the page shows the same
figures in a data table next to it.
"""

import textwrap
from decimal import Decimal

from django.utils.translation import gettext as _

from smartcity.choices import Status
from smartcity.formatting import format_number, format_rupiah

STATUS_CLASSES = {status: f"sc-status-{status}" for status in Status.values}

# Fills are written on the shapes themselves (not only in CSS) so print and feed readers keep them.
# Each has at least 3:1 contrast with white (WCAG 1.4.11); segments are also separated by a white stroke.
FILLS = {
    "sc-status-planned": "#5f6b7a",
    "sc-status-in-discussion": "#a85a00",
    "sc-status-running": "#0b5cad",
    "sc-status-completed": "#047857",
    "sc-status-postponed": "#6d3fc0",
    "sc-status-discontinued": "#b42318",
    "sc-budget-planned": "#8a9bab",
    "sc-budget-realised": "#0b4f6c",
    "sc-target": "#8a9bab",
    "sc-realisation": "#0b4f6c",
    "sc-baseline-key": "#a85a00",
}


# Horizontal positions and lengths are percentages of the chart's width (``PLOT``): the SVG has no viewBox, so
# it takes the width of its column while its text keeps its size in CSS pixels, readable on a 320 px phone.
# Vertical positions are pixels.
PLOT = 100


# SVG text does not wrap: labels are broken into lines that fit a 288 px column (a 320 px phone) at 13 px.
LABEL_CHARACTERS = 30
LINE_HEIGHT = 17


def _label_lines(label, y, characters=LABEL_CHARACTERS, **text):
    """``<text>`` entries for ``label`` broken into lines, the first baseline at ``y``; and the height they take."""
    lines = textwrap.wrap(str(label), characters) or [""]
    entries = [
        {"x": 0, "y": y + number * LINE_HEIGHT, "text": line, "anchor": "start", **text}
        for number, line in enumerate(lines)
    ]
    return entries, (len(lines) - 1) * LINE_HEIGHT


def _length(value, largest, plot):
    """The bar length for ``value`` on a scale where ``largest`` fills ``plot``."""
    if not largest or not value:
        return 0.0
    return round(float(Decimal(str(value)) / Decimal(str(largest)) * Decimal(plot)), 2)


def status_board_chart(board):
    """Stacked horizontal bars: one row per dimension (its name and total above the bar), one segment per status."""
    label_height, bar_height, gap = 20, 22, 14
    largest = max((row["total"] for row in board["rows"]), default=0)
    bars, texts = [], []
    y = 0
    for row in board["rows"]:
        lines, extra = _label_lines(row["label"], y + 14, LABEL_CHARACTERS - 4, weight="600")
        texts += lines
        texts.append({"x": 100, "y": y + 14, "text": str(row["total"]), "anchor": "end", "weight": "600"})
        y += label_height + extra
        x = 0.0
        for cell in row["cells"]:
            length = _length(cell["count"], largest, PLOT)
            if length:
                bars.append(
                    {
                        "x": round(x, 2),
                        "y": y,
                        "width": length,
                        "height": bar_height,
                        "value": cell["count"],
                        "series": cell["status"],
                        "css": STATUS_CLASSES[cell["status"]],
                        "label": f"{row['label']}, {cell['label']}: {cell['count']}",
                    }
                )
            x += length
        y += bar_height + gap
    return {
        "id": "sc-board-chart",
        "height": max(y - gap + 2, 1),
        "plot": PLOT,
        "largest": largest,
        "orientation": "horizontal",
        "bars": _filled(bars),
        "texts": texts,
        "legend": _legend([(STATUS_CLASSES[code], label) for code, label in Status.choices]),
        "lines": [],
        "title": _("Programmes by dimension and status"),
        "desc": _(
            "Stacked bar chart of %(total)s programmes: one bar per dimension, divided by status. "
            "%(running)s programmes are running. The table below gives the same figures."
        )
        % {"total": board["total"], "running": board["running"]},
    }


def budget_chart(budget):
    """Horizontal bars per funding source: planned above realised, each amount written above its bar."""
    label_height, value_height, bar_height, gap = 22, 18, 14, 16
    largest = max((max(row["planned"], row["realised"]) for row in budget["rows"]), default=0)
    bars, texts = [], []
    y = 0
    for row in budget["rows"]:
        lines, extra = _label_lines(row["label"], y + 15, weight="600")
        texts += lines
        y += label_height + extra
        for kind, css, kind_label in (
            ("planned", "sc-budget-planned", _("Planned")),
            ("realised", "sc-budget-realised", _("Realised")),
        ):
            amount = format_rupiah(row[kind])
            texts.append({"x": 0, "y": y + 13, "text": f"{kind_label}: {amount}", "anchor": "start"})
            y += value_height
            bars.append(
                {
                    "x": 0,
                    "y": y,
                    "width": _length(row[kind], largest, PLOT),
                    "height": bar_height,
                    "value": row[kind],
                    "series": kind,
                    "css": css,
                    "label": f"{row['label']}, {kind_label}: {amount}",
                }
            )
            y += bar_height + 4
        y += gap
    return {
        "id": "sc-budget-chart",
        "height": max(y - gap, 1),
        "plot": PLOT,
        "largest": largest,
        "orientation": "horizontal",
        "bars": _filled(bars),
        "texts": texts,
        "legend": _legend([("sc-budget-planned", _("Planned")), ("sc-budget-realised", _("Realised"))]),
        "lines": [],
        "title": _("Budget by funding source"),
        "desc": _(
            "Bar chart of planned and realised budget per funding source: %(planned)s planned, %(realised)s realised."
        )
        % {"planned": format_rupiah(budget["planned"]), "realised": format_rupiah(budget["realised"])},
    }


def indicator_chart(indicator, values, plot_height=180):
    """Vertical columns per year: target beside realisation, with the baseline as a dashed line.

    The largest value is written above the top gridline; the axis is zero."""
    top, bottom = 24, 26
    numbers = [v for value in values for v in (value.target, value.realisation) if v is not None]
    if indicator.baseline is not None:
        numbers.append(indicator.baseline)
    largest = max(numbers, default=0)
    axis_y = top + plot_height
    group = PLOT / max(len(values), 1)
    column = round(group * 0.3, 2)
    bars, texts, lines = [], [], []
    for position, value in enumerate(values):
        x0 = position * group + group * 0.17
        for offset, kind, css, kind_label in (
            (0, "target", "sc-target", _("Target")),
            (group * 0.36, "realisation", "sc-realisation", _("Realisation")),
        ):
            number = getattr(value, kind)
            length = _length(number, largest, plot_height)
            if number is not None:
                bars.append(
                    {
                        "x": round(x0 + offset, 2),
                        "y": round(axis_y - length, 2),
                        "width": column,
                        "height": length,
                        "value": number,
                        "series": kind,
                        "css": css,
                        "label": f"{value.year}, {kind_label}: {format_number(number)}",
                    }
                )
        texts.append(
            {"x": round(position * group + group / 2, 2), "y": axis_y + 18, "text": str(value.year), "anchor": "middle"}
        )
    if largest:
        texts.append({"x": 0, "y": top - 6, "text": format_number(largest), "anchor": "start"})
        lines.append({"x1": 0, "y1": top, "x2": PLOT, "y2": top, "css": "sc-grid"})
    lines.append({"x1": 0, "y1": axis_y, "x2": PLOT, "y2": axis_y, "css": "sc-axis"})
    if indicator.baseline is not None:
        baseline_y = round(axis_y - _length(indicator.baseline, largest, plot_height), 2)
        lines.append({"x1": 0, "y1": baseline_y, "x2": PLOT, "y2": baseline_y, "css": "sc-baseline"})
    legend_items = [("sc-target", _("Target")), ("sc-realisation", _("Realisation"))]
    if indicator.baseline is not None:
        legend_items.append(("sc-baseline-key", _("Baseline")))
    desc = _("Column chart of the yearly target and realisation of %(name)s, in %(unit)s.") % {
        "name": indicator.name,
        "unit": indicator.unit,
    }
    if indicator.baseline is not None:
        desc += " " + _("Baseline %(value)s in %(year)s.") % {
            "value": format_number(indicator.baseline),
            "year": indicator.baseline_year or "",
        }
    return {
        "id": f"sc-indicator-{indicator.key}",
        "height": axis_y + bottom,
        "plot": plot_height,
        "largest": largest,
        "orientation": "vertical",
        "bars": _filled(bars),
        "texts": texts,
        "legend": _legend(legend_items),
        "lines": lines,
        "title": _("%(name)s: target and realisation by year") % {"name": indicator.name},
        "desc": desc,
    }


def _filled(bars):
    for bar in bars:
        bar["fill"] = FILLS[bar["css"]]
    return bars


def _legend(items):
    """Legend entries, drawn as an HTML list under the chart so that they wrap on any width."""
    return [{"css": css, "fill": FILLS.get(css, "#000"), "label": str(label)} for css, label in items]
