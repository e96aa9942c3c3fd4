"""The demo site, and one URL of each page type in each language, for whole-site checks."""

from io import StringIO

from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Page

from home import bilingual


def seed_demo():
    from tests.factories.pages import tree_root

    tree_root()
    call_command("seed_demo", "--no-users", stdout=StringIO())


def representative_paths(include_errors=True):
    """One live page of each type in each language it exists in, plus search and a 404."""
    paths, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        if type(page) in seen or not getattr(page, "in_sitemap", True):
            continue
        seen.add(type(page))
        paths.extend(bilingual.page_url(page, language) for language in bilingual.translated_languages(page))
    for language in bilingual.LANGUAGE_CODES:
        with translation.override(language):
            try:
                paths.append(reverse("search") + "?q=penyengat")
            except NoReverseMatch:
                pass
    if include_errors:
        paths += ["/id/halaman-yang-tidak-ada/", "/en/no-such-page/"]
    return paths
