"""``manage.py restore DIR``: a backup back into an empty database and storage (ops/backup.py, docs/deploy.md)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from ops import backup


class Command(BaseCommand):
    help = "Restore a backup made by 'backup' into an empty database and an empty media storage."

    def add_arguments(self, parser):
        parser.add_argument("directory", help="A directory written by 'manage.py backup'.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database and media storage that are not empty (everything in them is lost).",
        )
        parser.add_argument(
            "--check", action="store_true", help="Only check the backup's files against its manifest; change nothing."
        )

    def handle(self, *args, **options):
        directory = options["directory"]
        try:
            if options["check"]:
                problems = backup.verify(directory)
                if problems:
                    raise backup.BackupError("\n".join(problems))
                self.stdout.write(
                    self.style.SUCCESS(_("The backup in %(directory)s is sound.") % {"directory": directory})
                )
                return
            manifest = backup.restore(directory, force=options["force"], log=self.stdout.write)
        except backup.BackupError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                _("Restored the backup of %(created)s: %(rows)s rows and %(files)s files, all checked.")
                % {
                    "created": manifest["created"],
                    "rows": sum(manifest["counts"].values()),
                    "files": len(manifest["media"]["files"]),
                }
            )
        )
        self.stdout.write(_("Now run: manage.py migrate --noinput (if the code is newer than the backup)."))
