"""``manage.py backup DIR``: the database and the media, with a manifest (ops/backup.py, docs/deploy.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ops import backup


class Command(BaseCommand):
    help = "Back up the database and the media into a new directory, with a manifest of counts and checksums."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A new or empty directory to write the backup into.")

    def handle(self, *args, **options):
        try:
            manifest = backup.backup(options["directory"], log=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        media = manifest["media"]
        self.stdout.write(
            self.style.SUCCESS(
                _("Backed up %(rows)s rows and %(files)s files into %(directory)s.")
                % {
                    "rows": sum(manifest["counts"].values()),
                    "files": len(media["files"]),
                    "directory": options["directory"],
                }
            )
        )
        if media["missing"]:
            self.stdout.write(
                self.style.WARNING(
                    _("%(count)s files were deleted while the backup ran and are not in it: %(names)s")
                    % {"count": len(media["missing"]), "names": ", ".join(media["missing"][:10])}
                )
            )
