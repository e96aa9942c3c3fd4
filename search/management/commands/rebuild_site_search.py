"""Rebuild the language-aware site search index from the page tree."""

from django.core.management.base import BaseCommand

from search import indexing


class Command(BaseCommand):
    help = "Rebuild the site search index (both languages) from every live, public page."

    def handle(self, *args, **options):
        count = indexing.rebuild()
        self.stdout.write(self.style.SUCCESS(f"Indexed {count} entries."))
