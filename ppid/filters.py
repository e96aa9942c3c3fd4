"""The DIP register's filters, for its listing and its exports (``serving.filtering``)."""

from ppid.choices import Category
from serving.filtering import ChoiceFilter, ListingFilterSet


class DIPEntryFilterSet(ListingFilterSet):
    """Category, OPD and year made; the OPDs and years are those of the register's entries (``choices=``)."""

    kategori = ChoiceFilter(field_name="category", choices=Category.choices)
    opd = ChoiceFilter(field_name="opd__slug", choices=[])
    tahun = ChoiceFilter(field_name="made_on__year", coerce=int, choices=[])
