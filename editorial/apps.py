from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self):
        from wagtail.models import Page

        from editorial import signals
        from editorial.panels import TranslationStatusPanel
        from home.models import HomePage, StandardPage

        signals.connect()
        # Every page type shows its English state under the title. The feature apps import the panel; home
        # sits below editorial (docs/architecture.md), so its page types get it here, in the same place.
        after_title = len(Page.content_panels)
        for page_type in (HomePage, StandardPage):
            panels = page_type.content_panels
            page_type.content_panels = [*panels[:after_title], TranslationStatusPanel(), *panels[after_title:]]
