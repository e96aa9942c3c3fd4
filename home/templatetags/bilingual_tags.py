"""Template tags for the bilingual head (canonical, hreflang, robots) and the language switcher."""

from django import template
from django.conf import settings
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from home import bilingual

register = template.Library()

LANGUAGE_NATIVE_NAMES = dict(settings.LANGUAGES)


def _page_from_context(context):
    page = context.get("page")
    return page if page is not None and getattr(page, "pk", None) else None


@register.inclusion_tag("includes/bilingual_head.html", takes_context=True)
def bilingual_head(context):
    """canonical, reciprocal hreflang alternates with x-default, and noindex for fallback pages."""
    request = context["request"]
    page = _page_from_context(context)
    language = translation.get_language()
    noindex = bool(context.get("noindex"))
    alternates = []
    canonical = None
    if page is not None:
        alternates = bilingual.alternate_links(request, page, follow_request=True)
        # A fallback page is noindex; its canonical stays itself, since a canonical pointing
        # at the Indonesian URL next to noindex would send search engines mixed signals.
        noindex = noindex or bilingual.is_fallback(page, language)
        canonical = dict(alternates).get(language) or request.build_absolute_uri()
    else:
        for code in bilingual.LANGUAGE_CODES:
            alternates.append((code, request.build_absolute_uri(bilingual.switch_url(request, code))))
        alternates.append(("x-default", dict(alternates)[bilingual.DEFAULT_LANGUAGE]))
        canonical = request.build_absolute_uri()
    return {"alternates": alternates, "canonical": canonical, "noindex": noindex}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same page (or view) in each other language."""
    request = context["request"]
    page = _page_from_context(context)
    current = translation.get_language()
    links = []
    for code in bilingual.LANGUAGE_CODES:
        if code == current:
            continue
        links.append(
            {
                "code": code,
                "name": LANGUAGE_NATIVE_NAMES[code],
                "url": bilingual.switch_url(request, code, page),
            }
        )
    return {"links": links, "current": current}


@register.simple_tag
def lang_of(obj, field_name):
    """`` lang="id"`` on the element that shows ``obj.field_name`` when, on a page in another language, the
    value shown is the Indonesian one (its own column is empty); nothing otherwise. For example
    ``<p{% lang_of page "summary" %}>{{ page.summary }}</p>``."""
    if bilingual.shows_fallback(obj, field_name):
        return mark_safe(f' lang="{bilingual.DEFAULT_LANGUAGE}"')
    return ""


@register.simple_tag
def lang_span(obj, field_name):
    """``obj.field_name`` escaped, inside ``<span lang="id">`` when it is the Indonesian fallback: for a value
    set inside a translated sentence, ``{% lang_span page "title" as area %}{% blocktranslate with area=area %}``."""
    value = getattr(obj, field_name, "") or ""
    if bilingual.shows_fallback(obj, field_name):
        return format_html('<span lang="{}">{}</span>', bilingual.DEFAULT_LANGUAGE, value)
    return conditional_escape(value)


@register.simple_tag(takes_context=True)
def content_language(context):
    """The language the main content is written in: Indonesian on a fallback page."""
    page = _page_from_context(context)
    if page is not None and bilingual.is_fallback(page):
        return bilingual.DEFAULT_LANGUAGE
    return translation.get_language()


@register.simple_tag(takes_context=True)
def absolute_url(context, url):
    """Make ``url`` absolute against the current request (for Open Graph and JSON-LD)."""
    return context["request"].build_absolute_uri(url)
