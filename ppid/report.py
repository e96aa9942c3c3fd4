"""The yearly service report (laporan layanan informasi publik): figures from the request records."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from ppid import clock
from ppid.choices import ExemptionGround, ObjectionStatus, RequestStatus
from ppid.exports import csv_rows
from ppid.records import InformationRequest, Objection, holidays


def yearly_figures(year):
    """Counts for requests received in ``year``: by outcome, refusals by exemption, the average number of
    working days to answer, and objections filed in the year."""
    requests = InformationRequest.objects.filter(received_on__year=year)
    by_status = dict(requests.values_list("status").annotate(count=Count("pk")))
    refusals = dict(
        requests.filter(status=RequestStatus.REFUSED).values_list("refusal_ground").annotate(count=Count("pk"))
    )
    holiday_dates = holidays()
    durations = [
        clock.working_days_between(received, decided, holiday_dates)
        for received, decided in requests.filter(decided_on__isnull=False).values_list("received_on", "decided_on")
    ]
    objections = Objection.objects.filter(filed_on__year=year)
    return {
        "year": year,
        "received": requests.count(),
        "answered_full": by_status.get(RequestStatus.ANSWERED_FULL, 0),
        "answered_partial": by_status.get(RequestStatus.ANSWERED_PARTIAL, 0),
        "refused": by_status.get(RequestStatus.REFUSED, 0),
        "open": by_status.get(RequestStatus.RECEIVED, 0) + by_status.get(RequestStatus.IN_PROCESS, 0),
        "refused_by_ground": [(ground.label, refusals.get(ground.value, 0)) for ground in ExemptionGround],
        "average_working_days": round(sum(durations) / len(durations), 1) if durations else None,
        "objections": objections.count(),
        "objections_answered": objections.filter(status=ObjectionStatus.ANSWERED).count(),
    }


def figure_rows(figures):
    """(label, value) rows in the report's order, labels in the active language."""
    rows = [
        (_("Requests received"), figures["received"]),
        (_("Information given in full"), figures["answered_full"]),
        (_("Information given in part"), figures["answered_partial"]),
        (_("Refused"), figures["refused"]),
        (_("Still open"), figures["open"]),
    ]
    rows += [(_("Refused: %(ground)s") % {"ground": label}, count) for label, count in figures["refused_by_ground"]]
    average = figures["average_working_days"]
    rows += [
        (_("Average working days to answer"), "" if average is None else average),
        (_("Objections filed"), figures["objections"]),
        (_("Objections answered"), figures["objections_answered"]),
    ]
    return rows


def report_csv(figures):
    return csv_rows([_("Figure"), str(figures["year"])], [(str(label), value) for label, value in figure_rows(figures)])
