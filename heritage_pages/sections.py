"""The heritage highlight of the home page (``home.sections``): the site an editor chose, or the newest one,
rendered once per language and kept with ``serving.derived`` until the content changes."""

from django.template.loader import render_to_string
from django.utils import translation

from heritage_pages.models import HeritageSitePage
from home import sections
from serving.derived import remember


def highlighted_site(home):
    """The live, public heritage site to show: the chosen one, else the most recently first published."""
    sites = HeritageSitePage.objects.listed(home).select_related("listing_image")
    if home.heritage_highlight_id:
        chosen = sites.filter(pk=home.heritage_highlight_id).first()
        if chosen is not None:
            return chosen
    return sites.order_by("-first_published_at", "-pk").first()


def heritage_highlight(home, request):
    def render():
        site = highlighted_site(home)
        if site is None:
            return ""
        return render_to_string("home/sections/heritage_highlight.html", {"site": site, "request": request})

    if sections.is_preview(request):
        return render()
    key = f"home:heritage:{translation.get_language()}:{home.pk}:{home.heritage_highlight_id or 0}"
    return remember(key, render)


sections.register("heritage_highlight", heritage_highlight)
