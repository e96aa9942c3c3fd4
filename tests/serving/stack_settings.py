"""Settings for the servers the real-stack tests start (gunicorn on loopback), from the environment:
production's settings, with static files served without a manifest (the tests run no collectstatic).
``STACK_NO_CACHE=1`` gives the cache-free server the tests take as the truth: no cache at all."""

import os
import tempfile

from cms.settings import *  # noqa: F403  (production's settings, as the overlay's point)

ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
STATIC_ROOT = tempfile.mkdtemp(prefix="cms-stack-static-")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("STACK_NO_CACHE") == "1":
    CACHES = {
        alias: {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
        for alias in ("default", "pages", "renditions")
    }
    PAGE_CACHE = False
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
