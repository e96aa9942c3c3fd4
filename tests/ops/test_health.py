"""/healthz for load balancers and monitoring, the request id, JSON logs, Sentry and the metrics page."""

import gzip
import json
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

from django.db.migrations.recorder import MigrationRecorder
from django.test import override_settings

import pytest

from ops import health

ROOT = Path(__file__).resolve().parents[2]
# A loopback port where nothing listens: a stopped Redis or PostgreSQL.
CLOSED_PORT = 9


def run_python(code, **env):
    clean = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "SENTRY_"))}
    clean["DJANGO_SETTINGS_MODULE"] = "cms.test_settings"
    clean.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=120
    )


@pytest.mark.django_db
def test_healthy_site_answers_200_json_never_cached(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok", "migrations": "ok"},
    }
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"


@pytest.mark.django_db
def test_health_is_cheap_once_migrations_were_checked(client, django_assert_num_queries):
    """After the first call in a process, a poll costs two small queries: no walk of the migration graph."""
    client.get("/healthz")
    with django_assert_num_queries(2):
        assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_pending_migration_answers_503_naming_it(client):
    """A migration recorded as not applied (new code deployed before migrate) makes the server unfit."""
    # Not the record of a squashed migration: Django counts it applied again while all it replaces are.
    recorded = MigrationRecorder.Migration.objects.filter(app="home").exclude(name__contains="_squashed_")
    recorded.order_by("-id").first().delete()
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["migrations"]
    assert response.json()["checks"]["database"] == "ok"


@pytest.mark.django_db
def test_stopped_cache_answers_503_naming_it(client, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{CLOSED_PORT}/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1},
        },
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_missing_media_folder_answers_503_naming_storage(client, tmp_path):
    with override_settings(MEDIA_ROOT=str(tmp_path / "not-mounted")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


def test_stopped_database_answers_503_and_skips_migrations():
    result = run_python(
        "import django; django.setup(); from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code); print(r.content.decode())",
        DATABASE_URL=f"postgresql://postgres@127.0.0.1:{CLOSED_PORT}/none",
    )
    assert result.returncode == 0, result.stderr
    status, body = result.stdout.strip().splitlines()[-2:]
    assert status == "503"
    assert json.loads(body)["checks"] == {
        "database": "failed",
        "cache": "ok",
        "storage": "ok",
        "migrations": "skipped",
    }


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https_or_a_language(client, settings):
    """Load balancers poll over plain HTTP on the private network, at the root, without a language,
    by the server's address."""
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/healthz", HTTP_HOST="10.0.0.5:8000").status_code == 200
    assert client.get("/id/").status_code == 301  # everything else still goes to HTTPS


@pytest.mark.django_db
def test_request_id_is_kept_when_sane_and_made_otherwise(client):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c21-0001"})
    assert response["X-Request-ID"] == "lb-7f3a9c21-0001"
    made = client.get("/healthz", headers={"X-Request-ID": "<script>alert(1)</script>"})["X-Request-ID"]
    assert made != "<script>alert(1)</script>" and len(made) == 32
    assert client.get("/healthz")["X-Request-ID"] != made


def test_json_logs_are_one_object_per_line_with_the_request_id():
    """DJANGO_LOG_FORMAT=json (production): every line a JSON object, carrying the request's id."""
    result = run_python(
        "import django, logging; django.setup();"
        "from django.http import HttpResponse; from django.test import RequestFactory;"
        "from ops.requestid import RequestIdMiddleware;"
        "view = lambda request: logging.getLogger('cms.test').warning('inside %s', 'a request') or HttpResponse();"
        "RequestIdMiddleware(view)(RequestFactory().get('/', headers={'X-Request-ID': 'req-87654321'}));"
        "logging.getLogger('cms.test').warning('outside')",
        DJANGO_SETTINGS_MODULE="cms.settings",
        DJANGO_DEBUG="1",
        DJANGO_LOG_FORMAT="json",
    )
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stderr.splitlines()]
    inside, outside = (record for record in records if record["logger"] == "cms.test")
    assert inside["message"] == "inside a request" and inside["request_id"] == "req-87654321"
    assert inside["level"] == "WARNING" and "time" in inside
    assert outside["request_id"] == "-"


class _Collector(BaseHTTPRequestHandler):
    received = []

    def do_POST(self):
        self.received.append((self.path, self.rfile.read(int(self.headers["Content-Length"]))))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_go_to_sentry_when_a_dsn_is_set():
    """A real HTTP server on loopback stands in for Sentry; the event carries the request id tag."""
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        result = run_python(
            "import django; django.setup(); import sentry_sdk;"
            "sentry_sdk.capture_message('health test message'); sentry_sdk.flush(5)",
            SENTRY_DSN=f"http://publickey@127.0.0.1:{server.server_port}/42",
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    paths = [path for path, _ in _Collector.received]
    assert any(path.startswith("/api/42/envelope/") for path in paths), paths
    body = b"".join(
        gzip.decompress(payload) if payload[:2] == b"\x1f\x8b" else payload for _, payload in _Collector.received
    )
    assert b"health test message" in body and b"request_id" in body


@pytest.mark.django_db
def test_metrics_are_off_by_default_and_never_public(client, settings):
    assert client.get("/metrics").status_code == 403
    settings.METRICS_ENABLED = True
    ok = client.get("/metrics", REMOTE_ADDR="127.0.0.1")
    assert ok.status_code == 200 and b"python_info" in ok.content
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 403
    # Relayed by nginx: loopback address, but a visitor's request.
    assert (
        client.get("/metrics", REMOTE_ADDR="127.0.0.1", headers={"X-Forwarded-For": "203.0.113.9"}).status_code == 403
    )
    settings.METRICS_TOKEN = "s3cret-scrape-token"
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 403
    scraped = client.get("/metrics", REMOTE_ADDR="203.0.113.9", headers={"Authorization": "Bearer s3cret-scrape-token"})
    assert scraped.status_code == 200


def test_checks_report_every_part():
    assert list(health.CHECKS) == ["database", "cache", "storage", "migrations"]
