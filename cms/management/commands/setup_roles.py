"""Create the editorial roles (groups and permissions) and the review workflow (idempotent)."""

from django.core.management.base import BaseCommand

from cms.roles import setup_roles
from editorial.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, TRANSLATORS_GROUP


class Command(BaseCommand):
    help = (
        f"Set up the groups '{ADMINISTRATORS_GROUP}', '{EDITORS_GROUP}', '{TRANSLATORS_GROUP}' and one "
        "OPD contributors group per active OPD, their permissions and the editorial review workflow. "
        "Safe to run again."
    )

    def handle(self, *args, **options):
        report = setup_roles()
        for name in report.groups_created:
            self.stdout.write(f"Created group {name}")
        for newsroom in report.newsrooms_created:
            self.stdout.write(f"Created newsroom {newsroom.title}")
        if report.workflow_created:
            self.stdout.write("Created the editorial review workflow")
        self.stdout.write(
            self.style.SUCCESS(
                f"Roles are set up ({len(report.groups_created)} groups and "
                f"{report.permissions_added} permissions added)."
            )
        )
