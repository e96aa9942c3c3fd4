"""Import a Blogger or WordPress export into the newsrooms (the work is in news/importing/)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from news.importing import importer, sources
from news.importing.progress import ProgressBar


class Command(BaseCommand):
    help = (
        "Import a Blogger export (current or classic) or a WordPress export (WXR) into the newsrooms: posts as "
        "news, static pages as standard pages, images into the library, old addresses as redirects. "
        "Safe to run again; --dry-run changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="The export file (Blogger .atom/.xml or WordPress .xml).")
        parser.add_argument("--format", default="auto", choices=["auto", "blogger", "wordpress"], dest="file_format")
        parser.add_argument("--opd", required=True, help="Acronym or slug of the OPD whose newsroom receives posts.")
        parser.add_argument("--label-map", help="CSV of label,target (an OPD, a news type, or empty to drop).")
        parser.add_argument("--media-dir", help="A folder to find images in by file name.")
        parser.add_argument("--fetch-media", action="store_true", help="Download images over HTTP(S).")
        parser.add_argument("--dry-run", action="store_true", help="Change nothing; print what would happen.")
        parser.add_argument("--pages-parent", default="", help="Path of the page static pages go under (home).")

    def handle(self, *args, **options):
        with translation.override(translation.get_language() or "en"):
            try:
                opts = self.build_options(options)
            except (importer.ImportConfigError, OSError) as error:
                raise CommandError(str(error)) from error
            bar = ProgressBar(self.stdout) if self.stdout.isatty() else None
            try:
                report = importer.run_import(options["file"], opts, progress=bar.update if bar else None)
            except sources.ExportError as error:
                raise CommandError(importer.file_error_message(error)) from error
            except importer.ImportConfigError as error:
                raise CommandError(str(error)) from error
            finally:
                if bar:
                    bar.finish()
            self.print_report(report)

    def build_options(self, options):
        index = importer.OPDIndex()
        label_map = {}
        if options["label_map"]:
            with open(options["label_map"], encoding="utf-8-sig") as handle:
                label_map = importer.read_label_map(handle.read(), index)
        return importer.Options(
            opd=importer.resolve_opd(options["opd"], index),
            label_map=label_map,
            media_dir=options["media_dir"] or "",
            fetch_media=options["fetch_media"],
            dry_run=options["dry_run"],
            pages_parent=importer.resolve_pages_parent(options["pages_parent"]),
            file_format=options["file_format"],
        )

    def print_report(self, report):
        for line in report.messages():
            self.stdout.write(line)
        heading = _("Dry run: nothing was changed.") if report.dry_run else _("Import finished.")
        entries = _("%(format)s, %(total)s entries") % {"format": report.file_format, "total": report.total}
        self.stdout.write(self.style.SUCCESS(f"{heading} ({entries})"))
        for label, number in report.summary():
            self.stdout.write(f"  {number:>6}  {label}")
