"""The home page's sections, each a provider registered by the app whose content it shows.

Imports flow from the feature apps to ``home``, never back: news, heritage and smart city register their
section here (in their ``AppConfig.ready``), and ``HomePage.get_context`` asks every provider for its part
of the template context. A provider keeps what it computes with ``serving.derived`` (under the content's
generation and the language), so that a home page served again costs no query for it; a value that
changes with time alone (an event that ends) is kept no longer than ``serving.clock`` allows.
"""

from django.template.loader import render_to_string
from django.utils import translation

from serving import derived

_providers = {}


def register(name, provider):
    """Register ``provider(page, request)``, whose answer the home page's template reads as ``sections.<name>``
    (None or empty: the section is left out)."""
    _providers[name] = provider
    return provider


def is_preview(request):
    """True when an editor previews a draft: what it shows is not the live page's, so it is not kept."""
    return bool(getattr(request, "is_preview", False))


def collect(page, request):
    """``{name: answer}`` of every registered provider, for ``page`` (a home page) and ``request``.

    The answers are kept together too, per language and page, so that a home page served again reads
    them in one cache read instead of one or two per section. Each answer is derived data under the same
    generation, and kept no longer than ``serving.clock`` allows, so together they are as fresh as apart.
    """

    def answers():
        return {name: provider(page, request) for name, provider in _providers.items()}

    if is_preview(request):
        return answers()
    return derived.remember(f"home:sections-html:{translation.get_language()}:{page.pk}", answers)


def services(page, request):
    """The "Layanan" (services) quick links as HTML, rendered once per language until the content changes
    (the pages they link to are looked up to build their addresses)."""
    if not page.services:
        return ""

    def render():
        return render_to_string("home/sections/services.html", {"page": page, "request": request})

    if is_preview(request):
        return render()
    return derived.remember(f"home:services:{translation.get_language()}:{page.pk}", render)


register("services", services)


def hero_image(page, request):
    """The hero's responsive ``<picture>`` as HTML (nine renditions to look up), kept with the other answers."""
    if not page.hero_image_id:
        return ""
    return render_to_string("home/sections/hero_image.html", {"page": page, "request": request})


def featured_sections(page, request):
    """The featured sections' cards as HTML (the pages they link to are looked up for their addresses), kept
    with the other answers."""
    if not page.featured_sections:
        return ""
    return render_to_string("home/sections/featured_sections.html", {"page": page, "request": request})


register("hero_image", hero_image)
register("featured_sections", featured_sections)
