"""``{% alert_banner %}``: the alerts active now, in the page's language (Indonesian when not translated)."""

from dataclasses import dataclass

from django import template
from django.utils import timezone, translation

from wagtail.models import Site

from alerts.models import Severity, active_alerts, next_boundary
from home.bilingual import DEFAULT_LANGUAGE, localized_value, page_url
from serving import derived

register = template.Library()


@dataclass(frozen=True)
class Shown:
    """One alert as the banner shows it."""

    severity: str
    label: str
    message: str
    fallback: bool  # the message is the Indonesian text on a page in another language
    url: str
    link_text: str
    link_fallback: bool


def _text(alert, field, language):
    return (localized_value(alert, field, language) or "").strip()


def _url(alert, language, request):
    if alert.link_page_id:
        page = alert.link_page
        return page_url(page, language, request) if page is not None and page.live else ""
    return alert.link_url


def shown(alert, language, request=None):
    message = _text(alert, "message", language)
    fallback = not message
    text_language = DEFAULT_LANGUAGE if fallback else language
    link_text = _text(alert, "link_text", text_language)
    return Shown(
        severity=alert.severity,
        label=Severity(alert.severity).label if alert.severity in Severity.values else "",
        message=message or _text(alert, "message", DEFAULT_LANGUAGE),
        fallback=fallback,
        url=_url(alert, language, request),
        link_text=link_text,
        # A link text written for the Indonesian message; without one, the page's own "More information".
        link_fallback=fallback and bool(link_text),
    )


@dataclass(frozen=True)
class Banner:
    """The alerts shown from one moment until ``until`` (the next start or end of any alert, or None)."""

    alerts: list
    until: object


def banner_now(language, request=None):
    """The alerts active now as the banner shows them in ``language``, for the request's site.

    Every page shows them, so they are kept with ``serving.derived`` per site and language: a page reads
    them from the shared cache instead of querying the alerts. Saving or deleting an alert (or the page it
    links to) makes a new generation, and what is kept is read as the state of one moment, valid until
    the next moment an alert starts or ends after it: past that it is read afresh, whatever the cache's
    timeout (which ``serving.clock`` caps at the same moment, ``alerts.apps``).
    """

    def compute():
        now = timezone.now()
        alerts = [shown(alert, language, request) for alert in active_alerts(now)]
        return Banner(alerts=alerts, until=next_boundary(now))

    site = Site.find_for_request(request) if request is not None else None  # the links' host depends on it
    key = f"alerts:banner:{site.pk if site else 0}:{language}"
    banner = derived.remember(key, compute)
    if banner.until is not None and timezone.now() >= banner.until:
        banner = compute()
        derived.keep(key, banner)
    return banner.alerts


@register.inclusion_tag("alerts/banner.html", takes_context=True)
def alert_banner(context):
    language = translation.get_language() or DEFAULT_LANGUAGE
    return {"alerts": banner_now(language, context.get("request"))}
