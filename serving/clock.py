"""Moments at which what a visitor sees changes by time alone, with nobody saving anything.

A saved change makes a new cache generation; time does not. A feature whose output changes at a known
moment (an alert banner that starts or ends, an event that moves from "upcoming" to "past") registers a
function that returns the next such moment, and the page cache keeps no answer past it.
"""

import logging

from django.utils import timezone

logger = logging.getLogger(__name__)

_sources = []


def register(source):
    """Register ``source()``: the next aware datetime at which public output changes, or None."""
    if source not in _sources:
        _sources.append(source)
    return source


def next_change():
    """The earliest future moment any registered source names, or None."""
    now = timezone.now()
    moments = []
    for source in _sources:
        try:
            moment = source()
        except Exception:  # a broken source must not break serving; it means "no known moment"
            logger.exception("serving.clock source %r failed", source)
            continue
        if moment is not None and moment > now:
            moments.append(moment)
    return min(moments, default=None)


def seconds_until_next_change(default):
    """How long an answer may be kept: ``default`` seconds, or fewer if a change is due sooner."""
    moment = next_change()
    if moment is None:
        return default
    return max(0, min(default, int((moment - timezone.now()).total_seconds())))
