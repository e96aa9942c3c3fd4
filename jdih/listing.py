"""The register's listing logic: which documents, which filters, and the index page's context.

Plain functions so they can be tested without rendering. Filters come from the query string;
values that are not known choices are ignored (never an error).
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator

from jdih.models import DocumentType, LegalDocumentPage, Status

PAGE_SIZE = 20
FILTER_NAMES = ["jenis", "tahun", "status", "subjek"]


def document_queryset(index=None):
    """Live, public documents (under ``index`` when given), newest first."""
    queryset = LegalDocumentPage.objects.live().public()
    if index is not None:
        queryset = queryset.descendant_of(index)
    return queryset.order_by("-year", "doc_type", "number", "pk")


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


def parse_filters(params, options):
    """The valid filters in ``params`` (a QueryDict or dict) as ``{name: value}``; anything else is dropped."""
    active = {}
    value = params.get("jenis", "")
    if isinstance(value, str) and value in DocumentType.values:
        active["jenis"] = value
    value = params.get("status", "")
    if isinstance(value, str) and value in Status.values:
        active["status"] = value
    value = params.get("tahun", "")
    if isinstance(value, str) and value.isdigit() and len(value) == 4 and int(value) in options["tahun"]:
        active["tahun"] = int(value)
    value = params.get("subjek", "")
    if isinstance(value, str):
        known = {subject.casefold(): subject for subject in options["subjek"]}
        if value.strip().casefold() in known:
            active["subjek"] = known[value.strip().casefold()]
    return active


def apply_filters(queryset, active):
    """Narrow ``queryset`` by the (already validated) filters."""
    if "jenis" in active:
        queryset = queryset.filter(doc_type=active["jenis"])
    if "status" in active:
        queryset = queryset.filter(status=active["status"])
    if "tahun" in active:
        queryset = queryset.filter(year=active["tahun"])
    if "subjek" in active:
        # A substring match narrows the rows in the database; the exact subject check is done in Python.
        queryset = queryset.filter(subjects__icontains=active["subjek"])
        wanted = active["subjek"].casefold()
        ids = [
            pk
            for pk, raw in queryset.values_list("pk", "subjects")
            if wanted in {subject.strip().casefold() for subject in raw.split(",")}
        ]
        queryset = queryset.filter(pk__in=ids)
    return queryset


def filter_querystring(active):
    """The active filters as a query string (without ``page``), for pagination links."""
    return urlencode([(name, active[name]) for name in FILTER_NAMES if name in active])


def listing_context(index, request):
    """Everything the index template needs: the filter form and the page of documents."""
    base = document_queryset(index)
    options = filter_options(base)
    active = parse_filters(request.GET, options)
    documents = apply_filters(base, active).select_related("pdf")
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    return {
        "documents": page,
        "result_count": page.paginator.count,
        "active_filters": active,
        "filter_query": filter_querystring(active),
        "filter_options": options,
    }
