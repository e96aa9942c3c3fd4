"""schema.org JSON-LD for news: a NewsArticle, plus an Event for bimtek and other event news."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

ATTENDANCE_MODES = {
    "luring": "https://schema.org/OfflineEventAttendanceMode",
    "daring": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}

# Characters that could end the <script> element or start an HTML comment inside it.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _iso(value):
    """ISO 8601 in WIB (+07:00), as the page shows it."""
    return timezone.localtime(value).isoformat() if value else None


def _organisation(opd):
    if opd is None:
        return None
    data = {"@type": "GovernmentOrganization", "name": opd.name, "alternateName": opd.acronym}
    if opd.website:
        data["url"] = opd.website
    return data


# The link-preview image (templates/news/news_page.html, block og_image) and the JSON-LD image.
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"


def _image_url(page, request):
    if not page.hero_image:
        return None
    return request.build_absolute_uri(page.hero_image.get_rendition(SHARE_IMAGE_SPEC).url)


def article_data(page, request, publisher_name, keywords=None):
    """The NewsArticle (and, for event news, the Event) describing ``page``, as plain dicts.

    ``keywords``: the tag names, when the caller has them already (the article's view has).
    """
    url = page.get_full_url(request)
    article = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title[:110],
        "description": page.summary,
        "datePublished": _iso(page.publication_date),
        "dateModified": _iso(page.last_published_at or page.publication_date),
        "inLanguage": translation.get_language(),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "articleSection": str(page.get_news_type_display()),
        "author": _organisation(page.owner_opd),
        "publisher": {"@type": "GovernmentOrganization", "name": publisher_name},
    }
    if keywords is None:
        keywords = [tagged.tag.name for tagged in page.tagged_items.all()]
    if keywords:
        article["keywords"] = keywords
    image = _image_url(page, request)
    if image:
        article["image"] = [image]
    graph = [article]
    if page.is_event:
        graph.append(event_data(page, request, image))
    return [{key: value for key, value in item.items() if value not in (None, "", [])} for item in graph]


def event_data(page, request, image=None):
    event = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.event_title or page.title,
        "description": page.summary,
        "startDate": _iso(page.event_start),
        "endDate": _iso(page.event_end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES.get(page.event_mode),
        "organizer": _organisation(page.organiser),
        "url": page.get_full_url(request),
        "image": [image] if image else None,
        "inLanguage": translation.get_language(),
    }
    locations = []
    if page.event_mode in ("luring", "hybrid", "") and (page.venue_name or page.venue_address):
        place = {"@type": "Place", "name": page.venue_name or page.venue_address}
        if page.venue_address:
            place["address"] = page.venue_address
        locations.append(place)
    if page.event_mode in ("daring", "hybrid") and page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    if locations:
        event["location"] = locations[0] if len(locations) == 1 else locations
    performers = [
        {"@type": "Person", "name": block.value["name"], "jobTitle": strip_tags(block.value["role"])}
        for block in page.speakers
        if block.block_type == "speaker"
    ]
    if performers:
        event["performer"] = performers
    return event


def json_ld_script(data):
    """``<script type="application/ld+json">`` with the data escaped for safe embedding in HTML."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308  (escaped above)
