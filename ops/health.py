"""``/healthz``: is this app server fit to take traffic? Database, cache, storage and migrations.

200 with ``{"status": "ok", ...}`` when every part answers, 503 naming the failed parts otherwise.
Cheap enough to poll every few seconds: one ``SELECT 1``, one cache write and read, one storage look-up and
one count of the applied migrations; the migration plan is worked out again only when that count changed.
Details of a failure go to the log, not to the (public) answer.
"""

import logging
import os
import threading
import uuid

from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.http import JsonResponse
from django.views.decorators.http import require_safe

logger = logging.getLogger(__name__)


def check_database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    cache = caches["default"]
    key, value = "healthz-probe", uuid.uuid4().hex
    cache.set(key, value, 30)
    if cache.get(key) != value:
        raise RuntimeError("the cache did not return the value just written")


def check_storage():
    if isinstance(default_storage, FileSystemStorage):
        location = default_storage.location
        if not (os.path.isdir(location) and os.access(location, os.W_OK)):
            raise RuntimeError(f"MEDIA_ROOT {location} is not a writable directory")
        return
    # An object store: a HEAD request for a key that need not exist; a wrong bucket or key fails.
    default_storage.exists("healthz-probe")


class _MigrationState:
    """Per process: the number of applied-migration rows last seen and whether nothing was pending then."""

    lock = threading.Lock()
    applied_rows = None
    complete = False


def check_migrations():
    connection = connections[DEFAULT_DB_ALIAS]
    table = connection.ops.quote_name(MigrationRecorder.Migration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # a table name from Django, quoted
        rows = cursor.fetchone()[0]
    with _MigrationState.lock:
        if rows != _MigrationState.applied_rows:
            executor = MigrationExecutor(connection)
            pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
            _MigrationState.applied_rows, _MigrationState.complete = rows, not pending
        if not _MigrationState.complete:
            raise RuntimeError("migrations are not all applied")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "migrations": check_migrations,
}


def run_checks():
    """{part: "ok" | "failed" | "skipped"}; migrations are skipped when the database is down."""
    results = {}
    for name, check in CHECKS.items():
        if name == "migrations" and results.get("database") != "ok":
            results[name] = "skipped"
            continue
        try:
            check()
        except Exception:
            logger.exception("Health check failed: %s", name)
            results[name] = "failed"
        else:
            results[name] = "ok"
    return results


@require_safe
def healthz(request):
    results = run_checks()
    failed = [name for name, result in results.items() if result != "ok"]
    body = {"status": "fail" if failed else "ok", "checks": results}
    if failed:
        body["failed"] = failed
    response = JsonResponse(body, status=503 if failed else 200)
    response["Cache-Control"] = "no-store"
    return response


class HealthCheckMiddleware:
    """Answers ``/healthz`` itself, right after the request id and before the other middleware.

    So no page-serving middleware (site lookup, sessions, caches, language redirects, the HTTPS redirect,
    the host check) stands between a load balancer's poll and the checks: a stopped cache or database is
    reported as a 503 naming it, not turned into a 500 by a middleware that needed it. The same view is
    in cms/urls.py, which answers when this middleware is not installed.
    """

    path = "/healthz"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == self.path:
            return healthz(request)
        return self.get_response(request)
