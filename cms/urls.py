"""URL map: public pages under /id/ and /en/; admin, documents and sitemap outside.

``/`` and any unprefixed public path are redirected to /id/ or /en/ by
``LocaleMiddleware`` from the browser's Accept-Language (Indonesian by default).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve as serve_file

from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import index as sitemap_index
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from heritage_pages.views import heritage_site_redirect
from home.sitemaps import SITEMAPS
from home.views import robots_txt, theme_css
from jdih.views import jdihn_feed
from ops.health import healthz
from ops.metrics import metrics
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap_index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"}, name="sitemap"),
    path("sitemap-<section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("theme.css", theme_css, name="theme_css"),  # the brand colour editors chose (home/theme.py)
    path("healthz", healthz, name="healthz"),  # for load balancers and monitoring: no language prefix
    path("metrics", metrics, name="metrics"),  # Prometheus, only with DJANGO_METRICS=1 and never public
    # The language-neutral address on heritage plaques' QR codes: redirects by Accept-Language.
    path("cagar-budaya/<int:pk>/", heritage_site_redirect, name="heritage_site_redirect"),
    # The JDIHN harvest feed: the national portal reads it at this fixed, language-neutral address.
    path("jdih/integrasi.json", jdihn_feed, name="jdihn_feed"),
]

if settings.SERVE_MEDIA:
    # Django's static() helper only works in DEBUG; a small install may serve media itself.
    urlpatterns.append(
        re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$", serve_file, {"document_root": settings.MEDIA_ROOT})
    )

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Wagtail's catch-all page serving stays last (its serve view routed by serving/routing.py).
    path("", include("serving.urls")),
    prefix_default_language=True,
)
