"""Find the page for a URL in two queries, whatever its depth, and keep what was found on ``request.routed``.

Wagtail routes a request by calling ``route()`` on the site's root page. wagtail-modeltranslation
replaces ``route`` on every page class it registers when it starts (with one that loads every child at
each level), so a ``route`` defined on the home page would be lost. Instead the site's pages are served
by ``serving.views.serve`` (Wagtail's serve view, installed under Wagtail's own URL name
``wagtail_serve`` by ``serving.urls``), which routes with ``route_for_request`` below and then runs
Wagtail's ``on_serve_page`` and ``before_serve_page`` hooks exactly as Wagtail's view does.

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
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import translation

from modeltranslation.utils import build_localized_fieldname
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from serving import derived


@dataclass
class Routed:
    """What routing found for a request, kept as ``request.routed`` (and as ``routed`` on the page it
    routed to, for the page's own methods, which have no request).

    ``ancestors``: the pages from the tree root down to the routed page's parent (breadcrumbs, a news
    item's newsroom, a programme's dimension). ``unrestricted``: neither the page nor any ancestor has a
    view restriction, and none is an alias (Wagtail's restriction check can be skipped; the page cache
    may store the answer). ``menu_root_id`` and ``main_menu``: the site root and its live, public
    children shown in menus.
    """

    page: Page
    ancestors: list = field(default_factory=list)
    unrestricted: bool = False
    menu_root_id: int | None = None
    main_menu: list = field(default_factory=list)


def routed_ancestors(page):
    """The ancestors routing found for ``page`` (a page it routed to), or None."""
    routed = getattr(page, "routed", None)
    return routed.ancestors if routed is not None and routed.page is page else None


def route_for_request(request, path):
    """Wagtail's ``Page.route_for_request``, routed by ``route()`` below: the RouteResult, or None.

    Kept where Wagtail keeps it (``request._wagtail_route_for_request``, as its docstring says), so
    Wagtail's own ``Page.find_for_request`` reuses it for the rest of the request.
    """
    if not hasattr(request, "_wagtail_route_for_request"):
        from wagtail.models import Site

        result = None
        site = Site.find_for_request(request)
        if site is not None:
            try:
                result = route(site.root_page.specific, request, [part for part in path.split("/") if part])
            except Http404:
                result = None
        request._wagtail_route_for_request = result
    return request._wagtail_route_for_request


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
    return derived.remember(f"routed-page:{page.pk}", lambda: _fetch_specific(page))


def _fetch_specific(page):
    model = page.specific_class
    select = getattr(model, "serve_select_related", ())
    prefetch = getattr(model, "serve_prefetch_related", ())
    if model is None or not (select or prefetch):
        return page.specific
    return model._default_manager.select_related(*select).prefetch_related(*prefetch).get(pk=page.pk)


def _result(root, page, chain, request, menu, subpath=None):
    """The RouteResult for ``page`` (a Page row from ``chain``), with what the request will need again."""
    specific = root if page.pk == root.pk else _specific(page)
    routed = Routed(
        page=specific,
        ancestors=[ancestor for ancestor in chain if ancestor.pk != page.pk],
        unrestricted=not any(item.has_view_restriction or item.alias_of_id for item in chain),
        menu_root_id=root.pk,
        main_menu=menu,
    )
    specific.routed = request.routed = routed
    if subpath is None:
        return RouteResult(specific)
    resolver_match = specific.resolve_subpage(subpath)
    request.routable_resolver_match = resolver_match
    view, args, kwargs = resolver_match
    return RouteResult(specific, args=(view, args, kwargs))


def route(root, request, path_components):
    """``root.route(request, path_components)`` for a site root page, in two queries (none when the pages
    on the way and the routed page are in the shared cache).

    The pages on the way to a URL that routed are kept with ``serving.derived.keep`` until the content
    changes (any page or view restriction saved or deleted): finding them is the costliest part of
    routing (building ~10 rows of ~40 columns each). Paths that end in a 404 are not kept, so unknown
    URLs cannot fill the cache.
    """
    language = translation.get_language()
    path_hash = hashlib.md5("/".join(path_components).encode(), usedforsecurity=False).hexdigest()
    key = f"route:{root.pk}:{language}:{path_hash}"
    pages = derived.recall(key)
    if pages is derived.MISSING:
        pages = _pages_on_the_way(root, path_components, language)
        result = _route(root, request, path_components, language, pages)
        for page in pages:  # keep the rows as fetched, not the specific pages routing made from them
            page.__dict__.pop("specific", None)
            page.__dict__.pop("specific_deferred", None)
        derived.keep(key, pages)
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
    menu = menu if root_is_public else []
    url = _url_path(root, language)
    for index in range(len(path_components) + 1):
        page = chain[-1]
        remaining = path_components[index:]
        if page.live and issubclass(page.specific_class or Page, RoutablePageMixin):
            subpath = _subpath(remaining)
            if _has_route(page, subpath):
                return _result(root, page, chain, request, menu, subpath)
        if not remaining:
            if not page.live:
                raise Http404
            return _result(root, page, chain, request, menu)
        url += remaining[0] + "/"
        child = by_url.get(url)
        if child is None:
            raise Http404
        chain.append(child)
    raise Http404
