"""The PPID in the admin: requests, objections, holidays, register documents, the outbox, the yearly
report, the dashboard panel, and the OPD scope of register entries."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from home.menus import register_restricted_item
from ppid import admin_views
from ppid.models import (
    OPEN_STATUSES,
    Category,
    DIPDocument,
    DIPEntryPage,
    Holiday,
    InformationRequest,
    Objection,
    ObjectionStatus,
    OutboxEmail,
    holidays,
)
from ppid.outbox import failed_emails
from ppid.permissions import editable_opds, is_ppid_staff, may_edit_entry


class UrgencyColumn(Column):
    """The deadline, marked when it is close or past."""

    cell_template_name = "ppid/admin/urgency_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        if request is not None and not hasattr(request, "_ppid_holidays"):
            request._ppid_holidays = holidays()
        context["urgency"] = instance.urgency(holiday_dates=getattr(request, "_ppid_holidays", None))
        return context


class RequestIndexView(IndexView):
    def get_edit_url(self, instance):
        return reverse("ppid_handle_request", args=(instance.pk,))


class ObjectionIndexView(IndexView):
    def get_edit_url(self, instance):
        return reverse("ppid_handle_request", args=(instance.request_id,))


def _to_index(url_name, message):
    def view(request, *args, **kwargs):
        messages.info(request, message)
        return redirect(url_name)

    return view


def objection_to_request(request, pk):
    objection = get_object_or_404(Objection, pk=pk)
    return redirect("ppid_handle_request", pk=objection.request_id)


class InformationRequestViewSet(ModelViewSet):
    name = "ppid_requests"
    model = InformationRequest
    icon = "mail"
    menu_label = _("Requests")
    index_view_class = RequestIndexView
    copy_view_enabled = False
    list_display = [
        "registration_number",
        "name",
        "status",
        "received_on",
        UrgencyColumn("due_on", label=_("Deadline")),
    ]
    list_filter = ["status", "extended", "received_on"]
    search_fields = ["registration_number", "name", "email", "information_requested"]
    form_fields = ["status"]

    def get_urlpatterns(self):
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("edit", "add")]
        return patterns + [
            path("edit/<int:pk>/", admin_views.handle_request, name="edit"),
            path("new/", _to_index(self.get_url_name("index"), _("Requests come from the public form.")), name="add"),
        ]


class ObjectionViewSet(ModelViewSet):
    name = "ppid_objections"
    model = Objection
    icon = "warning"
    menu_label = _("Objections")
    index_view_class = ObjectionIndexView
    copy_view_enabled = False
    list_display = ["request", "reason", "status", "filed_on", UrgencyColumn("due_on", label=_("Deadline"))]
    list_filter = ["status", "reason"]
    form_fields = ["status"]

    def get_urlpatterns(self):
        patterns = [pattern for pattern in super().get_urlpatterns() if pattern.name not in ("add", "edit")]
        message = _("Objections are filed by requesters from their status link.")
        return patterns + [
            path("new/", _to_index(self.get_url_name("index"), message), name="add"),
            # Objections are answered on their request's page, which notifies the requester.
            path("edit/<int:pk>/", objection_to_request, name="edit"),
        ]


class HolidayViewSet(ModelViewSet):
    name = "ppid_holidays"
    model = Holiday
    icon = "date"
    menu_label = _("Holidays")
    list_display = ["date", "name"]
    list_filter = ["date"]
    form_fields = ["date", "name_ind", "name_en"]
    copy_view_enabled = False


def scoped_documents(user):
    """The register documents ``user`` may manage: an OPD contributor only their OPD's."""
    queryset = DIPDocument.objects.select_related("entry")
    allowed = editable_opds(user)
    return queryset if allowed is None else queryset.filter(entry__opd__in=allowed)


class DownloadColumn(Column):
    """A link to download the document from the private storage (staff only: the view checks)."""

    cell_template_name = "ppid/admin/download_cell.html"

    def get_value(self, instance):
        return reverse("ppid_document_file", args=(instance.pk,))


class DocumentIndexView(IndexView):
    def get_base_queryset(self):
        return scoped_documents(self.request.user)


class ScopedDocumentMixin:
    def get_object(self, queryset=None):
        document = super().get_object(queryset)
        if not scoped_documents(self.request.user).filter(pk=document.pk).exists():
            raise Http404
        return document


class DocumentEditView(ScopedDocumentMixin, EditView):
    pass


class DocumentDeleteView(ScopedDocumentMixin, DeleteView):
    pass


class DIPDocumentViewSet(ModelViewSet):
    """Register documents; an OPD contributor sees and edits only those of their OPD's entries."""

    name = "ppid_documents"

    model = DIPDocument
    icon = "doc-full"
    menu_label = _("Register documents")
    list_display = ["title", "entry", "uploaded_at", DownloadColumn("file", label=_("File"))]
    search_fields = ["title"]
    form_fields = ["entry", "title_ind", "title_en", "file", "sort_order"]
    copy_view_enabled = False

    index_view_class = DocumentIndexView
    edit_view_class = DocumentEditView
    delete_view_class = DocumentDeleteView

    def get_form_class(self, for_update=False):
        from ppid.admin_forms import DIPDocumentAdminForm

        return DIPDocumentAdminForm


class OutboxViewSet(ModelViewSet):
    name = "ppid_outbox"
    model = OutboxEmail
    icon = "mail"
    menu_label = _("Outgoing e-mails")
    list_display = ["subject", "to", "created_at", "sent_at", "attempts", "last_error"]
    list_filter = ["sent_at", "attempts"]
    form_fields = ["to"]
    copy_view_enabled = False
    inspect_view_enabled = True


class PPIDViewSetGroup(ViewSetGroup):
    menu_label = _("PPID")
    menu_icon = "info-circle"
    menu_order = 310
    items = (InformationRequestViewSet, ObjectionViewSet, HolidayViewSet, DIPDocumentViewSet, OutboxViewSet)


@hooks.register("register_admin_viewset")
def register_ppid_viewsets():
    return PPIDViewSetGroup()


@hooks.register("register_admin_urls")
def register_ppid_admin_urls():
    urls = [
        path("requests/<int:pk>/", admin_views.handle_request, name="ppid_handle_request"),
        path("requests/<int:pk>/attachment/", admin_views.request_attachment, name="ppid_request_attachment"),
        path("objections/<int:pk>/answer/", admin_views.answer_objection, name="ppid_answer_objection"),
        path("documents/<int:pk>/file/", admin_views.document_file, name="ppid_document_file"),
        path("steps/<int:pk>/file/", admin_views.event_file, name="ppid_event_file"),
        path("report/", admin_views.yearly_report, name="ppid_yearly_report"),
    ]
    return [path("ppid/", include(urls))]


register_restricted_item("reports", "ppid_yearly_report", _("PPID yearly report"), is_ppid_staff, "info-circle", 1400)


class PPIDDashboardPanel(Component):
    """Open requests and objections near or past their deadline, and e-mails that could not be sent."""

    name = "ppid"
    template_name = "ppid/admin/dashboard_panel.html"
    order = 240

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        holiday_dates = holidays()
        requests = [
            (request_obj, request_obj.urgency(today, holiday_dates))
            for request_obj in InformationRequest.objects.filter(status__in=OPEN_STATUSES).order_by("due_on")[:200]
        ]
        objections = [
            (objection, objection.urgency(today, holiday_dates))
            for objection in Objection.objects.filter(status=ObjectionStatus.RECEIVED).select_related("request")
        ]
        periodic = DIPEntryPage.objects.live().filter(category=Category.BERKALA).order_by("made_on")
        stale = [entry for entry in periodic.only("pk", "title", "made_on", "category") if entry.review_due < today]
        return {
            "stale_entries": stale[:20],
            "requests": [row for row in requests if row[1] != "ok"],
            "objections": [row for row in objections if row[1] != "ok"],
            "open_count": len(requests),
            "failed_emails": failed_emails().count(),
        }


@hooks.register("construct_homepage_panels")
def add_ppid_panel(request, panels):
    if is_ppid_staff(request.user):
        panels.append(PPIDDashboardPanel())


def _refuse_other_opd(request, page):
    messages.error(
        request,
        _("“%(title)s” belongs to another OPD: you may edit only your own OPD's register entries.")
        % {"title": page.get_admin_display_title()},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


@hooks.register("before_edit_page")
def refuse_editing_other_opds_entry(request, page):
    page = page.specific_deferred
    if isinstance(page, DIPEntryPage) and not may_edit_entry(request.user, page):
        return _refuse_other_opd(request, page)


@hooks.register("before_delete_page")
def refuse_deleting_other_opds_entry(request, page):
    page = page.specific_deferred
    if isinstance(page, DIPEntryPage) and not may_edit_entry(request.user, page):
        return _refuse_other_opd(request, page)
