"""The JDIHN harvest feed: the city's published legal documents in the shape the national portal reads.

Every value is a string and "-" stands where nothing applies, as the JDIHN integration expects.
"""

import os

from django.utils import translation

from home import bilingual
from jdih.models import STATUS_JDIHN, LegalDocumentPage

EMPTY = "-"
PUBLISHER = "Pemerintah Kota Tanjungpinang"
# Every key of one record, in the order the national portal lists them.
FIELDS = [
    "idData",
    "tahun_pengundangan",
    "tanggal_pengundangan",
    "jenis",
    "noPeraturan",
    "judul",
    "noPanggil",
    "singkatanJenis",
    "tempatTerbit",
    "penerbit",
    "deskripsiFisik",
    "sumber",
    "subjek",
    "isbn",
    "status",
    "bahasa",
    "bidangHukum",
    "teuBadan",
    "nomorIndukBuku",
    "fileDownload",
    "urlDownload",
    "abstrak",
    "urlabstrak",
    "urlDetailPeraturan",
    "operasi",
    "display",
]


def _text(value):
    value = "" if value is None else str(value).strip()
    return value or EMPTY


def published_documents():
    """Live, public documents, newest first."""
    return LegalDocumentPage.objects.listed().select_related("pdf").order_by("-year", "doc_type", "pk")


def record(document, request):
    """One document as a JDIHN record (Indonesian metadata, absolute URLs)."""
    pdf = document.pdf
    promulgated = document.date_promulgated
    data = {
        "idData": str(document.pk),
        "tahun_pengundangan": str(promulgated.year) if promulgated else EMPTY,
        "tanggal_pengundangan": promulgated.isoformat() if promulgated else EMPTY,
        "jenis": document.type_name,
        "noPeraturan": document.number,
        "judul": bilingual.localized_value(document, "title", "id"),
        "noPanggil": document.call_number,
        "singkatanJenis": document.type_abbreviation,
        "tempatTerbit": document.place_enacted,
        "penerbit": PUBLISHER,
        "deskripsiFisik": EMPTY,
        "sumber": document.source,
        "subjek": ", ".join(document.subject_list),
        "isbn": EMPTY,
        "status": STATUS_JDIHN.get(document.status, ""),
        "bahasa": document.language,
        "bidangHukum": document.field_of_law,
        "teuBadan": document.teu_body,
        "nomorIndukBuku": EMPTY,
        "fileDownload": os.path.basename(pdf.file.name) if pdf else EMPTY,
        "urlDownload": request.build_absolute_uri(pdf.url) if pdf else EMPTY,
        "abstrak": bilingual.localized_value(document, "abstract", "id"),
        "urlabstrak": EMPTY,
        "urlDetailPeraturan": request.build_absolute_uri(bilingual.page_url(document, "id", request)),
        "operasi": "4",
        "display": "1",
    }
    return {key: _text(data[key]) for key in FIELDS}


def feed(request):
    """Every published document as a JDIHN record."""
    with translation.override("id"):
        return [record(document, request) for document in published_documents()]
