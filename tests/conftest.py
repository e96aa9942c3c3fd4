from django.core.management import call_command
from django.db import connections

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Fill the translated columns of the pages Wagtail's migrations made (trap 4).

    Transactional tests (the browser tests) flush the database after each test and restore it from a
    snapshot taken when the test database was created, before this fix; so the snapshot is retaken
    here, or the restored tree root would have empty Indonesian URL paths again.
    """
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None) is not None:
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture(autouse=True)
def fresh_generation():
    """Each test starts with a new cache generation, so no test sees another's cached pages or derived
    data (the database is rolled back between tests, the cache is not)."""
    from serving import generation

    generation.bump()
