"""The newsroom's filters, for the newsroom and its per-OPD view (``serving.filtering``)."""

import django_filters
from taggit.models import Tag

from home.models import OPD
from news.choices import NewsType
from serving.filtering import ChoiceFilter, IntegerFilter, ListingFilterSet

YEAR_RANGE = (1900, 2100)


class NewsFilterSet(ListingFilterSet):
    """Type, OPD, tag, year and month (a month only within a year).

    In one OPD's view (``opd=``) the OPD comes from the URL: the queryset is narrowed to it and there is no
    OPD filter.
    """

    type = ChoiceFilter(field_name="news_type", choices=NewsType.choices)
    opd = django_filters.ModelChoiceFilter(field_name="owner_opd", queryset=OPD.objects.all(), to_field_name="slug")
    tag = django_filters.ModelChoiceFilter(
        field_name="tagged_items__tag", queryset=Tag.objects.all(), to_field_name="slug"
    )
    year = IntegerFilter(field_name="publication_date__year", min_value=YEAR_RANGE[0], max_value=YEAR_RANGE[1])
    month = IntegerFilter(field_name="publication_date__month", min_value=1, max_value=12)

    def __init__(self, data=None, queryset=None, *, opd=None, **kwargs):
        self.fixed_opd = opd
        if opd is not None and queryset is not None:
            queryset = queryset.filter(owner_opd=opd)
        super().__init__(data, queryset, **kwargs)

    def read(self, params):
        if self.fixed_opd is not None:
            self.filters.pop("opd", None)
        data = super().read(params)
        if "year" not in data:
            data.pop("month", None)
        return data
