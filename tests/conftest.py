import os
import re

from django.core.management import call_command
from django.db import connections

import pytest


def _worker_redis_url(url, worker):
    """Give each pytest-xdist worker its own Redis database: worker gwN uses TEST_REDIS_URL's number + N
    (or - N where + N would pass 15), because the cache tests clear their database (FLUSHDB)."""
    match = re.fullmatch(r"(redis://[^/]*)(?:/(\d+))?", url)
    index = int(re.sub(r"\D", "", worker) or 0)
    if not match or not index:
        return url
    base = int(match.group(2) or 0)
    number = base + index if base + index <= 15 else base - index
    return f"{match.group(1)}/{number}"


# Set before any test module is imported (test modules read TEST_REDIS_URL at import).
if os.environ.get("PYTEST_XDIST_WORKER"):
    os.environ["TEST_REDIS_URL"] = _worker_redis_url(
        os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15"), os.environ["PYTEST_XDIST_WORKER"]
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Fill the translated columns of the pages Wagtail's migrations made (their ``url_path_ind`` is empty
    otherwise, and every child page would get a broken URL path).

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


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """Group the tests for pytest-xdist (bin/test runs ``--dist loadgroup``): each test module runs whole on
    one worker, so its module- and class-scoped fixtures (page trees, servers) are built once, and all the
    browser tests (tests/e2e) run on one worker, so Chromium starts once. New modules need no registration."""
    if not config.pluginmanager.hasplugin("xdist"):
        return
    for item in items:
        if item.get_closest_marker("xdist_group"):
            continue
        module = item.nodeid.split("::", 1)[0]
        item.add_marker(pytest.mark.xdist_group("e2e" if module.startswith("tests/e2e/") else module))
