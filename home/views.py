"""Site-wide plain views: robots.txt and the theme stylesheet."""

from django.http import HttpResponse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from wagtail.models import Site

from home import theme


@require_GET
@cache_control(max_age=60 * 60 * 24, public=True)
def robots_txt(request):
    """Allow everything public, keep crawlers out of the admin, and point to the sitemap."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/",
        "Disallow: /id/search/",
        "Disallow: /en/search/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
def theme_css(request):
    """The site's brand colours from its settings (``home.theme``). Linked as ``/theme.css?v=<version>``: an
    address naming the current colour may be kept for a year; any other (an old link) only briefly."""
    from home.models import SiteSettings

    site_settings = SiteSettings.for_site(Site.find_for_request(request))
    colour = site_settings.brand_colour
    response = HttpResponse(theme.stylesheet(colour), content_type="text/css; charset=utf-8")
    current = request.GET.get("v") == theme.version(colour)
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "public, max-age=300"
    return response
