from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmartcityConfig(AppConfig):
    name = "smartcity"
    verbose_name = _("Smart city")

    def ready(self):
        from smartcity import views
        from smartcity.models import SmartCityIndexPage

        # The board, its filters and the exports query the smart city models, so models.py cannot import
        # them: they are attached to the masterplan here, as the methods its routes and template call.
        SmartCityIndexPage.filtered_programmes = views.filtered_programmes
        SmartCityIndexPage.masterplan_context = views.masterplan_context
        SmartCityIndexPage.export_response = views.export_response
