"""Add or update legal documents from a CSV spreadsheet (logic in jdih/importer.py)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from jdih import importer


class Command(BaseCommand):
    help = (
        "Add or update JDIH legal documents from a CSV file (one row per document, found by type, number "
        "and year), with the PDFs found by file name in --files-dir. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("csv_file", help="The CSV file (UTF-8, comma- or semicolon-separated, header row).")
        parser.add_argument("--files-dir", default=None, help="The folder holding the PDFs named in the file column.")
        parser.add_argument("--dry-run", action="store_true", help="Check every row and report, writing nothing.")

    def handle(self, *args, **options):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                report = importer.import_csv(
                    options["csv_file"], files_dir=options["files_dir"], dry_run=options["dry_run"]
                )
            except (OSError, UnicodeDecodeError, importer.RowError) as error:
                raise CommandError(str(error)) from error
            for number, reason in report.errors:
                self.stderr.write(self.style.WARNING(_("Row %(row)s: %(reason)s") % {"row": number, "reason": reason}))
            summary = _("Created %(created)s, updated %(updated)s, unchanged %(unchanged)s, skipped %(skipped)s.") % {
                "created": len(report.created),
                "updated": len(report.updated),
                "unchanged": len(report.unchanged),
                "skipped": len(report.errors),
            }
            if report.dry_run:
                summary = _("Dry run, nothing was saved. %(summary)s") % {"summary": summary}
            self.stdout.write(self.style.SUCCESS(summary))
