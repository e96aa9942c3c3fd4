"""The page editor's shared parts: the read-only panel that shows the page's English state, and the tabs.

A page type's Content tab is ``content_panels = page_panels(FieldPanel("intro"), …)``: the title, the panel
under it, then its own; a page type with a tab of its own builds its tabs with
``editor_tabs(content_panels, (heading, panels))``.
"""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import ObjectList, Panel, TabbedInterface
from wagtail.models import Page

from editorial.models import PageTranslationStatus, TranslationState
from editorial.status import compute_for_page


def status_for(page):
    """The stored status row of ``page``, or an unsaved one computed now (no row yet, e.g. before commit)."""
    status = PageTranslationStatus.objects.filter(page_id=page.pk).select_related("page__content_type").first()
    if status is None:
        result = compute_for_page(page)
        status = PageTranslationStatus(
            page=page, state=result.state, stale_fields=result.stale_fields, empty_fields=result.empty_fields
        )
    return status


class TranslationStatusPanel(Panel):
    """Shows "English: translated / partly / out of date / none", with the fields to work on."""

    def __init__(self, heading=None, **kwargs):
        super().__init__(heading=heading or _("English version"), **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "translation_status"

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/translation_status_panel.html"

        def is_shown(self):
            # A page being created has no revisions yet, so it has no English state to show.
            return bool(self.instance and self.instance.pk)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            status = status_for(self.instance)
            context.update(
                {
                    "status": status,
                    "is_translated": status.state == TranslationState.TRANSLATED,
                    "report_url": reverse("editorial_translation_status") + "?" + urlencode({"state": status.state}),
                }
            )
            return context


def page_panels(*panels):
    """A page type's ``content_panels``: Wagtail's title, the page's English state under it, then ``panels``."""
    return [*Page.content_panels, TranslationStatusPanel(), *panels]


def editor_tabs(content_panels, *extra_tabs):
    """A page type's editor tabs: Content, then each ``(heading, panels)`` of ``extra_tabs``, then Wagtail's
    Promote and Settings."""
    return TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            *(ObjectList(panels, heading=heading) for heading, panels in extra_tabs),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
