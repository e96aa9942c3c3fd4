"""Test overlay: each override says why it exists."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")

from cms.settings import *  # noqa: E402,F403  (the one place a star import is the point)

# Tests run as production does (DEBUG off), but over plain HTTP with the test client.
DEBUG = False
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Fast hashing: the test suite creates many users.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Uploaded images and documents go to a throwaway folder, never the project's media/.
MEDIA_ROOT = tempfile.mkdtemp(prefix="cms-test-media-")
PPID_PRIVATE_ROOT = tempfile.mkdtemp(prefix="cms-test-private-")

# No manifest needed: tests must not depend on collectstatic having run.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Per-process caches, unless a test asks for Redis itself; the page cache is off so tests
# see fresh pages, and tests/serving/ turns it on.
CACHES = {
    alias: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"test-{alias}"}
    for alias in ("default", "pages", "renditions")
}
PAGE_CACHE = False

# Search counts are written at the end of each request, so a test reads them right after it;
# tests/search/test_promotions_and_log.py checks the wait between writes.
SEARCH_LOG_FLUSH_SECONDS = 0

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
EMAIL_DELIVERY_BACKEND = EMAIL_BACKEND  # what the queued backend sends through, when a test turns it on

# Background tasks run at once, in the test's own process and transaction; tests/tasks/ turns the database
# backend and its worker on.
TASKS = tasks_config("immediate")  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False}

# whitenoise looks for STATIC_ROOT at start-up; tests never run collectstatic.
STATIC_ROOT = tempfile.mkdtemp(prefix="cms-test-static-")

# Tests make no third-party requests: map tiles come from a blank local tile.
HERITAGE_MAP_TILE_URL = "/static/img/blank-tile.png?z={z}&x={x}&y={y}"

# Django's Client.login() calls authenticate() without a request, which django-axes refuses;
# tests/security/test_login_throttling.py turns axes on.
AXES_ENABLED = False
