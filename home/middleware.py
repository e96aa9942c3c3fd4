"""Keep browsers' copies of pages short while the server keeps its own longer.

wagtail-cache writes ``Cache-Control: max-age`` equal to the server-side cache lifetime. The
server copy is purged when a page is published (home/caching.py), but a browser's copy is not, so
visitors would see an old page for up to that long. This middleware, placed outside wagtail-cache,
caps the browser lifetime of HTML responses at ``BROWSER_CACHE_SECONDS``.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control


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
