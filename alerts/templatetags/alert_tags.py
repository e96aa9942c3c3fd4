"""``{% alert_banner %}``: the alerts active now, in the page's language (Indonesian when not translated)."""

from dataclasses import dataclass

from django import template
from django.utils import translation

from alerts.models import Severity, active_alerts
from home.bilingual import DEFAULT_LANGUAGE, localized_value, page_url

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


@register.inclusion_tag("alerts/banner.html", takes_context=True)
def alert_banner(context):
    request = context.get("request")
    language = translation.get_language() or DEFAULT_LANGUAGE
    return {"alerts": [shown(alert, language, request) for alert in active_alerts()]}
