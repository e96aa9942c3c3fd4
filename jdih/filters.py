"""The JDIH register's filters (``serving.filtering``)."""

from jdih.choices import DocumentType, Status
from serving.filtering import ChoiceFilter, ListingFilterSet


class LegalDocumentFilterSet(ListingFilterSet):
    """Type, year, status and subject; the years and subjects are those of the register's documents (``choices=``).

    A subject matches whatever its case and surrounding spaces (``?subjek=PAJAK`` finds "Pajak"), and only as a
    whole subject of a document's comma-separated list.
    """

    jenis = ChoiceFilter(field_name="doc_type", choices=DocumentType.choices)
    tahun = ChoiceFilter(field_name="year", coerce=int, choices=[])
    status = ChoiceFilter(field_name="status", choices=Status.choices)
    subjek = ChoiceFilter(choices=[], method="filter_subject")

    def read(self, params):
        data = super().read(params)
        if "subjek" in data:
            # The subject as the register spells it, or left as given (then not a choice, so ignored).
            known = {value.casefold(): value for value in self.filters["subjek"].extra["choices"]}
            data["subjek"] = known.get(data["subjek"].strip().casefold(), data["subjek"])
        return data

    def filter_subject(self, queryset, _name, subject):
        # A substring match narrows the rows in the database; the exact subject check is done in Python.
        queryset = queryset.filter(subjects__icontains=subject)
        wanted = subject.casefold()
        ids = [
            pk
            for pk, subjects in queryset.values_list("pk", "subjects")
            if wanted in {item.strip().casefold() for item in subjects.split(",")}
        ]
        return queryset.filter(pk__in=ids)
