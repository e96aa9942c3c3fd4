"""Every cache read and write fails open: a cache that cannot be reached is a miss, and nothing is stored.

Production keeps its caches in Redis through django-redis. django-redis's ``IGNORE_EXCEPTIONS`` (set in
``cms/settings.py``) turns a connection error or timeout on ANY cache call (``get``, ``get_many``, ``set``,
``set_many``, ``add``, ``delete``, ``incr``...) into "no value" / "not stored", for our own calls and for
Wagtail's (image renditions) and wagtail-modeltranslation's (site root paths) alike; redis-py reconnects
by itself on the next call once Redis is back. With ``DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS`` on, each
ignored error is logged on the logger named by ``DJANGO_REDIS_LOGGER`` (``LOGGER_NAME`` here), and
``OutageLog``, a filter on that logger, lets at most one warning a minute through (``WARN_EVERY``).

The filter also notes that this process saw the cache fail. A generation bump made while Redis was
unreachable was lost, and Redis may come back with its old data (a restart that reloads its snapshot, a
network partition): ``serving.generation`` asks ``outage_seen()`` when it next reads the generation
successfully and, after an outage, bumps it once, so nothing stored before the outage is served again.
"""

import logging
import threading
import time

LOGGER_NAME = "serving.cache"
WARN_EVERY = 60  # seconds

_lock = threading.Lock()
_last_warning = [float("-inf")]
_outage = [False]
_failures = [0]


class OutageLog(logging.Filter):
    """Pass at most one "cache unreachable" record a minute, as a warning without its traceback, and note
    that this process saw an outage."""

    def filter(self, record):
        with _lock:
            _outage[0] = True
            _failures[0] += 1
            now = time.monotonic()
            if now - _last_warning[0] < WARN_EVERY:
                return False
            _last_warning[0] = now
        error = record.exc_info[1] if record.exc_info else None
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.msg = "Cache unreachable, serving without it (logged at most once a minute): %r"
        record.args = (getattr(error, "__cause__", None) or error,)
        record.exc_info = record.exc_text = None
        return True


def failures():
    """How many cache calls this process has seen fail (compare two readings: did this call fail?)."""
    return _failures[0]


def outage_seen():
    """True once after this process saw a cache call fail (then forgotten)."""
    with _lock:
        seen, _outage[0] = _outage[0], False
    return seen


def install():
    """Put ``OutageLog`` on django-redis's logger (called once, from ``ServingConfig.ready``)."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(existing, OutageLog) for existing in logger.filters):
        logger.addFilter(OutageLog())
