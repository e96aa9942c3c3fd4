"""Views outside the page tree: the language-neutral address printed on plaques."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import patch_vary_headers

from heritage_pages.models import HeritageSitePage
from home import bilingual


def preferred_language(request):
    """The visitor's language from ``Accept-Language`` (or their saved choice), Indonesian by default."""
    language = translation.get_language_from_request(request, check_path=False)
    return language if language in bilingual.LANGUAGE_CODES else bilingual.DEFAULT_LANGUAGE


def heritage_site_redirect(request, pk):
    """``/cagar-budaya/<pk>/`` -> the site's page in the phone's language (302, varies by language)."""
    site = get_object_or_404(HeritageSitePage.objects.live(), pk=pk)
    url = bilingual.page_url(site, preferred_language(request), request)
    if not url:
        raise Http404("This heritage site is not part of a site.")
    response = HttpResponseRedirect(url)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response
