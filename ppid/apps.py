from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PpidConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "ppid"
    verbose_name = _("Public information (PPID)")

    def ready(self):
        from ppid import exports, register, report, signals, views
        from ppid.models import DIPEntryPage, DIPRegisterPage, InformationRequestPage, PPIDReportPage

        signals.connect()
        # The register, its exports, the request views and the report query the PPID models, so models.py
        # cannot import them: they are attached to the page types here, as the methods their routes call.
        DIPRegisterPage.listing_context = register.listing_context
        DIPRegisterPage.csv_response = exports.csv_response
        DIPRegisterPage.json_response = exports.json_response
        DIPEntryPage.document_response = views.entry_document
        InformationRequestPage.request_form_response = views.page_request_form
        InformationRequestPage.request_status_response = views.page_request_status
        InformationRequestPage.event_file_response = views.page_event_file
        PPIDReportPage.yearly_figures = staticmethod(report.yearly_figures)
