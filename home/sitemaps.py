"""Sitemaps: pages in every language (with xhtml:link alternates) and pages in Indonesian only.

Each page is listed once per language it really exists in; a page type that only redirects
sets ``in_sitemap = False``. English fallback pages (no English
title) are left out, exactly as the page head leaves out their ``hreflang="en"``. Pages that exist
in one language only go to their own sitemap without alternates: a URL with no other-language
version has nothing to alternate with, and mixing both kinds in one file makes checkers (and some
crawlers) read the missing alternates as an error.
"""

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap

from home import bilingual

UNTRANSLATED = Q(title_en__isnull=True) | Q(title_en="")


class BilingualSitemap(Sitemap):
    """Pages written in both languages, each language version listing all of them."""

    def items(self):
        return super().items().exclude(UNTRANSLATED)

    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            if not getattr(item, "in_sitemap", True):
                continue
            alternates = bilingual.alternate_links(self.request, item)
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_mods.add(lastmod)
            for code, url in alternates:
                if code == "x-default":
                    continue
                urls.append(
                    {
                        "location": url,
                        "lastmod": lastmod,
                        "alternates": [{"lang_code": lang, "location": href} for lang, href in alternates],
                    }
                )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


class IndonesianOnlySitemap(Sitemap):
    """Pages not yet translated: their Indonesian URL only."""

    def items(self):
        return super().items().filter(UNTRANSLATED)

    def location(self, obj):
        return self.request.build_absolute_uri(bilingual.page_url(obj, bilingual.DEFAULT_LANGUAGE, self.request))

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list:
            if not getattr(item, "in_sitemap", True):
                continue
            urls.append({"location": self.location(item), "lastmod": self.lastmod(item), "alternates": []})
        return urls


SITEMAPS = {"pages": BilingualSitemap, "pages-id": IndonesianOnlySitemap}
