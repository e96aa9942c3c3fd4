"""Anonymise decided requests older than the retention period (PPID_RETENTION_DAYS)."""

from django.core.management.base import BaseCommand

from ppid.privacy import anonymise_old_requests


class Command(BaseCommand):
    help = "Remove the requesters' personal data from decided requests older than the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None, help="Retention in days (default PPID_RETENTION_DAYS).")
        parser.add_argument("--dry-run", action="store_true", help="List what would be anonymised; change nothing.")

    def handle(self, *args, **options):
        numbers = anonymise_old_requests(options["days"], options["dry_run"])
        verb = "Would anonymise" if options["dry_run"] else "Anonymised"
        for number in numbers:
            self.stdout.write(f"  {number}")
        self.stdout.write(self.style.SUCCESS(f"{verb} {len(numbers)} request(s)."))
