from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import listing, sections
        from serving import clock

        clock.register(listing.next_publication)
        clock.register(sections.next_event_end)
