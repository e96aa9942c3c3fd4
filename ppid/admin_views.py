"""Admin views of the PPID: handling one request (steps and objection answers) and the yearly report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ppid import handling, report
from ppid.forms import AnswerObjectionForm, HandleRequestForm
from ppid.models import InformationRequest, Objection, ObjectionStatus, holidays
from ppid.permissions import is_ppid_staff
from ppid.views import _file_response


def _require_staff(user, change=False):
    if not is_ppid_staff(user) or (change and not user.has_perm("ppid.change_informationrequest")):
        raise PermissionDenied


def handle_request(request, pk):
    """A request's data, history and objections, with the form for the next step."""
    _require_staff(request.user)
    request_obj = get_object_or_404(InformationRequest, pk=pk)
    may_change = request.user.has_perm("ppid.change_informationrequest") and request_obj.anonymised_at is None
    form = HandleRequestForm(request_obj=request_obj)
    if request.method == "POST":
        _require_staff(request.user, change=True)
        if not may_change:
            raise PermissionDenied
        form = HandleRequestForm(request.POST, request.FILES, request_obj=request_obj)
        if form.is_valid():
            handling.apply_step(request_obj, request.user, form.cleaned_data)
            messages.success(request, _("The step was saved and the requester will be notified."))
            return redirect("ppid_handle_request", pk=request_obj.pk)
    holiday_dates = holidays()
    return TemplateResponse(
        request,
        "ppid/admin/handle_request.html",
        {
            "page_title": _("Request %(number)s") % {"number": request_obj.registration_number},
            "header_icon": "mail",
            "request_obj": request_obj,
            "form": form,
            "may_change": may_change,
            "events": request_obj.events.select_related("actor").order_by("created_at", "pk"),
            "objections": [
                (objection, AnswerObjectionForm(prefix=f"objection-{objection.pk}"))
                for objection in request_obj.objections.all()
            ],
            "urgency": request_obj.urgency(holiday_dates=holiday_dates),
            "emails": request_obj.emails.order_by("-created_at"),
        },
    )


def answer_objection(request, pk):
    _require_staff(request.user, change=True)
    objection = get_object_or_404(Objection, pk=pk, status=ObjectionStatus.RECEIVED)
    if request.method == "POST":
        form = AnswerObjectionForm(request.POST, prefix=f"objection-{objection.pk}")
        if form.is_valid():
            handling.answer_objection(objection, form.cleaned_data["response"])
            messages.success(request, _("The objection was answered and the requester will be notified."))
        else:
            messages.error(request, _("Write the answer to the objection."))
    return redirect("ppid_handle_request", pk=objection.request_id)


def request_attachment(request, pk):
    """The requester's attachment, for PPID staff only."""
    _require_staff(request.user)
    request_obj = get_object_or_404(InformationRequest, pk=pk)
    if not request_obj.attachment:
        raise Http404
    return _file_response(request_obj.attachment)


def event_file(request, pk):
    """A file sent to a requester with a step, for PPID staff."""
    from ppid.models import RequestEvent

    _require_staff(request.user)
    event = get_object_or_404(RequestEvent.objects.exclude(file=""), pk=pk)
    return _file_response(event.file)


def document_file(request, pk):
    """A register document (exempt ones included) for staff who may see register documents."""
    from ppid.models import DIPDocument

    if not request.user.has_perm("ppid.view_dipdocument"):
        raise PermissionDenied
    document = get_object_or_404(DIPDocument, pk=pk)
    return _file_response(document.file)


def yearly_report(request):
    """The yearly figures, with a year picker and a CSV download."""
    _require_staff(request.user)
    this_year = timezone.localdate().year
    try:
        year = int(request.GET.get("year", this_year))
    except ValueError:
        year = this_year
    if not 2008 <= year <= this_year + 1:
        year = this_year
    figures = report.yearly_figures(year)
    if request.GET.get("format") == "csv":
        response = HttpResponse(report.report_csv(figures), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="ppid-{year}.csv"'
        return response
    return TemplateResponse(
        request,
        "ppid/admin/yearly_report.html",
        {
            "page_title": _("PPID yearly report"),
            "header_icon": "info-circle",
            "figures": figures,
            "rows": report.figure_rows(figures),
            "year": year,
            "years": list(range(this_year, 2019, -1)),
            "csv_url": f"{reverse('ppid_yearly_report')}?year={year}&format=csv",
        },
    )
