"""The translation status report: every page's English state, filterable and exportable for translators."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import get_page_content_types
from wagtail.permissions import page_permission_policy

import django_filters

from editorial.models import PageTranslationStatus, TranslationState
from home.models import OPD


def edit_url(status):
    return reverse("wagtailadmin_pages:edit", args=[status.page_id])


class TranslationStatusFilterSet(WagtailFilterSet):
    """Filters by page type, OPD and state; an unknown value is dropped by its field, never a 500."""

    content_type = ContentTypeFilter(
        label=_("Page type"),
        field_name="page__content_type",
        queryset=lambda request: get_page_content_types(include_base_page_type=False),
    )
    opd = django_filters.ModelChoiceFilter(label=_("OPD"), queryset=OPD.objects.all())
    state = django_filters.ChoiceFilter(label=_("English state"), choices=TranslationState.choices)

    class Meta:
        model = PageTranslationStatus
        fields = ["content_type", "opd", "state"]


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    index_url_name = "editorial_translation_status"
    index_results_url_name = "editorial_translation_status_results"
    filterset_class = TranslationStatusFilterSet
    permission_policy = page_permission_policy
    any_permission_required = ["add", "change", "publish"]
    paginate_by = 50
    default_ordering = "page__path"
    no_results_message = _("No pages match these filters.")

    columns = [
        TitleColumn(
            "page.title_ind",
            label=_("Title (Indonesian)"),
            get_url=edit_url,
            link_attrs={"title": _("Edit this page")},
        ),
        Column("page.title_en", label=_("Title (English)")),
        Column("page_type_label", label=_("Page type")),
        Column("opd_acronym", label=_("OPD")),
        StatusTagColumn(
            "get_state_display",
            label=_("English state"),
            primary=lambda status: status.state != TranslationState.TRANSLATED,
        ),
        Column("stale_field_labels", label=_("Out-of-date fields")),
        Column("empty_field_labels", label=_("Untranslated fields")),
        Column("english_slug_note", label=_("English address")),
        DateColumn("page.latest_revision_created_at", label=_("Last edited")),
    ]

    list_export = [
        "page.title_ind",
        "page_id",
        "page.title_en",
        "page_type_label",
        "opd_acronym",
        "get_state_display",
        "stale_field_labels",
        "empty_field_labels",
        "english_slug_note",
        "admin_edit_url",
    ]
    export_headings = {
        "page.title_ind": _("Title (Indonesian)"),
        "page_id": _("Page ID"),
        "page.title_en": _("Title (English)"),
        "page_type_label": _("Page type"),
        "opd_acronym": _("OPD"),
        "get_state_display": _("English state"),
        "stale_field_labels": _("Out-of-date fields"),
        "empty_field_labels": _("Untranslated fields"),
        "english_slug_note": _("English address"),
        "admin_edit_url": _("Edit URL"),
    }

    def get_filename(self):
        return f"translation-status-{datetime.date.today():%Y-%m-%d}"

    def get_queryset(self):
        editable = page_permission_policy.instances_user_has_permission_for(self.request.user, "change")
        self.queryset = (
            PageTranslationStatus.objects.filter(page__in=editable.values("pk"))
            .select_related("page", "page__content_type", "opd")
            .order_by("page__path")
        )
        return super().get_queryset()

    def filter_queryset(self, queryset):
        # Wagtail drops every filter when one value is invalid; keep the valid ones instead.
        if self.filters:
            self.filters.is_valid()
            queryset = self.filters.filter_queryset(queryset)
        return queryset
