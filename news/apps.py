from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = _("News")

    def ready(self):
        from news import feeds, listing
        from news.models import NewsIndexPage
        from serving import clock

        clock.register(listing.next_publication)
        # The listing and the feeds query the news models, so models.py cannot import them: they are
        # attached to the newsroom here, as the methods its routes and templates call.
        NewsIndexPage.listing_context = listing.build
        NewsIndexPage._feed = feeds.serve_feed
        NewsIndexPage.feed_links = feeds.feed_links
