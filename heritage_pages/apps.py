from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritagePagesConfig(AppConfig):
    name = "heritage_pages"
    verbose_name = _("Heritage register")
