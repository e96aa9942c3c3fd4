from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HeritagePagesConfig(AppConfig):
    name = "heritage_pages"
    verbose_name = _("Heritage register")

    def ready(self):
        from heritage_pages import sections  # noqa: F401  (importing it registers its home page section)
