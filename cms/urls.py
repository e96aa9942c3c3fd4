"""URL map: public pages under /id/ and /en/; admin, documents and sitemap outside.

``/`` and any unprefixed public path are redirected to /id/ or /en/ by
``LocaleMiddleware`` from the browser's Accept-Language (Indonesian by default).
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Wagtail's catch-all page serving stays last.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
