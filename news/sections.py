"""The news sections of the home page (``home.sections``): the latest news, featured items first, and the
upcoming events (bimtek and outreach) from the news' event details.

Both are kept with ``serving.derived`` until the content changes. Both also change with time alone: an
item dated in the future joins the latest news at its publication time (``news.listing.next_publication``
is a ``serving.clock`` source already), and an event leaves the upcoming ones when it ends
(``next_event_end``, registered as a source too), so nothing is kept past either moment.
"""

from django.db.models import F
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils import timezone, translation

from home import sections
from news.listing import news_cards
from news.models import EVENT_TYPES, NewsPage
from serving.derived import MISSING, keep, recall, remember

NEXT_EVENT_END_KEY = "news:next-event-end"


def _live_news(home):
    return NewsPage.objects.listed(home)


def latest_news_ids(home, limit, now=None):
    """The ids of the ``limit`` news items the home page lists: featured first, then newest first."""
    now = now or timezone.now()
    items = _live_news(home).filter(publication_date__lte=now).order_by("-featured", "-publication_date", "-pk")
    return list(items.values_list("pk", flat=True)[:limit])


def latest_news(home, request):
    """The latest news cards' HTML (the newsroom's cards, kept rendered by ``news.listing.news_cards``)."""
    if not home.news_count:
        return []
    if sections.is_preview(request):
        ids = latest_news_ids(home, home.news_count)
    else:
        ids = remember(f"home:news-ids:{home.pk}:{home.news_count}", lambda: latest_news_ids(home, home.news_count))
    cards = news_cards(ids, request)
    return [cards[pk] for pk in ids if pk in cards]


def _events(home):
    return (
        _live_news(home)
        .filter(news_type__in=EVENT_TYPES, event_start__isnull=False)
        .annotate(event_over_at=Coalesce(F("event_end"), F("event_start")))
    )


def upcoming_event_items(home, limit, now=None):
    """The events not over yet (still to start, or under way), soonest first: plain data for the template."""
    now = now or timezone.now()
    items = (
        _events(home)
        .filter(event_over_at__gt=now, publication_date__lte=now)
        .order_by("event_start", "pk")
        .only(
            "path",
            "depth",
            "url_path",
            "title",
            "live",
            "content_type",
            "locale",
            "translation_key",
            "news_type",
            "event_title",
            "event_start",
            "event_end",
            "event_mode",
            "venue_name",
            "publication_date",
        )[:limit]
    )
    return list(items)


def upcoming_events(home, request):
    """The upcoming events section as HTML ("" when none), rendered once per language until the content
    changes or the next event ends (dates, links and labels are the same for every visitor)."""
    if not home.events_count:
        return ""

    def render():
        items = upcoming_event_items(home, home.events_count)
        if not items:
            return ""
        return render_to_string("home/sections/upcoming_events.html", {"events": items, "request": request})

    if sections.is_preview(request):
        return render()
    return remember(f"home:events-html:{translation.get_language()}:{home.pk}:{home.events_count}", render)


def next_event_end():
    """The next moment a live event ends (or starts, when it has no end), or None: a ``serving.clock`` source.

    At that moment the event leaves the home page's upcoming events. Kept as derived data (a save makes a
    new generation), and asked again once it has passed.
    """
    now = timezone.now()
    moment = recall(NEXT_EVENT_END_KEY)
    if moment is MISSING or (moment is not None and moment <= now):
        upcoming = (
            NewsPage.objects.live()
            .filter(news_type__in=EVENT_TYPES, event_start__isnull=False)
            .annotate(event_over_at=Coalesce(F("event_end"), F("event_start")))
            .filter(event_over_at__gt=now)
            .order_by("event_over_at")
        )
        moment = upcoming.values_list("event_over_at", flat=True).first()
        keep(NEXT_EVENT_END_KEY, moment)
    return moment


sections.register("latest_news", latest_news)
sections.register("upcoming_events", upcoming_events)
