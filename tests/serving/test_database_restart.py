"""When PostgreSQL restarts, the site serves again at once: each worker's kept connection is checked
before a request (``conn_health_checks``) and replaced when the server went away, so the first request
after the restart is answered, not a 500. This module starts its own PostgreSQL (initdb + pg_ctl, on a
port of its own, in a throwaway directory), never the shared one."""

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.serving import stack
from tests.serving.site import CitySite

PG_BIN = Path("/usr/lib/postgresql/15/bin")
PG_PORT, SERVER_PORT = 8205, 8206

pytestmark = [
    pytest.mark.skipif(not (PG_BIN / "initdb").exists(), reason="PostgreSQL 15 server binaries are not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def as_postgres(command, **kwargs):
    """Run a PostgreSQL server command: as the postgres user when we are root (the server refuses root)."""
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, capture_output=True, **kwargs)


class OwnPostgreSQL:
    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="cms-pg-")
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres")
        self.data = os.path.join(self.directory, "data")
        as_postgres([str(PG_BIN / "initdb"), "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8"])
        self.pg_ctl("start")

    def pg_ctl(self, action, *extra):
        options = f"-p {PG_PORT} -k {self.directory} -c listen_addresses=127.0.0.1"
        as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", self.data, "-o", options, "-w", "-l", f"{self.data}.log", action, *extra]
        )

    def stop(self):
        try:
            self.pg_ctl("stop", "-m", "immediate")
        finally:
            shutil.rmtree(self.directory, ignore_errors=True)


def test_the_site_serves_again_right_after_postgresql_restarts(django_db_blocker):
    if not stack.using_postgresql():
        pytest.skip("runs on PostgreSQL (DATABASE_URL)")
    site = CitySite()
    site.news.save_revision().publish()
    urls = site.urls()[:12]
    source = stack.database_url()
    database = OwnPostgreSQL()
    server = None
    try:
        own = f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres"
        dump = subprocess.run([str(PG_BIN / "pg_dump"), "--no-owner", source], check=True, capture_output=True)
        subprocess.run(
            [str(PG_BIN / "psql"), "-q", "-v", "ON_ERROR_STOP=1", own],
            input=dump.stdout,
            check=True,
            capture_output=True,
        )
        # No cache at all: every answer below comes from the database.
        server = stack.Server(SERVER_PORT, workers=2, database=own, no_cache=True)
        before = stack.fetch_all(SERVER_PORT, urls, clients=4)
        assert all(answer.status < 500 for answer in before.values())

        database.pg_ctl("restart", "-m", "fast")
        # Right away, with no pause: every request (both workers' kept connections went away) is answered
        # as before the restart, so the site serves again as soon as PostgreSQL does.
        after = [stack.fetch(SERVER_PORT, urls[index % len(urls)]) for index in range(8)]
        assert [answer.status for answer in after] == [before[answer.url].status for answer in after]
        assert all(answer.body == before[answer.url].body for answer in after if answer.status == 200)
    finally:
        if server is not None:
            server.stop()
        database.stop()
