"""Counting searches for the "Popular searches" report, cached pages included, off the visitor's time.

Search results pages are cached whole like any anonymous page (an hour by default), so a count
written by the search view would count a popular query once an hour. Instead the view marks its
response with what it counts (``mark``: the normalised query, language and result count); the mark
is kept with the cached page, and ``search.middleware.SearchLogMiddleware``, outside the page cache's
middleware, counts it on every answer, rendered or from the cache.

Each worker adds its counts up in memory and writes them to ``QueryLog`` after a response has been
sent (Django's ``request_finished``), at most every ``SEARCH_LOG_FLUSH_SECONDS``: one ``UPDATE`` per
query searched since, in one transaction, instead of a write (and a commit) inside every search.
The counts are statistics: a worker stopped normally writes what it holds on its way out, a killed
one loses at most the last ``SEARCH_LOG_FLUSH_SECONDS`` of its own counts. If the database refuses
the write, the counts are kept for the next try, up to ``MAX_PENDING`` different queries.

Hand-written because no maintained library counts cached Django responses; the report's data model
(one row per query, language and day, no personal data) is ours.
"""

import atexit
import logging
import re
import threading
import time

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from search import text
from search.models import QueryLog

logger = logging.getLogger(__name__)

# A query that looks like personal data (an e-mail address, a phone, NIK or account number)
# is never counted.
PERSONAL_DATA_RE = re.compile(r"@|\d[\d\s.-]{5,}\d")

ATTRIBUTE = "search_log"
MAX_PENDING = 10_000

_lock = threading.Lock()
_pending = {}  # (query_text, language, date) -> [searches, results of the latest search]
_last_flush = time.monotonic()


def mark(response, query, language, results):
    """Mark ``response`` as one search of ``query`` to count; nothing for a query that looks personal."""
    normalized = text.normalize_query(query)
    if normalized and not PERSONAL_DATA_RE.search(normalized):
        setattr(response, ATTRIBUTE, (normalized, language, results))
    return response


def count(response):
    """Count the search ``response`` was marked with, if any (called for every response: cheap)."""
    entry = getattr(response, ATTRIBUTE, None)
    if entry is None:
        return
    query_text, language, results = entry
    key = (query_text, language, timezone.localdate())
    with _lock:
        tally = _pending.get(key)
        if tally is None:
            if len(_pending) >= MAX_PENDING:
                logger.warning("Search log: %s queries waiting to be written; this search is not counted", MAX_PENDING)
                return
            tally = _pending[key] = [0, results]
        tally[0] += 1
        tally[1] = results


def pending():
    """The counts this worker has not written yet: {(query, language, date): (searches, results)}."""
    with _lock:
        return {key: tuple(tally) for key, tally in _pending.items()}


def flush():
    """Write this worker's counts to ``QueryLog``; on a database error keep them for the next try."""
    global _last_flush
    with _lock:
        batch = dict(_pending)
        _pending.clear()
        _last_flush = time.monotonic()
    if not batch:
        return
    try:
        with transaction.atomic():  # one commit for the batch; all of it or none
            for (query_text, language, day), (searches, results) in batch.items():
                _write(query_text, language, day, searches, results)
    except Exception:
        logger.exception("Search log: could not write the counts of %s queries; kept for the next try", len(batch))
        _keep(batch.items())


def flush_if_due(**kwargs):
    """``request_finished`` receiver: write the counts when they have waited long enough."""
    if _pending and time.monotonic() - _last_flush >= settings.SEARCH_LOG_FLUSH_SECONDS:
        flush()


def _write(query_text, language, day, searches, results):
    day_filter = {"query_text": query_text, "language": language, "date": day}
    added = {"searches": models.F("searches") + searches, "results": results}
    if QueryLog.objects.filter(**day_filter).update(**added):
        return
    try:
        with transaction.atomic():  # a savepoint: the batch goes on if another worker made the row
            QueryLog.objects.create(**day_filter, searches=searches, results=results)
    except IntegrityError:  # another worker created the row at the same moment
        QueryLog.objects.filter(**day_filter).update(**added)


def _keep(items):
    with _lock:
        for key, (searches, results) in items:
            tally = _pending.setdefault(key, [0, results])
            tally[0] += searches


def connect():
    from django.core.signals import request_finished

    request_finished.connect(flush_if_due, dispatch_uid="search.querylog.flush_if_due")
    atexit.register(flush)  # a worker stopped normally writes what it holds
