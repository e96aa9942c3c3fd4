"""The site's identity as every page shows it: the name and tagline in the head, the brand colour and theme
stylesheet, the header's logo and name, and the footer.

All of it comes from the site settings alone, so it is the same on every page of a site in one language.
It is kept with ``serving.derived`` per site and language, with the header's brand and the footer already
rendered: a page reads it in one cache read, and renders neither the logo's ``{% image %}`` (a rendition
lookup) nor the footer itself. Any change to the settings, the logo image or the site makes a new
generation, so what is kept is never older than the settings.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Site

from home.models import SiteSettings
from serving import derived


@dataclass(frozen=True)
class Identity:
    """What every page shows of the site settings, in one language."""

    city_name: str
    tagline: str
    brand_colour: str
    theme_version: str
    brand: str  # the header's link to the home page: logo and name (HTML)
    footer: str  # the whole footer (HTML)


def _build(site_settings):
    context = {"site_settings": site_settings}
    return Identity(
        city_name=getattr(site_settings, "city_name", ""),
        tagline=getattr(site_settings, "tagline", ""),
        brand_colour=getattr(site_settings, "brand_colour", ""),
        theme_version=getattr(site_settings, "theme_version", ""),
        brand=render_to_string("includes/site_brand.html", context),
        footer=render_to_string("includes/footer.html", context),
    )


def for_request(request):
    """The identity of the request's site in the active language (settings created on first use), read
    once per request and language."""
    language = translation.get_language()
    known = getattr(request, "_site_identity", None)
    if known is not None and language in known:
        return known[language]
    site = Site.find_for_request(request)
    if site is None:  # no site for this host: what the templates showed without settings
        value = _build(None)
    else:
        value = derived.remember(f"site-identity:{site.pk}:{language}", lambda: _build(SiteSettings.for_site(site)))
    if request is not None:
        if known is None:
            known = request._site_identity = {}
        known[language] = value
    return value
