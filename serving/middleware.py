"""The middleware of the serving path.

``PageCacheMiddleware`` (right after whitenoise and the search log) opens the request scope the
generation is read in, answers anonymous visitors from the page cache, and stores what may be stored
(``serving.pagecache``). ``SiteMiddleware`` (after ``LocaleMiddleware``) finds the request's Wagtail
site and the site root paths from derived data instead of the database.
"""

from django.http.request import split_domain_port
from django.utils.cache import patch_cache_control

from wagtail.models import Site

from home import bilingual
from serving import derived, generation, pagecache


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with generation.request_scope():
            if not pagecache.enabled():
                return self.get_response(request)
            if not pagecache.is_anonymous(request):
                response = self.get_response(request)
                if pagecache.restricted(request):
                    patch_cache_control(response, private=True, no_store=True)
                elif not response.has_header("Cache-Control"):
                    patch_cache_control(response, private=True)  # an editor's view: no shared cache keeps it
                response[pagecache.HEADER] = "skip"
                return response
            response = pagecache.fetch(request)
            if response is not None:
                response[pagecache.HEADER] = "hit"
                return response
            response = self.get_response(request)
            pagecache.store(request, response)
            response[pagecache.HEADER] = "miss"
            return response


def site_root_paths():
    """The site root paths page URLs are built from, in every language: ``{language: [SiteRootPath]}``.

    What wagtail-modeltranslation's ``_localized_site_get_site_root_paths`` computes, computed here
    from the database so the value lives under the generation like any derived data, not in a cache
    key of its own that only a site or root-page save clears.
    """
    from modeltranslation.utils import build_localized_fieldname
    from wagtail.models.sites import SiteRootPath

    sites = list(Site.objects.select_related("root_page", "root_page__locale").order_by("-root_page__url_path"))
    paths = {}
    for language in bilingual.LANGUAGE_CODES:
        field = build_localized_fieldname("url_path", language)
        paths[language] = [
            SiteRootPath(
                site.id,
                getattr(site.root_page, field, None) or site.root_page.url_path,
                site.root_url,
                site.root_page.locale.language_code,
            )
            for site in sites
        ]
    return paths


class SiteMiddleware:
    """Find the request's Wagtail site (with its specific root page) and the site root paths in every
    language from derived data: no query once they are cached, a new generation after any change.

    Wagtail looks the site up by host name and port on every request (``Site.find_for_request``, one
    query) and keeps it on the request as ``_wagtail_site``; here the answer is kept across requests.
    ``home.bilingual.give_root_paths`` gives the root paths to the request, for building URLs.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _find_site(request):
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.specific  # noqa: B018  (loads it, to be kept with the site)
        return site

    def __call__(self, request):
        computes = {"site-root-paths": site_root_paths}
        site_key = None
        if not hasattr(request, "_wagtail_site"):
            host = split_domain_port(request._get_raw_host())[0]  # as Wagtail does: no ALLOWED_HOSTS check
            site_key = f"site:{host}:{request.get_port()}"
            computes[site_key] = lambda: self._find_site(request)
        found = derived.remember_many(computes)  # one cache read for both
        if site_key is not None:
            request._wagtail_site = found[site_key]
        bilingual.give_root_paths(request, found["site-root-paths"])
        return self.get_response(request)
