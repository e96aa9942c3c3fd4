"""Admin: the import screen under Settings, for administrators only."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.menus import RestrictedMenuItem
from news.importing import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("news-import/", views.index, name="news_import"),
        path("news-import/<int:pk>/", views.detail, name="news_import_run"),
        path("news-import/<int:pk>/start/", views.start, name="news_import_start"),
    ]


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return RestrictedMenuItem(
        _("Import posts"), reverse("news_import"), views.can_import, name="news-import", icon_name="download", order=900
    )
