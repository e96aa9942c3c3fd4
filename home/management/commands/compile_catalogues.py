"""Compile locale/*/LC_MESSAGES/django.po to .mo without GNU gettext."""

from django.core.management.base import BaseCommand

from home.catalogues import catalogue_paths, compile_catalogue


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (pure Python, no msgfmt needed)."

    def handle(self, *args, **options):
        for po_path in catalogue_paths():
            count = compile_catalogue(po_path)
            self.stdout.write(f"{po_path}: {count} translated messages")
