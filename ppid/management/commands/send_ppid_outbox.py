"""Send (or retry) the PPID e-mails to requesters that are still in the outbox."""

from django.core.management.base import BaseCommand

from ppid.outbox import MAX_ATTEMPTS, send_pending


class Command(BaseCommand):
    help = "Send the PPID e-mails still in the outbox (the background worker sends and retries them; this is by hand)."

    def add_arguments(self, parser):
        parser.add_argument("--max-attempts", type=int, default=MAX_ATTEMPTS, help="Skip e-mails tried this often.")

    def handle(self, *args, **options):
        sent, failed = send_pending(options["max_attempts"])
        style = self.style.SUCCESS if not failed else self.style.WARNING
        self.stdout.write(style(f"Sent {sent}, still failing {failed}."))
