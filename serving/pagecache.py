"""The anonymous page cache: whole responses, keyed by the generation, the URL and what they vary on.

Hand-written rather than Django's ``UpdateCacheMiddleware``/``FetchFromCacheMiddleware`` because Django
finds a page in two reads (the URL's header list, then the page) and would have to sit after the
session and authentication middleware to know who is asking; here a hit is one read of the generation
(``serving.generation``, once per request) and one of the page, before any other middleware of ours.

The key names everything the stored answer depends on:
- the generation (any committed change to public content makes a new one: old answers are never read),
- the scheme, host and full path with its query string,
- the language (from the path; for the few addresses outside ``/id/`` and ``/en/``, the one Django's
  ``LocaleMiddleware`` would pick from the language cookie and ``Accept-Language``),
- whether the client accepts gzip (``GZipMiddleware``, inside this one, compresses before storing).
An answer is stored only if its ``Vary`` names nothing beyond ``Accept-Encoding`` and ``Accept-Language``,
the two request headers the key covers. So a response that varies on ``Cookie`` is never stored.

Only anonymous answers, and only those that are the same for every anonymous visitor, are stored:
- the request is a GET with no session cookie and no messages cookie (no log-in, no password a visitor
  gave for a restricted page, no flash message to show);
- the answer is a 200 or a 404, not streamed, sets no cookie, and is not marked private/no-store/no-cache;
- the page routed to (``request.routed``) has no view restriction on it or above it. Such a page is
  sent ``Cache-Control: private, no-store`` and never stored, whoever asks.
An answer is kept at most ``PAGE_CACHE_SECONDS``, and never past ``serving.clock``'s next change (an
alert that ends, a date that passes). Browsers may keep it ``BROWSER_CACHE_SECONDS`` (never longer than
the server would).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control

from serving import derived, generation

CACHE_ALIAS = "pages"
HEADER = "X-Cache"  # hit, miss (rendered, stored if it may be) or skip (not for the cache: a log-in...)
STORED_STATUSES = (200, 404)
KEYED_VARY = {"accept-encoding", "accept-language"}
PRIVATE_DIRECTIVES = ("private", "no-store", "no-cache")
# Cookies that may change what a visitor is shown (Django's message storage keeps messages in one).
PRIVATE_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
_accepts_gzip = re.compile(r"\bgzip\b")  # as Django's GZipMiddleware reads Accept-Encoding


def enabled():
    return getattr(settings, "PAGE_CACHE", False)


def is_anonymous(request):
    """True for a request whose answer may come from, or go to, the page cache."""
    return request.method == "GET" and not any(name in request.COOKIES for name in PRIVATE_COOKIES)


def key_for(request, current):
    """The cache key of ``request``'s answer under generation ``current``; None if it cannot be made."""
    try:
        host = request.get_host()
    except Exception:  # a host not in ALLOWED_HOSTS: Django answers 400 further in
        return None
    language = translation.get_language_from_path(request.path_info)
    if not language:
        language = translation.get_language_from_request(request)
    encoding = "gzip" if _accepts_gzip.search(request.headers.get("Accept-Encoding", "")) else "identity"
    url = hashlib.md5(request.get_full_path().encode(), usedforsecurity=False).hexdigest()
    return f"page:{current}:{request.scheme}:{host}:{language}:{encoding}:{url}"


def fetch(request):
    """The stored answer to ``request``, or None."""
    current = generation.current()
    key = key_for(request, current) if current is not None else None
    entry = caches[CACHE_ALIAS].get(key) if key else None
    if entry is None:
        return None
    status, headers, content, search_log = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response.headers[name] = value
    if search_log is not None:  # counted by search.middleware, outside this one, like a rendered search
        response.search_log = search_log
    return response


def restricted(request):
    """True when the request was routed to a page with a view restriction on it or above it."""
    routed = getattr(request, "routed", None)
    return routed is not None and not routed.unrestricted


def storable(response):
    if response.status_code not in STORED_STATUSES or response.streaming or response.cookies:
        return False
    if any(directive in response.get("Cache-Control", "") for directive in PRIVATE_DIRECTIVES):
        return False
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", "")) if header.strip()}
    return vary <= KEYED_VARY


def store(request, response):
    """Store ``response`` if it may be; give it its browser lifetime. Returns True if stored."""
    if restricted(request):
        patch_cache_control(response, private=True, no_store=True)
        return False
    if not storable(response):
        return False
    timeout = derived.seconds_until_next_change(settings.PAGE_CACHE_SECONDS)
    patch_cache_control(response, max_age=min(settings.BROWSER_CACHE_SECONDS, timeout))
    if response.has_header("Expires"):
        del response["Expires"]
    current = generation.current()
    key = key_for(request, current) if current is not None else None
    if not key or timeout <= 0:
        return False
    entry = (
        response.status_code,
        list(response.headers.items()),
        response.content,
        getattr(response, "search_log", None),
    )
    caches[CACHE_ALIAS].set(key, entry, timeout)
    return True
