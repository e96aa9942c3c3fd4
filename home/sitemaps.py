"""A sitemap with one entry per page per language it really exists in, each listing its alternates.

English fallback pages (no English title) are left out, exactly as the page head leaves out their
``hreflang="en"``: the sitemap and the head must agree, or search engines see conflicting signals.
"""

from wagtail.contrib.sitemaps import Sitemap

from home import bilingual


class BilingualSitemap(Sitemap):
    def _urls(self, page, protocol, domain):
        urls = []
        last_mods = set()
        for item in self.paginator.page(page).object_list:
            alternates = bilingual.alternate_links(self.request, item)
            lastmod = item.last_published_at or item.latest_revision_created_at
            last_mods.add(lastmod)
            languages = [(code, url) for code, url in alternates if code != "x-default"]
            for _code, url in languages:
                urls.append(
                    {
                        "location": url,
                        "lastmod": lastmod,
                        "alternates": [{"lang_code": code, "location": href} for code, href in alternates],
                    }
                )
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
