"""Site navigation: the site's identity (header brand, footer), the main menu and breadcrumbs."""

from django import template

from wagtail.models import Page, Site

from home import identity
from home.querysets import pages_of
from serving import derived, routing

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)  # cached on the request by Wagtail
    return site.root_page if site else None


@register.simple_tag(takes_context=True)
def site_identity(context):
    """The site's identity in the page's language (``home.identity``): ``{% site_identity as identity %}``."""
    return identity.for_request(context.get("request"))


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, public children marked "show in menus".

    Routing already found them for a page's request (``request.routed``); other views (search) read them
    from derived data.
    """
    request = context["request"]
    root = _site_root(request)
    routed = getattr(request, "routed", None)
    if root is None:
        items = []
    elif routed is not None and routed.menu_root_id == root.pk:
        items = routed.main_menu
    else:  # kept until the content changes (the rows carry both languages' titles and paths)
        items = derived.remember(
            f"main-menu:{root.pk}", lambda: list(pages_of(Page).child_of(root).live().public().in_menu())
        )
    current = context.get("page")
    return {
        "request": request,
        "root": root,
        "items": items,
        "current_path": getattr(current, "path", ""),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page, for every page below home.

    The ancestors come from routing when the page was reached by its URL (no query of their own).
    """
    request = context["request"]
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": request}
    routed = routing.routed_ancestors(page)
    if routed is not None:
        ancestors = [ancestor for ancestor in routed if ancestor.depth >= 2]
    else:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "request": request}
