from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = _("Alert banner")

    def ready(self):
        from alerts.models import next_boundary
        from serving import clock

        # The banner appears and ends at set times with nobody saving anything: the page cache keeps no
        # page past the next start or end.
        clock.register(next_boundary)
