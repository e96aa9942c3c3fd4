"""Admin: the popular-queries report under Reports."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.menus import register_restricted_item
from search import admin_views
from search.models import Synonym


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("reports/popular-searches/", admin_views.popular_queries, name="search_popular_queries")]


def may_see_query_log(user):
    return user.has_perm("search.view_querylog")


register_restricted_item("reports", "search_popular_queries", _("Popular searches"), may_see_query_log, "search", 1310)


@hooks.register("register_permissions")
def register_permissions():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(content_type__app_label="search", codename="view_querylog")


class SynonymViewSet(SnippetViewSet):
    """Editors keep the synonym list of each language (Snippets → Search synonyms)."""

    model = Synonym
    icon = "search"
    menu_label = _("Search synonyms")
    list_display = ["term", "equivalents", "language", "both_ways", "opd"]
    list_filter = ["language", "both_ways"]
    search_fields = ["term", "equivalents"]
    ordering = ["language", "term"]
    panels = [FieldPanel("language"), FieldPanel("term"), FieldPanel("equivalents"), FieldPanel("both_ways")]


register_snippet(SynonymViewSet)
