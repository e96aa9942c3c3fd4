from django.core.management import call_command

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Fill the translated columns of the pages Wagtail's migrations made (trap 4)."""
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)
