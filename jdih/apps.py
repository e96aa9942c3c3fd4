from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JdihConfig(AppConfig):
    name = "jdih"
    verbose_name = _("Legal documents (JDIH)")
