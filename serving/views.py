"""Wagtail's page-serving view, routed by ``serving.routing`` (see its docstring for why)."""

from django.http import Http404, HttpResponse

from wagtail import hooks
from wagtail.views import serve_chain

from serving import routing


def serve(request, path):
    """``wagtail.views.serve`` with ``serving.routing.route_for_request`` in place of
    ``Page.route_for_request``; the hooks run as in Wagtail's view (view restrictions included)."""
    route_result = routing.route_for_request(request, path)
    if route_result is None:
        raise Http404
    page, args, kwargs = route_result

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)

    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result

    return on_serve_chain(page, request, args, kwargs)
