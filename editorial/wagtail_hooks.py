"""Admin for editorial/: the translation status report, its menu item, the dashboard panel, the rule
that editing a page is not deleting or moving it (see ``editorial.roles.may_delete``), the dated
confirmation of a schedule (``editorial.schedule_messages``) and the schedule dialog's style."""

from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.permissions import page_permission_policy

from editorial import schedule_messages
from editorial.models import PageTranslationStatus, TranslationState
from editorial.roles import may_delete
from editorial.status import state_counts
from editorial.views import TranslationStatusReportView
from home.menus import register_restricted_item

REPORT_PERMISSIONS = ["add", "change", "publish"]


def can_see_report(user):
    return page_permission_policy.user_has_any_permission(user, REPORT_PERMISSIONS)


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    return [
        path(
            "reports/translation-status/",
            TranslationStatusReportView.as_view(),
            name="editorial_translation_status",
        ),
        path(
            "reports/translation-status/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="editorial_translation_status_results",
        ),
    ]


register_restricted_item(
    "reports", "editorial_translation_status", _("Translation status"), can_see_report, "globe", 1300
)


class TranslationStatusDashboardPanel(Component):
    """Counts of the pages the user may edit, per English state, each linking to the filtered report."""

    name = "translation_status"
    template_name = "editorial/dashboard_panel.html"
    order = 250

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        editable = page_permission_policy.instances_user_has_permission_for(self.user, "change")
        counts = state_counts(PageTranslationStatus.objects.filter(page__in=editable.values("pk")))
        report_url = reverse("editorial_translation_status")
        return {
            "report_url": report_url,
            "rows": [
                {
                    "state": state,
                    "label": label,
                    "count": counts[state],
                    "url": f"{report_url}?{urlencode({'state': state})}",
                }
                for state, label in TranslationState.choices
            ],
        }


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    if can_see_report(request.user):
        panels.append(TranslationStatusDashboardPanel(request.user))


def _refuse_delete_or_move(request, page):
    messages.error(
        request,
        _(
            "You may edit “%(title)s” but not delete or move it. Ask an editor (Redaktur) if it should be "
            "removed or moved."
        )
        % {"title": page.get_admin_display_title()},
    )
    parent = page.get_parent()
    return redirect("wagtailadmin_explore", parent.pk if parent else page.pk)


@hooks.register("before_delete_page")
def refuse_delete_without_add_or_publish(request, page):
    if not may_delete(request.user, page):
        return _refuse_delete_or_move(request, page)


@hooks.register("before_move_page")
def refuse_move_without_add_or_publish(request, page, destination):
    if not may_delete(request.user, page):
        return _refuse_delete_or_move(request, page)


@hooks.register("before_bulk_action")
def refuse_bulk_delete_or_move_without_add_or_publish(request, action_type, objects, action):
    if isinstance(action, PageBulkAction) and action_type in ("delete", "move"):
        for page in objects:
            if not may_delete(request.user, page):
                return _refuse_delete_or_move(request, page)


@hooks.register("register_admin_viewset")
def register_lockout_viewset():
    from editorial.login import lockout_viewset

    return lockout_viewset()


@hooks.register("after_edit_page")
def say_when_a_page_is_scheduled(request, page):
    schedule_messages.after_edit(request, page)


@hooks.register("after_create_page")
def say_when_a_new_page_is_scheduled(request, page):
    schedule_messages.after_create(request, page)


@hooks.register("insert_global_admin_css")
def schedule_dialog_css():
    return format_html('<link rel="stylesheet" href="{}">', static("editorial/css/admin.css"))
