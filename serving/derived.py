"""Derived data and fragments, kept in the shared cache under the generation (``serving.generation``).

A newsroom's archive months, filter choices, the site settings, the pages on the way to a URL, a card's
HTML: computed once, then read by every worker until the generation changes (any committed change to
public content) or ``DERIVED_TIMEOUT`` passes. Nothing has to know which values a change touches.
Values whose correctness depends on time alone (a publication date passing) must not be kept past
``serving.clock.seconds_until_next_change``: ``keep_many`` caps every timeout with it.

``recall_many`` and ``keep_many`` used as a pair must read the same generation, so ``keep_many`` keeps
nothing outside a request scope (``generation.request_scope``); ``remember`` opens one when needed.

When the cache is unreachable (no generation), nothing is read or kept: every value is computed.
"""

import contextvars

from django.core.cache import caches
from django.utils import timezone

from serving import clock, generation

CACHE_ALIAS = "default"
DERIVED_TIMEOUT = 300  # seconds; a bound on memory, not on staleness (the generation is)
MISSING = object()
_asking_clock = contextvars.ContextVar("serving_asking_clock", default=False)


def remember(key, compute, timeout=DERIVED_TIMEOUT):
    """``compute()``'s value for ``key``, cached until the content changes (or ``timeout`` passes).

    The key must name everything the value depends on except the content: the language, a page's id,
    the filter. Values are pickled, so return plain data or model instances, never querysets.
    """
    if not generation.in_request_scope():
        with generation.request_scope():
            return remember(key, compute, timeout)
    value = recall(key)
    if value is MISSING:
        value = compute()
        keep(key, value, timeout)
    return value


def remember_many(computes, timeout=DERIVED_TIMEOUT):
    """``remember()`` for each ``{key: compute}`` of ``computes``: ``{key: value}``, read in one cache read
    (and the values computed, kept in one write)."""
    if not generation.in_request_scope():
        with generation.request_scope():
            return remember_many(computes, timeout)
    values = recall_many(list(computes))
    computed = {key: compute() for key, compute in computes.items() if key not in values}
    keep_many(computed, timeout)
    values.update(computed)
    return values


def recall(key):
    """The value kept for ``key`` under the current generation, or ``MISSING``."""
    return recall_many([key]).get(key, MISSING)


def recall_many(keys):
    """``{key: value}`` for those of ``keys`` kept under the current generation (one cache read)."""
    current = generation.current()
    if current is None or not keys:
        return {}
    wanted = {_key(key, current): key for key in keys}
    found = caches[CACHE_ALIAS].get_many(list(wanted))
    return {wanted[derived]: value for derived, value in found.items()}


def keep(key, value, timeout=DERIVED_TIMEOUT):
    """Keep ``value`` for ``key`` until the content changes: ``remember()`` in two steps, for a caller
    that decides after computing whether the value is worth keeping."""
    keep_many({key: value}, timeout)


def keep_many(values, timeout=DERIVED_TIMEOUT):
    """``keep()`` for each ``{key: value}`` of ``values`` (one write to the shared cache)."""
    if not values or not generation.in_request_scope():
        return
    current = generation.current()
    timeout = min(timeout, seconds_until_next_change())
    if current is None or timeout <= 0:
        return
    caches[CACHE_ALIAS].set_many({_key(key, current): value for key, value in values.items()}, timeout)


def seconds_until_next_change(longest=DERIVED_TIMEOUT):
    """``serving.clock.seconds_until_next_change(longest)``, asking the clock's sources once per request.

    A source may itself keep what it computed with ``keep()`` (the next date to come, under the
    generation); while the sources are being asked, that value is kept for ``longest``.
    """
    if _asking_clock.get():
        return longest
    token = _asking_clock.set(True)
    try:
        moment = generation.memoized("next-change", clock.next_change)
    finally:
        _asking_clock.reset(token)
    if moment is None:
        return longest
    return max(0, min(longest, int((moment - timezone.now()).total_seconds())))


def _key(key, current):
    return f"derived:{current}:{key}"
