"""Admin: the popular-queries report under Reports."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/popular-searches/", admin_views.popular_queries, name="search_popular_queries")]


class QueryLogMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_querylog")


@hooks.register("register_reports_menu_item")
def register_popular_queries_menu_item():
    return QueryLogMenuItem(
        _("Popular searches"),
        reverse("search_popular_queries"),
        name="popular-searches",
        icon_name="search",
        order=1310,
    )


@hooks.register("register_permissions")
def register_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="search", codename="view_querylog")
