"""Admin for the heritage register: a warning when a site's coordinates fall outside the city."""

from django.contrib import messages
from django.utils.translation import gettext as _

from wagtail import hooks

from heritage_pages.models import HeritageSitePage


def warn_if_outside_city(request, page):
    page = page.specific
    if isinstance(page, HeritageSitePage) and page.latitude is not None and not page.is_inside_city:
        messages.warning(
            request,
            _(
                "The coordinates of “%(title)s” (%(lat)s, %(lon)s) are outside Tanjungpinang. "
                "Check that latitude and longitude are not swapped or mistyped."
            )
            % {"title": page.title, "lat": page.latitude, "lon": page.longitude},
        )


@hooks.register("after_create_page")
def after_create_page(request, page):
    warn_if_outside_city(request, page)


@hooks.register("after_edit_page")
def after_edit_page(request, page):
    warn_if_outside_city(request, page)
