"""Page-cache middleware around wagtail-cache.

ShortBrowserCacheMiddleware: keep browsers' copies of pages short while the server keeps its own longer.
wagtail-cache writes ``Cache-Control: max-age`` equal to the server-side cache lifetime. The
server copy is purged when a page is published (home/caching.py), but a browser's copy is not, so
visitors would see an old page for up to that long. This middleware, placed outside wagtail-cache,
caps the browser lifetime of HTML responses at ``BROWSER_CACHE_SECONDS``.
"""

import copy

from django.conf import settings
from django.core.cache import caches
from django.utils import translation
from django.utils.cache import patch_cache_control

from wagtailcache.cache import _get_cache_key as wagtail_cache_key
from wagtailcache.settings import wagtailcache_settings


class ShortBrowserCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("Content-Type", "").startswith("text/html") and "max-age" in response.get("Cache-Control", ""):
            patch_cache_control(response, max_age=settings.BROWSER_CACHE_SECONDS)
            if response.has_header("Expires"):
                del response["Expires"]
        return response


class CachedPageHitMiddleware:
    """Answer an anonymous visitor from the page cache before the rest of the middleware runs.

    wagtail-cache looks pages up in its FetchFromCacheMiddleware, which must come after the session,
    locale, CSRF, authentication and messages middleware (it needs ``request.user``), so every hit pays
    for all of them on the way in and out: about half the time of a hit (benchmarks/http/README.md).
    A visitor with no session cookie cannot be logged in, so for such a request this middleware does
    the same lookup first, with wagtail-cache's own key (the same URL normalisation, the same keyring,
    so purging on publish works unchanged), and returns the stored response. The stored response
    already carries every header the inner middleware added when it was rendered.

    Everything else goes on down the chain to wagtail-cache as before: editors (a session cookie),
    other methods, the language-neutral root (its language comes from the browser), and cached 404s
    (the redirects middleware must see those).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self._cached(request) if wagtailcache_settings.WAGTAIL_CACHE else None
        if response is None:
            return self.get_response(request)
        if wagtailcache_settings.WAGTAIL_CACHE_HEADER:
            response[wagtailcache_settings.WAGTAIL_CACHE_HEADER] = "hit"
        return response

    @staticmethod
    def _cached(request):
        if request.method != "GET" or settings.SESSION_COOKIE_NAME in request.COOKIES:
            return None
        language = translation.get_language_from_path(request.path_info)
        if not language:
            return None
        # wagtail-cache's key function trims ignored query strings and cookies from the request it is
        # given; a copy keeps this request as it came for the middleware that may still handle it.
        probe = copy.copy(request)
        probe.META = request.META.copy()
        probe.COOKIES = dict(request.COOKIES)
        probe.LANGUAGE_CODE = language  # what LocaleMiddleware would set; part of Django's cache key
        cache = caches[wagtailcache_settings.WAGTAIL_CACHE_BACKEND]
        try:
            key = wagtail_cache_key(probe, cache)
            response = cache.get(key) if key else None
        except Exception:  # the cache is down: let wagtail-cache deal with it (it logs and renders)
            return None
        if response is None or response.status_code == 404:
            return None
        return response
