from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsImportingConfig(AppConfig):
    name = "news.importing"
    label = "news_importing"
    verbose_name = _("News import")
    default_auto_field = "django.db.models.BigAutoField"
