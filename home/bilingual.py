"""The bilingual rules every page follows, in one place.

A page exists in Indonesian always. It exists in English when its English
title is filled; otherwise an English visitor gets the Indonesian page with a
notice, ``noindex`` and no ``hreflang="en"`` alternate. django-modeltranslation's own
fallback is silent (it would serve Indonesian text under ``/en/`` as if it were English), so this
module says so to the visitor and to search engines; docs/bilingual.md has the whole policy.
"""

from contextlib import contextmanager

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.text import slugify

from modeltranslation.utils import build_localized_fieldname

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def localized_value(obj, field_name, language):
    """The raw value of one language's column, without fallback."""
    return getattr(obj, build_localized_fieldname(field_name, language), None)


def has_translation(page, language):
    """True when ``page`` has been written in ``language`` (its title there is filled)."""
    if language == DEFAULT_LANGUAGE:
        return True
    return bool((localized_value(page, "title", language) or "").strip())


def translated_languages(page):
    """The languages ``page`` really exists in, default language first."""
    return [code for code in LANGUAGE_CODES if has_translation(page, code)]


def _blank(value):
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return len(value) == 0  # a StreamField value
    except TypeError:
        return False


def shows_fallback(obj, field_name, language=None):
    """True when ``obj.field_name`` is shown in ``language`` through the Indonesian fallback: its own column
    is empty and the Indonesian one is not. The element that shows it must then say ``lang="id"``."""
    language = language or translation.get_language()
    if language == DEFAULT_LANGUAGE or obj is None:
        return False
    own = localized_value(obj, field_name, language)
    return _blank(own) and not _blank(localized_value(obj, field_name, DEFAULT_LANGUAGE))


def is_fallback(page, language=None):
    """True when ``page`` is shown in ``language`` but only exists in Indonesian."""
    language = language or translation.get_language()
    return not has_translation(page, language)


# wagtail-modeltranslation keeps the site root paths of one language on the request
# (these two attributes) and fetches them from the cache again whenever the language changes.
_PATHS_LANGUAGE = "_wagtail_cached_site_root_paths_language"
_PATHS = "_wagtail_cached_site_root_paths"


def give_root_paths(request, paths):
    """Give ``request`` the site root paths of every language (``{language: paths}``), as
    wagtail-modeltranslation builds them, so that building URLs in any language reads no cache."""
    request._bilingual_root_paths = dict(paths)
    language = translation.get_language()
    if language in paths:
        setattr(request, _PATHS_LANGUAGE, language)
        setattr(request, _PATHS, paths[language])


@contextmanager
def _root_paths_kept(request, language):
    """Give wagtail-modeltranslation the site root paths of ``language`` if this request already fetched
    them, and put back those of the language that was active, so switching costs no cache lookups."""
    if request is None:
        yield
        return
    kept = request.__dict__.setdefault("_bilingual_root_paths", {})
    previous = (getattr(request, _PATHS_LANGUAGE, None), getattr(request, _PATHS, None))
    if previous[0] is not None:
        kept[previous[0]] = previous[1]
    if language in kept:
        setattr(request, _PATHS_LANGUAGE, language)
        setattr(request, _PATHS, kept[language])
    try:
        yield
    finally:
        if getattr(request, _PATHS_LANGUAGE, None) is not None:
            kept[getattr(request, _PATHS_LANGUAGE)] = getattr(request, _PATHS)
        if previous[0] is not None:
            setattr(request, _PATHS_LANGUAGE, previous[0])
            setattr(request, _PATHS, previous[1])


def page_url(page, language, request=None):
    """The page's URL path under ``language`` (its translated slug path).

    Kept on the request: the head's alternates, the canonical link and the switcher ask for the same
    URLs, and each switch of language makes wagtail-modeltranslation fetch that language's site root
    paths from the cache again.
    """
    urls = getattr(request, "_bilingual_page_urls", None) if request is not None else None
    key = (page.pk, language)
    if urls is not None and page.pk and key in urls:
        return urls[key]
    with translation.override(language), _root_paths_kept(request, language):
        url = page.get_url(request)
    if request is not None and page.pk:
        if urls is None:
            urls = request._bilingual_page_urls = {}
        urls[key] = url
    return url


def swap_language_prefix(path, language):
    """``/id/abc/`` -> ``/en/abc/``: the last resort for views with no page or URL name."""
    parts = path.split("/", 2)
    if len(parts) >= 2 and parts[1] in LANGUAGE_CODES:
        rest = parts[2] if len(parts) > 2 else ""
        return f"/{language}/{rest}"
    return f"/{language}{path}"


def request_subpath(request, page):
    """The part of the requested path below the page's own URL: a RoutablePage route such as
    ``opd/dlh/`` or ``geojson/``. Routes are not translated, so it carries over to the other language."""
    own = page_url(page, translation.get_language(), request)
    path = getattr(request, "path", "")
    if own and path.startswith(own) and not getattr(request, "is_preview", False):
        return path[len(own) :]
    return ""


def _with_query(url, request):
    query = request.META.get("QUERY_STRING", "") if request is not None else ""
    return f"{url}?{query}" if query else url


def switch_url(request, language, page=None):
    """Where the language switcher sends a visitor: the same page in ``language``.

    For Wagtail pages this is the translated slug path plus any route and query
    string (filters, pagination); for other views (search, 404) the same URL name
    under the other prefix, keeping the query string.
    """
    if page is not None and getattr(page, "pk", None):
        url = page_url(page, language, request)
        if url:
            return _with_query(url + request_subpath(request, page), request)
    query = request.META.get("QUERY_STRING", "")
    url = translate_url(request.path, language)
    if url == request.path:
        url = swap_language_prefix(request.path, language)
    return f"{url}?{query}" if query else url


def alternate_links(request, page, follow_request=False):
    """``[(hreflang, absolute_url)]`` for the languages the page really exists in, plus x-default.

    With ``follow_request`` the links keep the request's route and query string, so a filtered or
    paginated listing and a RoutablePage route link to the same view in the other language.
    """
    links = []
    subpath = request_subpath(request, page) if follow_request else ""
    for language in translated_languages(page):
        url = page_url(page, language, request)
        if url:
            url += subpath
            links.append((language, request.build_absolute_uri(_with_query(url, request) if follow_request else url)))
    default = dict(links).get(DEFAULT_LANGUAGE)
    if default:
        links.append(("x-default", default))
    return links


def make_english_slug(page):
    """Give ``page`` an English slug made from its English title when that title is first filled.

    Until then the English address uses the Indonesian slug, and once a translator writes the English
    title the page deserves an English address. An English slug an editor chose (one that differs from the
    Indonesian slug) is kept, and so is the slug of a page whose English title was already there.
    """
    if not page.pk:
        return  # a new page: the editor's form makes both slugs from the titles as they are typed
    title = (localized_value(page, "title", "en") or "").strip()
    slug_en, slug_id = localized_value(page, "slug", "en"), localized_value(page, "slug", DEFAULT_LANGUAGE)
    if not title or (slug_en and slug_en != slug_id):
        return
    title_column, slug_column = build_localized_fieldname("title", "en"), build_localized_fieldname("slug", "en")
    if (type(page).objects.filter(pk=page.pk).values_list(title_column, flat=True).first() or "").strip():
        return
    base = slugify(title, allow_unicode=True)[:240] or slug_id
    parent = page.get_parent()
    siblings = set(parent.get_children().exclude(pk=page.pk).values_list(slug_column, flat=True)) if parent else set()
    candidate, number = base, 1
    while candidate in siblings:
        number += 1
        candidate = f"{base}-{number}"
    setattr(page, slug_column, candidate)
