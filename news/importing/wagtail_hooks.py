"""Admin: the import screen under Settings, for administrators only."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from home.menus import register_restricted_item
from news.importing import views


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("news-import/", views.index, name="news_import"),
        path("news-import/<int:pk>/", views.detail, name="news_import_run"),
        path("news-import/<int:pk>/start/", views.start, name="news_import_start"),
    ]


register_restricted_item("settings", "news_import", _("Import posts"), views.can_import, "download", 900)
