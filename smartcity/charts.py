"""Server-rendered SVG charts: plain geometry that ``smartcity/includes/svg_chart.html`` draws.

No JavaScript, so the charts work in print and without scripts. Every bar carries its value
(``data-value``); its length is ``value / largest value * plot length``, which the tests check.
Each chart has a title and a description for screen readers, and the page shows the same
figures in a data table next to it.
"""

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


def _length(value, largest, plot):
    """The bar length for ``value`` on a scale where ``largest`` fills ``plot``."""
    if not largest or not value:
        return 0.0
    return round(float(Decimal(str(value)) / Decimal(str(largest)) * Decimal(plot)), 2)


def status_board_chart(board, width=640):
    """Stacked horizontal bars: one row per dimension, one segment per status."""
    label_width, total_width, row_height, gap, top = 170, 40, 26, 12, 10
    plot = width - label_width - total_width
    largest = max((row["total"] for row in board["rows"]), default=0)
    bars, texts = [], []
    y = top
    for row in board["rows"]:
        texts.append({"x": label_width - 8, "y": y + row_height * 0.68, "text": str(row["label"]), "anchor": "end"})
        x = label_width
        for cell in row["cells"]:
            length = _length(cell["count"], largest, plot)
            if length:
                bars.append(
                    {
                        "x": round(x, 2),
                        "y": y,
                        "width": length,
                        "height": row_height,
                        "value": cell["count"],
                        "series": cell["status"],
                        "css": STATUS_CLASSES[cell["status"]],
                        "label": f"{row['label']}, {cell['label']}: {cell['count']}",
                    }
                )
            x += length
        texts.append({"x": round(x + 6, 2), "y": y + row_height * 0.68, "text": str(row["total"]), "anchor": "start"})
        y += row_height + gap
    legend, legend_y = _legend([(STATUS_CLASSES[code], label) for code, label in Status.choices], y + 4, width)
    return {
        "id": "sc-board-chart",
        "width": width,
        "height": legend_y,
        "plot": plot,
        "largest": largest,
        "orientation": "horizontal",
        "bars": _filled(bars),
        "texts": texts,
        "legend": legend,
        "lines": [],
        "title": _("Programmes by dimension and status"),
        "desc": _(
            "Stacked bar chart of %(total)s programmes: one bar per dimension, divided by status. "
            "%(running)s programmes are running. The table below gives the same figures."
        )
        % {"total": board["total"], "running": board["running"]},
    }


def budget_chart(budget, width=640):
    """Horizontal bars per funding source: planned above realised."""
    label_height, bar_height, gap, left, value_room = 20, 18, 14, 10, 150
    plot = width - left - value_room
    largest = max((max(row["planned"], row["realised"]) for row in budget["rows"]), default=0)
    bars, texts = [], []
    y = 6
    for row in budget["rows"]:
        texts.append({"x": left, "y": y + 14, "text": str(row["label"]), "anchor": "start"})
        y += label_height
        for kind, css, kind_label in (
            ("planned", "sc-budget-planned", _("Planned")),
            ("realised", "sc-budget-realised", _("Realised")),
        ):
            length = _length(row[kind], largest, plot)
            bars.append(
                {
                    "x": left,
                    "y": y,
                    "width": length,
                    "height": bar_height,
                    "value": row[kind],
                    "series": kind,
                    "css": css,
                    "label": f"{row['label']}, {kind_label}: {format_rupiah(row[kind])}",
                }
            )
            texts.append(
                {"x": round(left + length + 6, 2), "y": y + 13, "text": format_rupiah(row[kind]), "anchor": "start"}
            )
            y += bar_height + 2
        y += gap
    legend, legend_y = _legend([("sc-budget-planned", _("Planned")), ("sc-budget-realised", _("Realised"))], y, width)
    return {
        "id": "sc-budget-chart",
        "width": width,
        "height": legend_y,
        "plot": plot,
        "largest": largest,
        "orientation": "horizontal",
        "bars": _filled(bars),
        "texts": texts,
        "legend": legend,
        "lines": [],
        "title": _("Budget by funding source"),
        "desc": _(
            "Bar chart of planned and realised budget per funding source: %(planned)s planned, %(realised)s realised."
        )
        % {"planned": format_rupiah(budget["planned"]), "realised": format_rupiah(budget["realised"])},
    }


def indicator_chart(indicator, values, group_width=84, plot_height=180):
    """Vertical columns per year: target beside realisation, with the baseline as a dashed line."""
    left, top, bottom = 56, 12, 28
    numbers = [v for value in values for v in (value.target, value.realisation) if v is not None]
    if indicator.baseline is not None:
        numbers.append(indicator.baseline)
    largest = max(numbers, default=0)
    width = left + max(len(values), 1) * group_width + 10
    axis_y = top + plot_height
    bars, texts, lines = [], [], []
    column = (group_width - 20) / 2
    for position, value in enumerate(values):
        x0 = left + position * group_width + 8
        for offset, kind, css, kind_label in (
            (0, "target", "sc-target", _("Target")),
            (column + 4, "realisation", "sc-realisation", _("Realisation")),
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
        texts.append({"x": round(x0 + column + 2, 2), "y": axis_y + 18, "text": str(value.year), "anchor": "middle"})
    texts.append({"x": left - 6, "y": axis_y, "text": "0", "anchor": "end"})
    if largest:
        texts.append({"x": left - 6, "y": top + 10, "text": format_number(largest), "anchor": "end"})
    lines.append({"x1": left, "y1": axis_y, "x2": width - 4, "y2": axis_y, "css": "sc-axis"})
    if indicator.baseline is not None:
        baseline_y = round(axis_y - _length(indicator.baseline, largest, plot_height), 2)
        lines.append({"x1": left, "y1": baseline_y, "x2": width - 4, "y2": baseline_y, "css": "sc-baseline"})
    legend_items = [("sc-target", _("Target")), ("sc-realisation", _("Realisation"))]
    if indicator.baseline is not None:
        legend_items.append(("sc-baseline-key", _("Baseline")))
    legend, legend_y = _legend(legend_items, axis_y + bottom + 4, max(width, 320))
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
        "width": max(width, 320),
        "height": legend_y,
        "plot": plot_height,
        "largest": largest,
        "orientation": "vertical",
        "bars": _filled(bars),
        "texts": texts,
        "legend": legend,
        "lines": lines,
        "title": _("%(name)s: target and realisation by year") % {"name": indicator.name},
        "desc": desc,
    }


def _filled(bars):
    for bar in bars:
        bar["fill"] = FILLS[bar["css"]]
    return bars


def _legend(items, y, width, swatch=12, spacing=18):
    """Legend entries laid out left to right, wrapping; returns ``(entries, bottom y)``."""
    entries, x, line_y = [], 10, y
    for css, label in items:
        label = str(label)
        item_width = swatch + 6 + len(label) * 7 + spacing
        if x + item_width > width and x > 10:
            x, line_y = 10, line_y + 20
        entries.append(
            {
                "x": x,
                "y": line_y,
                "css": css,
                "fill": FILLS.get(css, "#000"),
                "label": label,
                "text_x": x + swatch + 6,
                "text_y": line_y + 11,
            }
        )
        x += item_width
    return entries, line_y + 24
