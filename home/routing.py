"""Find the page for a URL in two queries, whatever its depth.

wagtail-modeltranslation routes one level at a time: at each level it loads *all* children of the
page (two queries a level, and every news item of an OPD newsroom instantiated to find one). Here the
pages on the way are found in one query by their per-language ``url_path`` (the same column page URLs
are built from, so routing and links cannot disagree), and the specific page in one more. The same
query brings the main menu (the root's live children shown in menus).

The same query tells whether the page or any ancestor carries a view restriction, and gives the
ancestors for the breadcrumbs, so neither needs a query of its own when nothing is restricted.
A page class may declare ``serve_select_related`` and ``serve_prefetch_related``: the related objects
its own template shows, fetched with the page.

The behaviour is that of wagtail-modeltranslation's route: a live RoutablePage on the way gets the
first chance at the rest of the path; the page reached must be live.
"""

import hashlib

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from home import caching

# Set on the page a request was routed to (see BilingualPageMixin.get_view_restrictions and
# the breadcrumbs tag), and on the request (the main menu tag).
ANCESTORS_ATTR = "_routed_ancestors"
UNRESTRICTED_ATTR = "_routed_unrestricted"
MENU_ATTR = "_routed_main_menu"


def _url_path(page, language):
    return getattr(page, build_localized_fieldname("url_path", language), None) or page.url_path


def _ancestor_paths(path, steplen=Page.steplen):
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def _pages_on_the_way(root, path_components, language):
    """The root's ancestors, the root, every existing page on ``path_components`` and the main menu's
    candidates (the root's live children shown in menus), by path."""
    field = build_localized_fieldname("url_path", language)
    prefix = _url_path(root, language)
    prefixes = []
    for component in path_components:
        prefix += component + "/"
        prefixes.append(prefix)
    query = Q(path__in=_ancestor_paths(root.path))
    query |= Q(depth=root.depth + 1, path__startswith=root.path, live=True, show_in_menus=True)
    if prefixes:
        query |= Q(**{f"{field}__in": prefixes}, path__startswith=root.path, depth__gt=root.depth)
    pages = Page.objects.filter(query).annotate(
        has_view_restriction=Exists(PageViewRestriction.objects.filter(page=OuterRef("pk")))
    )
    return list(pages.order_by("path"))


def _subpath(path_components):
    return "/" + "".join(component + "/" for component in path_components)


def _has_route(page, subpath):
    """True when a RoutablePage has a route of its own for ``subpath``."""
    try:
        page.specific_deferred.resolve_subpage(subpath)
    except Http404:
        return False
    return True


def _specific(page):
    """The specific page, with the related objects its class declares it shows, kept in the shared cache
    until the content changes (the rows as fetched: routing sets its attributes on each request's copy)."""
    return caching.remember(f"routed-page:{page.pk}", lambda: _fetch_specific(page))


def _fetch_specific(page):
    model = page.specific_class
    select = getattr(model, "serve_select_related", ())
    prefetch = getattr(model, "serve_prefetch_related", ())
    if model is None or not (select or prefetch):
        return page.specific
    return model._default_manager.select_related(*select).prefetch_related(*prefetch).get(pk=page.pk)


def _result(root, page, chain, request, subpath=None):
    """The RouteResult for ``page`` (a Page row from ``chain``), with what the request will need again."""
    specific = root if page.pk == root.pk else _specific(page)
    setattr(specific, ANCESTORS_ATTR, [ancestor for ancestor in chain if ancestor.pk != page.pk])
    setattr(
        specific,
        UNRESTRICTED_ATTR,
        not any(item.has_view_restriction or item.alias_of_id for item in chain),
    )
    if subpath is None:
        return RouteResult(specific)
    resolver_match = specific.resolve_subpage(subpath)
    request.routable_resolver_match = resolver_match
    view, args, kwargs = resolver_match
    return RouteResult(specific, args=(view, args, kwargs))


def route(root, request, path_components):
    """``root.route(request, path_components)`` for a site root page, in two queries (none when the pages
    on the way and the routed page are in the shared cache).

    The pages on the way to a URL that routed are kept with ``home.caching.keep`` until the content
    changes (any page or view restriction saved or deleted): finding them is the costliest part of
    routing (building ~10 rows of ~40 columns each). Paths that end in a 404 are not kept, so unknown
    URLs cannot fill the cache.
    """
    language = translation.get_language()
    path_hash = hashlib.md5("/".join(path_components).encode(), usedforsecurity=False).hexdigest()
    key = f"route:{root.pk}:{language}:{path_hash}"
    pages = caching.recall(key)
    if pages is caching.MISSING:
        pages = _pages_on_the_way(root, path_components, language)
        result = _route(root, request, path_components, language, pages)
        for page in pages:  # keep the rows as fetched, not the specific pages routing made from them
            page.__dict__.pop("specific", None)
            page.__dict__.pop("specific_deferred", None)
        caching.keep(key, pages)
        return result
    return _route(root, request, path_components, language, pages)


def _route(root, request, path_components, language, pages):
    by_url = {_url_path(page, language): page for page in pages if page.path.startswith(root.path)}
    chain = [page for page in pages if len(page.path) <= len(root.path)]  # the root and its ancestors
    if not chain or chain[-1].pk != root.pk:
        raise Http404
    root_is_public = not any(page.has_view_restriction for page in chain)
    menu = [
        page
        for page in pages
        if page.depth == root.depth + 1 and page.live and page.show_in_menus and not page.has_view_restriction
    ]
    setattr(request, MENU_ATTR, (root.pk, menu if root_is_public else []))
    url = _url_path(root, language)
    for index in range(len(path_components) + 1):
        page = chain[-1]
        remaining = path_components[index:]
        if page.live and issubclass(page.specific_class or Page, RoutablePageMixin):
            subpath = _subpath(remaining)
            if _has_route(page, subpath):
                return _result(root, page, chain, request, subpath)
        if not remaining:
            if not page.live:
                raise Http404
            return _result(root, page, chain, request)
        url += remaining[0] + "/"
        child = by_url.get(url)
        if child is None:
            raise Http404
        chain.append(child)
    raise Http404
