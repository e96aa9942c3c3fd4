"""The register as open data (CSV and JSON) in the visitor's language: live public entries only.

Exempt entries are listed (the law makes the list of exempt information public, with its legal basis
and consequence test) but never with documents. Both honour the listing's filters.
"""

import csv
import io
import json

from django.db.models import prefetch_related_objects
from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from ppid.register import filtered_entries

COLUMNS = [
    ("id", _("ID")),
    ("title", _("Title")),
    ("summary", _("Summary")),
    ("category", _("Category")),
    ("exemption", _("Exemption")),
    ("legal_basis", _("Legal basis")),
    ("consequence_test", _("Consequence test")),
    ("opd", _("Responsible OPD")),
    ("person_in_charge", _("Person in charge")),
    ("made_on", _("Made on")),
    ("period", _("Period covered")),
    ("format", _("Format")),
    ("retention", _("Retention period")),
    ("url", _("Web page")),
    ("documents", _("Documents")),
]

# A cell starting with one of these is read as a formula by spreadsheet programs (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """``value`` as a CSV cell that no spreadsheet runs as a formula: text starting with = + - @ tab or CR
    gets a leading apostrophe. Numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def entry_record(entry, request):
    documents = []
    if not entry.is_exempt:
        # From the prefetched rows (``records``), in the order the entry page shows them.
        for document in sorted(entry.dip_documents.all(), key=lambda document: (document.sort_order, document.pk)):
            url = entry.get_url(request) + entry.reverse_subpage("document", args=(document.pk,))
            documents.append({"title": document.title, "url": request.build_absolute_uri(url)})
    return {
        "id": entry.pk,
        "title": entry.title,
        "summary": entry.summary,
        "category": entry.get_category_display(),
        "exemption": entry.get_exemption_ground_display() if entry.is_exempt else "",
        "legal_basis": entry.legal_basis if entry.is_exempt else "",
        "consequence_test": entry.consequence_test if entry.is_exempt else "",
        "opd": entry.opd.name,
        "person_in_charge": entry.person_in_charge,
        "made_on": entry.made_on.isoformat(),
        "period": entry.period,
        "format": entry.get_info_format_display(),
        "retention": entry.retention,
        "url": request.build_absolute_uri(entry.get_url(request)),
        "documents": documents,
    }


def records(register, request):
    entries, _active, _options = filtered_entries(register, request.GET)
    prefetch_related_objects(entries, "dip_documents")
    return [entry_record(entry, request) for entry in entries]


def json_response(register, request):
    body = json.dumps({"entries": records(register, request)}, ensure_ascii=False)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"  # open data
    return response


def csv_rows(header, rows):
    """CSV text with a BOM (spreadsheets detect UTF-8), every cell made safe."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer)
    writer.writerow([safe_cell(str(cell)) for cell in header])
    for row in rows:
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def csv_response(register, request):
    rows = []
    for record in records(register, request):
        record = dict(record, documents=" ".join(document["url"] for document in record["documents"]))
        rows.append([record[key] for key, _heading in COLUMNS])
    response = HttpResponse(
        csv_rows([heading for _key, heading in COLUMNS], rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{register.slug}.csv"'
    return response
