"""Build the bilingual Tanjungpinang demo site (idempotent)."""

import importlib
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation

from serving import bulk, generation

# Each app's ``demo.py`` has ``seed(context)``; order matters (news links to heritage and programmes).
DEMO_APPS = ["home", "heritage_pages", "smartcity", "news", "jdih", "ppid", "search", "editorial"]


class Command(BaseCommand):
    help = "Create the bilingual demo site for Tanjungpinang. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--allow-demo-users",
            action="store_true",
            help="Create the demo accounts even with DEBUG off (never on a public server).",
        )
        parser.add_argument("--no-users", action="store_true", help="Do not create demo accounts.")

    def handle(self, *args, **options):
        create_users = not options["no_users"] and (settings.DEBUG or options["allow_demo_users"])
        if not options["no_users"] and not create_users:
            self.stdout.write(
                self.style.WARNING("DEBUG is off: demo accounts are not created (pass --allow-demo-users to force).")
            )
        context = {"create_users": create_users, "accounts": [], "stdout": self.stdout}
        # One transaction, one new generation at its end, and the side work of every save (search indexes,
        # reference index, translation states) done once per object when the block ends, not on each save.
        with (
            translation.override(settings.LANGUAGE_CODE),
            transaction.atomic(),
            generation.batched(),
            bulk.deferring(),
        ):
            for app in DEMO_APPS:
                if importlib.util.find_spec(f"{app}.demo") is None:
                    continue
                importlib.import_module(f"{app}.demo").seed(context)
            # What links across apps (the home page's quick links), once every app's pages exist.
            for finish in context.get("finish", []):
                finish(context)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        if context["accounts"]:
            self.stdout.write("Log in at /admin/ with:")
            for username, password, role in context["accounts"]:
                self.stdout.write(f"  {role:<28} {username} / {password}")
