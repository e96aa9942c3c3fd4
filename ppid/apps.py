from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ppid"
    verbose_name = _("Public information (PPID)")

    def ready(self):
        from ppid import signals

        signals.connect()
