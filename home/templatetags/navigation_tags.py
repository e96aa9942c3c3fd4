"""Site navigation: the main menu and breadcrumbs."""

from django import template

from wagtail.models import Site

register = template.Library()


def _site_root(request):
    site = Site.find_for_request(request)
    return site.root_page if site else None


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, public children marked "show in menus"."""
    request = context["request"]
    root = _site_root(request)
    items = root.get_children().live().public().in_menu() if root else []
    current = context.get("page")
    return {
        "request": request,
        "root": root,
        "items": items,
        "current_path": getattr(current, "path", ""),
    }


@register.inclusion_tag("includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    """The trail from the home page to the current page, for every page below home."""
    request = context["request"]
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page, "request": request}
    ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "request": request}
