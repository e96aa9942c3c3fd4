from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and agencies")

    def ready(self):
        from home import caching
        from home.models import HomePage

        caching.connect()
        # After wagtail-modeltranslation (earlier in INSTALLED_APPS) patched every page class's route.
        HomePage.route = HomePage.route_by_url_path
