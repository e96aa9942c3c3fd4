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
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Fill the translated columns of the pages Wagtail's migrations made (their ``url_path_ind`` is empty
    otherwise, and every child page would get a broken URL path), then keep a snapshot of the freshly
    migrated database when the session has transactional tests (see ``pytest_runtest_teardown``).

    Transactional tests with ``serialized_rollback`` start from that snapshot, so it is taken after the
    fix, or the restored tree root would have empty Indonesian URL paths again.
    """
    with django_db_blocker.unblock():
        call_command("update_translation_fields", verbosity=0)
        if any(_transactional(item) for item in request.session.items):
            from django.contrib.contenttypes.models import ContentType

            for connection in connections.all():
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()
                connection._test_content_types = list(ContentType.objects.using(connection.alias))
                connection._test_unmanaged_rows = _unmanaged_rows(connection)


def _unmanaged_tables(connection):
    """The tables no model owns (the site search's full-text, trigram and ranking tables), which Django's
    flush leaves as they are; on SQLite the shadow tables of a virtual table are left to SQLite."""
    with connection.cursor() as cursor:
        names = set(connection.introspection.table_names(cursor))
    names -= set(connection.introspection.django_table_names()) | {"django_migrations"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'")
            virtual = [row[0] for row in cursor.fetchall()]
        names = {name for name in names if not any(name.startswith(f"{table}_") for table in virtual)}
    return sorted(names)


def _unmanaged_rows(connection):
    rows = {}
    with connection.cursor() as cursor:
        for table in _unmanaged_tables(connection):
            cursor.execute(f'SELECT * FROM "{table}"')
            rows[table] = ([column[0] for column in cursor.description], cursor.fetchall())
    return rows


def _restore_unmanaged(connection):
    """Put the tables no model owns back as the snapshot had them (triggers may have filled them again)."""
    with connection.cursor() as cursor:
        for table, (columns, rows) in connection._test_unmanaged_rows.items():
            cursor.execute(f'DELETE FROM "{table}"')
            if rows:
                names = ", ".join(f'"{column}"' for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)


def _transactional(item):
    """Whether the test runs outside a rolled-back transaction (and so leaves an emptied database behind:
    Django flushes every table after such a test), and whether it restores the snapshot when it starts."""
    from django.test import TestCase, TransactionTestCase

    from pytest_django.fixtures import validate_django_db

    cls = getattr(item, "cls", None)
    if cls is not None and issubclass(cls, TransactionTestCase):
        return False if issubclass(cls, TestCase) else ("serialized" if cls.serialized_rollback else True)
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    if marker is not None:
        transaction, _reset, _databases, serialized, _apps = validate_django_db(marker)
    else:
        transaction = "transactional_db" in fixtures or "live_server" in fixtures
        serialized = "django_db_serialized_rollback" in fixtures
    if not (transaction or "live_server" in fixtures):
        return False
    return "serialized" if serialized else True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test, put the freshly migrated database back (Wagtail's root page, the default
    site, the locales, the groups) unless the next test does that itself, and always empty what Django's
    flush does not (the site search's own tables), so no test finds rows another left.

    Django's own runner can leave the tables empty because it runs every transactional test after all the
    others. Here a worker runs whole modules in any order (``pytest_xdist_make_scheduler``), so a module of
    ordinary tests may come after one that emptied the database.
    """
    result = yield
    kind = _transactional(item)
    if not kind or nextitem is None:
        # After the session's last test pytest has already torn down the session fixtures within the yield:
        # the test databases are gone and the connections name the real database of the settings again
        # (DATABASE_URL), which nothing here may empty or write to.
        return result
    from django.contrib.contenttypes.models import ContentType

    from pytest_django.plugin import blocking_manager_key

    restore = _transactional(nextitem) != "serialized"
    with item.config.stash[blocking_manager_key].unblock():
        for connection in connections.all():
            if getattr(connection, "_test_serialized_contents", None) is None:
                continue
            if kind != "serialized":
                # Its flush ran the post-migrate handlers, which made new content types and permissions:
                # empty the tables again without them, or the snapshot's rows would clash, whether this hook
                # writes them or the next test's serialized rollback does.
                call_command(
                    "flush",
                    database=connection.alias,
                    interactive=False,
                    verbosity=0,
                    inhibit_post_migrate=True,
                    reset_sequences=False,
                )
            _restore_unmanaged(connection)
            # The content types as the snapshot has them, cached before its rows are written (here, or by the
            # next test's serialized rollback): signal handlers of the restored rows look theirs up, and would
            # otherwise create them anew (or find ids of the emptied tables that name no row now).
            ContentType.objects.clear_cache()
            for content_type in connection._test_content_types:
                ContentType.objects._add_to_cache(connection.alias, content_type)
            if not restore:
                continue
            connection.creation.deserialize_db_from_string(connection._test_serialized_contents)
            _restore_unmanaged(connection)
    return result


@pytest.fixture(autouse=True)
def fresh_generation():
    """Each test starts with a new cache generation and no kept renditions, so no test sees another's
    cached pages, derived data or renditions (the database is rolled back between tests, the cache is not)."""
    from django.core.cache import caches

    from serving import generation

    generation.bump()
    # Wagtail's rendition cache is not keyed by the generation: a rendition kept by an earlier test (whose
    # rows were rolled back) would be found for a new image with the same id and file name.
    caches["renditions"].clear()


BROWSER_TESTS = "tests/e2e/"


def pytest_xdist_make_scheduler(config, log):
    """Hand the tests to the pytest-xdist workers a whole module at a time (``bin/test``), so a module's
    module- and class-scoped fixtures and ``setUpTestData`` (page trees, seeded demo sites, servers) are
    built once, on one worker; all the browser tests (tests/e2e) go together to one worker, first, so
    Chromium starts once and the longest unit of work does not come last.

    pytest-xdist's ``--dist loadgroup`` cannot do this any more: it marks a test's group by appending it
    to the test's id, which pytest 9.2 ignores, so every test was handed out on its own.
    """
    from xdist.scheduler import LoadFileScheduling

    if config.getvalue("dist") not in {"load", "loadgroup", "loadfile", "loadscope"}:
        return None

    class ModuleScheduling(LoadFileScheduling):
        started = False

        def _split_scope(self, nodeid):
            module = nodeid.split("::", 1)[0]
            return BROWSER_TESTS if module.startswith(BROWSER_TESTS) else module

        def _assign_work_unit(self, node):
            if not self.started:
                self.started = True
                if BROWSER_TESTS in self.workqueue:
                    self.workqueue.move_to_end(BROWSER_TESTS, last=False)
            super()._assign_work_unit(node)

    return ModuleScheduling(config, log)
