"""Recompute every page's English state from its revisions. Safe to run again."""

from django.core.management.base import BaseCommand

from editorial.models import TranslationState
from editorial.status import update_all


class Command(BaseCommand):
    help = "Recompute the English translation state of every page (idempotent)."

    def handle(self, *args, **options):
        counts = update_all()
        labels = dict(TranslationState.choices)
        summary = ", ".join(f"{labels[state]}: {count}" for state, count in counts.items())
        self.stdout.write(
            self.style.SUCCESS(f"Translation status of {sum(counts.values())} pages updated ({summary}).")
        )
