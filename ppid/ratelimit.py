"""How many requests one address may submit per hour, counted in the shared cache.

Fail open: when the cache (Redis) is down the form is not limited, so a stopped Redis never loses a
request. django-axes is for log-ins and django-ratelimit is not a dependency of this project; this is one
counter per address and hour. The address is hashed before it becomes a cache key.
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)


def client_address(request):
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(request, now=None):
    now = now or timezone.now()
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()[:32]
    return f"ppid-rate:{digest}:{now:%Y%m%d%H}"


def hit(request):
    """Count one submission from this address; True when it is over the hourly limit.

    Any cache error counts as "not over the limit" (fail open).
    """
    key = _key(request)
    try:
        if cache.add(key, 1, timeout=60 * 60):
            count = 1
        else:
            count = cache.incr(key)
    except Exception as error:  # the cache is down or refused: do not block a citizen's request
        logger.warning("PPID rate limit not checked (cache unavailable): %s", error)
        return False
    if count is None:  # a cache that swallows its errors (DJANGO_REDIS_IGNORE_EXCEPTIONS) answers nothing
        logger.warning("PPID rate limit not checked (cache unavailable)")
        return False
    return count > settings.PPID_REQUESTS_PER_HOUR
