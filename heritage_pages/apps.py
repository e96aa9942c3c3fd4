from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritagePagesConfig(AppConfig):
    name = "heritage_pages"
    verbose_name = _("Heritage register")

    def ready(self):
        from heritage_pages import exports, filters
        from heritage_pages.models import HeritageIndexPage

        # The listing, its filters and the exports query the heritage models, so models.py cannot import
        # them: they are attached to the register here, as the methods its routes and templates call.
        HeritageIndexPage.sites = filters.site_queryset
        HeritageIndexPage.listing_context = filters.listing_context
        HeritageIndexPage.geojson_response = exports.geojson_response
        HeritageIndexPage.csv_response = exports.csv_response
