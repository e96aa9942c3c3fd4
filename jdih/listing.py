"""The register's listing logic: which documents, which filters, and the index page's context.

Filters come from the query string through ``LegalDocumentFilterSet`` (``jdih/filters.py``); values that are
not known choices are ignored (never an error).

``jdih.models`` imports this module (the register page calls ``listing_context``), so it reaches the document
model through the app registry when it runs, never by importing it.
"""

from django.apps import apps
from django.core.paginator import Paginator

from jdih.choices import DocumentType, Status
from jdih.filters import LegalDocumentFilterSet
from serving import params as query_params
from serving.filtering import querystring

PAGE_SIZE = 20
FILTER_NAMES = list(LegalDocumentFilterSet.base_filters)


def document_queryset(index=None):
    """Live, public documents (under ``index`` when given), newest first."""
    return (
        apps.get_model("jdih", "LegalDocumentPage").objects.listed(index).order_by("-year", "doc_type", "number", "pk")
    )


def filter_options(queryset):
    """The years and subjects present in ``queryset``, for the filter form."""
    years = sorted({year for year in queryset.values_list("year", flat=True)}, reverse=True)
    subjects = {}
    for raw in queryset.exclude(subjects="").values_list("subjects", flat=True):
        for subject in raw.split(","):
            subject = subject.strip()
            if subject:
                subjects.setdefault(subject.casefold(), subject)
    return {
        "jenis": DocumentType.choices,
        "tahun": years,
        "status": Status.choices,
        "subjek": sorted(subjects.values(), key=str.casefold),
    }


def filter_querystring(active):
    """The active filters as a query string (without ``page``), for pagination links."""
    return querystring(active, FILTER_NAMES)


def filtered_documents(index, params):
    """``(documents, active_filters, filter_options)`` for an index page and a query string."""
    base = document_queryset(index)
    options = filter_options(base)
    filterset = LegalDocumentFilterSet(params, base, choices={"tahun": options["tahun"], "subjek": options["subjek"]})
    return filterset.qs, filterset.active, options


def listing_context(index, request):
    """Everything the index template needs: the filter form and the page of documents."""
    documents, active, options = filtered_documents(index, request.GET)
    page = Paginator(documents.select_related("pdf"), PAGE_SIZE).get_page(query_params.page_number(request.GET))
    return {
        "documents": page,
        "result_count": page.paginator.count,
        "active_filters": active,
        "filter_query": filter_querystring(active),
        "filter_options": options,
    }
