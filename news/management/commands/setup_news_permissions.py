"""Create one contributors group per OPD, the editors group and the review workflow on news (idempotent)."""

from django.core.management.base import BaseCommand

from news.permissions import MODERATORS_GROUP, setup_news_permissions


class Command(BaseCommand):
    help = (
        "Give every active OPD a newsroom and a contributors group that may write (not publish) its news, "
        f"and let '{MODERATORS_GROUP}' review and publish. Safe to run again (manage.py setup_roles sets up "
        "every role)."
    )

    def handle(self, *args, **options):
        report = setup_news_permissions()
        for name in report.groups_created:
            self.stdout.write(f"Created group {name}")
        for newsroom in report.newsrooms_created:
            self.stdout.write(f"Created newsroom {newsroom.title}")
        if report.workflow_created:
            self.stdout.write("Created the editorial review workflow")
        self.stdout.write(
            self.style.SUCCESS(
                f"News permissions are set up ({len(report.groups_created)} groups and "
                f"{report.permissions_added} permissions added)."
            )
        )
