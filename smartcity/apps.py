from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SmartcityConfig(AppConfig):
    name = "smartcity"
    verbose_name = _("Smart city")

    def ready(self):
        from smartcity import sections  # noqa: F401  (importing it registers its home page section)
