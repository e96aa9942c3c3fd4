"""``bin/test`` with ``DATABASE_URL`` set to a real database never writes to that database.

pytest tears the session's fixtures down (and so drops the test databases and points the connections at the
settings' database again) before the teardown hooks that follow the last test. The suite's hook that restores
the database after a transactional test once flushed and refilled the real database there. Here a scratch
database stands for the real one: it gets the schema and an editor, the probe test runs alone in a pytest of
its own, and the editor must still be there, with nothing of the test's.
"""

import os
import subprocess
import sys
import uuid

from django.db import connection

import psycopg2
import pytest

from tests.serving.stack import ROOT

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="runs on PostgreSQL (DATABASE_URL)")

PROBE = "tests/harness/test_transactional_probe.py"


def server():
    """Where the suite's PostgreSQL is: host, port and user."""
    db = connection.settings_dict
    return db["HOST"] or "127.0.0.1", db["PORT"] or 5432, db["USER"] or "postgres"


def connect(name):
    host, port, user = server()
    return psycopg2.connect(host=host, port=port, user=user, password=connection.settings_dict["PASSWORD"], dbname=name)


@pytest.fixture
def scratch_database():
    """A new, migrated database with one editor, as a real site's; dropped afterwards."""
    host, port, user = server()
    name = f"scratch_{uuid.uuid4().hex[:10]}"
    admin = connect("postgres")
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": f"postgresql://{user}@{host}:{port}/{name}",
        "DJANGO_SETTINGS_MODULE": "cms.test_settings",
    }
    env.pop("PYTEST_XDIST_WORKER", None)
    try:
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True, capture_output=True)
        subprocess.run(
            [*manage, "shell", "-c", "from django.contrib.auth.models import User; User.objects.create_user('editor')"],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
        )
        yield name, env
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'DROP DATABASE IF EXISTS "test_{name}" WITH (FORCE)')
        admin.close()


def usernames(name):
    real = connect(name)
    try:
        with real.cursor() as cursor:
            cursor.execute("SELECT username FROM auth_user ORDER BY username")
            return [row[0] for row in cursor.fetchall()]
    finally:
        real.close()


def test_a_transactional_test_last_leaves_the_real_database_alone(scratch_database):
    name, env = scratch_database
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout and "error" not in run.stdout.lower()
    assert usernames(name) == ["editor"]
