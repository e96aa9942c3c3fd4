"""Bulk entry of legal documents from a spreadsheet (CSV), used by ``manage.py import_jdih``.

Each row is a document, found by its (type, number, year): a new one is added and published under the
register, an existing one is updated (a new revision, published only if the document is live, so a
document an editor withdrew stays withdrawn). The official PDF is found by its file name in a folder and
stored once (by its content hash), so running the same file again changes nothing. Bad rows are
reported with their row number and the reason, and skipped; a dry run checks everything and writes nothing.
"""

import csv
import datetime
import hashlib
import io
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.documents import get_document_model

from jdih.models import TYPE_NAMES, DocumentType, JDIHIndexPage, LegalDocumentPage, Status

REQUIRED = ["jenis", "nomor", "tahun", "judul"]
# CSV column -> model field, for the plain text columns (copied as they are, stripped).
TEXT_COLUMNS = {
    "judul": "title_ind",
    "judul_en": "title_en",
    "tempat_penetapan": "place_enacted",
    "sumber": "source",
    "subjek": "subjects",
    "alasan_status": "status_note_ind",
    "bahasa": "language",
    "bidang_hukum": "field_of_law",
    "teu_badan": "teu_body",
    "nomor_panggil": "call_number",
    "abstrak": "abstract_ind",
    "abstrak_en": "abstract_en",
    "jenis_lainnya": "other_type_name",
    "singkatan_jenis_lainnya": "other_type_abbreviation",
}
DATE_COLUMNS = {"tanggal_penetapan": "date_enacted", "tanggal_pengundangan": "date_promulgated"}
COLUMNS = [*REQUIRED, "status", "file", *TEXT_COLUMNS, *DATE_COLUMNS]
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y")


class RowError(Exception):
    """A row that cannot be imported; the message says why, in the language active when it is shown."""

    def __init__(self, message, **params):
        super().__init__(message)
        self.message, self.params = message, params

    def __str__(self):
        return str(self.message) % self.params if self.params else str(self.message)


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    errors: list = field(default_factory=list)  # (row number, reason)
    dry_run: bool = False


def _type_lookup():
    """Every way a spreadsheet may write a type (code, abbreviation, Indonesian name, alias) -> the type."""
    lookup = {}
    for doc_type in DocumentType:
        name, abbreviation, aliases = TYPE_NAMES[doc_type]
        for key in (doc_type.value, name, abbreviation, *aliases):
            if key:
                lookup.setdefault(key.casefold(), doc_type.value)
    lookup["sk"] = DocumentType.KEPWALI.value
    return lookup


def _status_lookup():
    lookup = {}
    for status in Status:
        lookup[status.value] = status.value
        lookup[status.value.replace("-", " ")] = status.value
    return lookup


def parse_date(value, column):
    value = value.strip()
    if not value:
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise RowError(
        _("%(column)s “%(value)s” is not a date (write it as YYYY-MM-DD or DD/MM/YYYY)."), column=column, value=value
    )


def parse_row(row):
    """The model field values of one CSV row (a dict of column -> text), or RowError."""
    row = {(key or "").strip().casefold(): (value or "").strip() for key, value in row.items() if key}
    missing = [column for column in REQUIRED if not row.get(column)]
    if missing:
        raise RowError(_("Missing required column(s): %(columns)s."), columns=", ".join(missing))
    doc_type = _type_lookup().get(row["jenis"].casefold())
    if doc_type is None:
        raise RowError(_("Unknown document type “%(value)s”."), value=row["jenis"])
    if not (row["tahun"].isdigit() and len(row["tahun"]) == 4):
        raise RowError(_("The year “%(value)s” is not a four-digit year."), value=row["tahun"])
    values = {"doc_type": doc_type, "number": row["nomor"], "year": int(row["tahun"])}
    if row.get("status"):
        status = _status_lookup().get(row["status"].casefold())
        if status is None:
            raise RowError(_("Unknown status “%(value)s”."), value=row["status"])
        values["status"] = status
    for column, name in TEXT_COLUMNS.items():
        if row.get(column):
            values[name] = row[column]
    for column, name in DATE_COLUMNS.items():
        if column in row:
            values[name] = parse_date(row[column], column)
    return values, row.get("file", "")


def read_rows(path):
    """``[(row number, {column: text})]`` from a CSV file in UTF-8 (with or without a BOM), comma- or
    semicolon-separated (spreadsheets in Indonesian locales save with semicolons). The header is row 1."""
    text = Path(path).read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else "", delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    return [(number, row) for number, row in enumerate(reader, start=2)]


def _sha1(path):
    digest = hashlib.sha1()  # noqa: S324  (the same content hash Wagtail keeps on each document)
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(65536), b""):
            digest.update(chunk)
    return digest.hexdigest()


def find_pdf(files_dir, filename):
    """The path of ``filename`` inside ``files_dir``; never outside it."""
    if not files_dir:
        raise RowError(_("The row names a file (%(file)s) but no --files-dir was given."), file=filename)
    base = Path(files_dir).resolve()
    candidate = (base / filename).resolve()
    if base not in candidate.parents or not candidate.is_file():
        raise RowError(_("The file %(file)s was not found in %(folder)s."), file=filename, folder=files_dir)
    return candidate


def document_for(path, title, dry_run):
    """The Wagtail document holding this file's content, stored once (looked up by its SHA-1)."""
    Document = get_document_model()
    file_hash = _sha1(path)
    existing = Document.objects.filter(file_hash=file_hash).first()
    if existing or dry_run:
        return existing
    document = Document(title=title, file_hash=file_hash, file_size=path.stat().st_size)
    with open(path, "rb") as handle:
        document.file = File(handle, name=path.name)
        document.save()
    return document


def unique_slug(index, values, exclude_pk=None):
    abbreviation = TYPE_NAMES[values["doc_type"]][1] or values["doc_type"]
    raw = f"{abbreviation}-{values['number']}-{values['year']}".replace("/", "-").replace(".", "-")
    base = slugify(raw)[:200] or "dokumen"
    slug, counter = base, 2
    siblings = LegalDocumentPage.objects.child_of(index)
    while siblings.filter(slug_ind=slug).exclude(pk=exclude_pk).exists():
        slug, counter = f"{base}-{counter}", counter + 1
    return slug


def reason(error):
    """The text of a row's error, in the active language."""
    if isinstance(error, RowError):
        return str(error)
    if hasattr(error, "error_dict"):
        return "; ".join(f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items())
    return " ".join(error.messages)


def import_row(index, values, pdf_path, dry_run):
    """Add or update one document; returns ``"created"``, ``"updated"`` or ``"unchanged"``."""
    existing = LegalDocumentPage.objects.filter(
        doc_type=values["doc_type"], number__iexact=values["number"], year=values["year"]
    ).first()
    if existing is not None:
        page = existing.get_latest_revision_as_object()
    else:
        page = LegalDocumentPage()
    changed = [name for name, value in values.items() if getattr(page, name) != value]
    for name, value in values.items():
        setattr(page, name, value)
    if pdf_path is not None:
        page.validate_metadata()  # before the file is stored: a refused row leaves no file behind
        document = document_for(pdf_path, values.get("title_ind", pdf_path.stem), dry_run)
        if document is None:  # a dry run: the file would be stored
            changed.append("pdf")
        elif page.pdf_id != document.pk:
            page.pdf = document
            changed.append("pdf")
    if existing is not None and not changed:
        return "unchanged", page
    if values.get("title_en") and not page.slug_en:
        page.slug_en = page.slug_ind or unique_slug(index, values)
    if existing is None:
        page.slug = page.slug_ind = unique_slug(index, values)
        if page.title_en and not page.slug_en:
            page.slug_en = page.slug_ind
        page.title = page.title_ind
        index.add_child(instance=page)
        page.save_revision().publish()
        return "created", page
    page.full_clean()
    revision = page.save_revision()
    if existing.live:
        revision.publish()
    return "updated", page


def import_csv(path, files_dir=None, dry_run=False, index=None):
    """Import every row of the CSV at ``path``; returns a Report. With ``dry_run`` nothing is written."""
    report = Report(dry_run=dry_run)
    index = index or JDIHIndexPage.objects.order_by("path").first()
    if index is None:
        raise RowError(_("There is no legal documents register page yet: create it in the admin first."))
    seen, errors = {}, []
    # Pages are built with the default language active, as wagtail-modeltranslation needs (slugs and URL
    # paths follow the active language); the reasons are worded afterwards, in the caller's language.
    with translation.override("id"), transaction.atomic():
        for number, row in read_rows(path):
            try:
                values, filename = parse_row(row)
                key = (values["doc_type"], values["number"].casefold(), values["year"])
                if key in seen:
                    raise RowError(_("The same document is already in row %(row)s."), row=seen[key])
                seen[key] = number
                pdf_path = find_pdf(files_dir, filename) if filename else None
                with transaction.atomic():
                    outcome, page = import_row(index, values, pdf_path, dry_run)
            except (RowError, ValidationError) as error:
                errors.append((number, error))
                continue
            getattr(report, outcome).append((number, page.identifier))
        if dry_run:
            transaction.set_rollback(True)
    report.errors = [(number, reason(error)) for number, error in errors]
    return report
