"""The masterplan's programme filters, for its listing and its exports (``serving.filtering``).

``smartcity.models`` imports the listing that uses them, so this module never imports the models: it filters
the masterplan's own programmes, and the budget line model comes from the app registry.
"""

from django.apps import apps
from django.db.models import Q

from serving.filtering import ChoiceFilter, ListingFilterSet
from smartcity.choices import Dimension, FundingSource, Horizon, Status


class ProgrammeFilterSet(ListingFilterSet):
    """Dimension (primary or secondary), horizon, status, lead OPD and funding source.

    The lead OPDs a visitor can choose are those leading a programme here (``choices=``).
    """

    dimension = ChoiceFilter(choices=Dimension.choices, method="filter_dimension")
    horizon = ChoiceFilter(field_name="horizon", choices=Horizon.choices)
    status = ChoiceFilter(field_name="status", choices=Status.choices)
    opd = ChoiceFilter(field_name="lead_opd__slug", choices=[])
    source = ChoiceFilter(choices=FundingSource.choices, method="filter_source")

    def filter_dimension(self, queryset, _name, dimension):
        through = queryset.model.secondary_dimensions.through
        secondary = through.objects.filter(smartcitydimensionpage__dimension=dimension).values(
            "smartcityprogrammepage_id"
        )
        return queryset.filter(Q(dimension=dimension) | Q(pk__in=secondary))

    def filter_source(self, queryset, _name, source):
        budget_lines = apps.get_model("smartcity", "ProgrammeBudgetLine").objects.filter(source=source)
        return queryset.filter(pk__in=budget_lines.values("page_id"))


def programme_filterset(index, params, choices=None):
    """The FilterSet over ``index``'s live, public programmes for a query string (the listing and every export).

    ``choices``: ``index.filter_choices()``, when the caller has them already.
    """
    choices = index.filter_choices() if choices is None else choices
    return ProgrammeFilterSet(params, index.programmes(), choices={"opd": choices["opd"]})
