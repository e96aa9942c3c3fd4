"""Middleware that keeps page views cheap: around wagtail-cache's page cache, and the site lookup.

CachedPageHitMiddleware answers anonymous visitors from the page cache early; CachedSiteMiddleware
keeps Wagtail's site lookup in the shared cache (their docstrings say why).

ShortBrowserCacheMiddleware: keep browsers' copies of pages short while the server keeps its own longer.
wagtail-cache writes ``Cache-Control: max-age`` equal to the server-side cache lifetime. The
server copy is purged when a page is published (home/caching.py), but a browser's copy is not, so
visitors would see an old page for up to that long. This middleware, placed outside wagtail-cache,
caps the browser lifetime of HTML responses at ``BROWSER_CACHE_SECONDS``.
"""

import copy

from django.conf import settings
from django.core.cache import caches
from django.http.request import split_domain_port
from django.utils import translation
from django.utils.cache import patch_cache_control

from wagtail.models import Site
from wagtail_modeltranslation.patch_wagtailadmin import _localized_site_get_site_root_paths

from wagtailcache.cache import _get_cache_key as wagtail_cache_key
from wagtailcache.settings import wagtailcache_settings

from home import bilingual, caching


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
        self.header_lists = {}

    def __call__(self, request):
        response = self._cached(request) if wagtailcache_settings.WAGTAIL_CACHE else None
        if response is None:
            return self.get_response(request)
        if wagtailcache_settings.WAGTAIL_CACHE_HEADER:
            response[wagtailcache_settings.WAGTAIL_CACHE_HEADER] = "hit"
        return response

    def _cached(self, request):
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
            key = wagtail_cache_key(probe, _HeaderListMemo(cache, self.header_lists))
            response = cache.get(key) if key else None
        except Exception:  # the cache is down: let wagtail-cache deal with it (it logs and renders)
            return None
        if response is None or response.status_code == 404:
            return None
        return response


class _HeaderListMemo:
    """The page cache, as Django's ``get_cache_key`` reads it, with the header lists kept in the worker.

    Django's cache key for a page is found in two steps: the list of request headers the URL's responses
    vary on (stored under a key of its own), then the page under a key made from the URL and those
    headers. The list is the same for every visit to a URL, so each worker keeps the lists it has read,
    and a hit costs one round trip to the cache instead of two. A list that has changed since can only
    lead to a key that is not there (a miss: the page is rendered and cached as usual); pages are never
    kept here, so purging is unaffected.
    """

    MAX_ENTRIES = 20_000

    def __init__(self, cache, header_lists):
        self.cache = cache
        self.header_lists = header_lists

    def get(self, key, default=None):
        value = self.header_lists.get(key)
        if value is None:
            value = self.cache.get(key, default)
            if value is not None:
                if len(self.header_lists) >= self.MAX_ENTRIES:
                    self.header_lists.clear()
                self.header_lists[key] = value
        return value


class CachedSiteMiddleware:
    """Find the request's Wagtail site from the shared cache instead of the database.

    Wagtail looks the site up by host name and port on every request (``Site.find_for_request``, one
    query) and keeps it on the request as ``_wagtail_site``; here the answer is kept across requests
    with ``home.caching.remember`` (a new content version after any change to a site or page). The
    site is kept with its specific root page, which Wagtail's serve view routes from (one query less).

    The site root paths page URLs are built from, in each language, are kept the same way and given to
    the request: wagtail-modeltranslation reads them from the shared cache once per language a request
    builds URLs in (its own cache key, which Wagtail clears when a site or a root page changes; both make
    a new content version too). ``home.bilingual.give_root_paths`` gives them.
    """

    @staticmethod
    def _root_paths():
        paths = {}
        for language in bilingual.LANGUAGE_CODES:
            with translation.override(language):
                paths[language] = _localized_site_get_site_root_paths()
        return paths

    @staticmethod
    def _find_site(request):
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018  (loads it, to be kept with the site)
        return site

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not hasattr(request, "_wagtail_site"):
            host = split_domain_port(request._get_raw_host())[0]  # as Wagtail does: no ALLOWED_HOSTS check
            port = request.get_port()
            request._wagtail_site = caching.remember(f"site:{host}:{port}", lambda: self._find_site(request))
        bilingual.give_root_paths(request, caching.remember("site-root-paths", self._root_paths))
        return self.get_response(request)
