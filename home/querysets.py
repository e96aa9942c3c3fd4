"""The page queryset and manager every page type of ours uses.

Wagtail's ``public()`` runs a query of its own each time it is called (it reads every view
restriction to build the filter), so a page that builds three listings pays three extra queries.
Here the same filter is a subquery of the listing's own query: no extra query, same pages.
"""

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


def in_private_section():
    """True for a page that carries a view restriction or lies below one (its path starts with that page's).

    Driven from the (small, usually empty) restriction table: each restriction's page path is looked
    up by primary key, so no database planner can choose to scan every page for every row listed.
    """
    restricted_path = Subquery(Page.objects.filter(pk=OuterRef("page_id")).values("path")[:1])
    return Exists(
        PageViewRestriction.objects.annotate(restricted_path=restricted_path).filter(
            restricted_path=Substr(OuterRef("path"), 1, Length("restricted_path"))
        )
    )


class CityPageQuerySet(PageQuerySet):
    def public(self):
        """Pages outside private sections, as Wagtail's ``public()``, within the same query."""
        return self.exclude(in_private_section())

    def not_public(self):
        return self.filter(in_private_section())

    private = not_public

    def listed(self, under=None):
        """What a public listing, feed or export may show: live pages outside private sections, below
        ``under`` when it is given."""
        queryset = self.live().public()
        return queryset if under is None else queryset.descendant_of(under)


CityPageManager = PageManager.from_queryset(CityPageQuerySet)


def pages_of(model):
    """A ``CityPageQuerySet`` over any page model, ``Page`` itself included, in tree order."""
    return CityPageQuerySet(model).order_by("path")
