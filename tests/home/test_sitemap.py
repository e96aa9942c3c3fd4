"""sitemap.xml lists each page once per real language with reciprocal alternates; robots.txt points to it."""

import xml.etree.ElementTree as ET

from django.test import TestCase

from tests.factories.pages import home_page, standard_page

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(title_ind="Tentang Kota", title_en="About", slug_ind="tentang-kota", slug_en="about")
        cls.only_id = standard_page(title_ind="Maklumat", title_en="", slug_ind="maklumat")
        draft = standard_page(title_ind="Konsep", title_en="Draft", slug_ind="konsep", slug_en="draft")
        draft.unpublish()

    def entries(self):
        """{loc: {hreflang: href}} over every sitemap the index lists."""
        response = self.client.get("/sitemap.xml")
        self.assertEqual(response.status_code, 200)
        index = ET.fromstring(response.content)
        result = {}
        for section in index.findall("s:sitemap/s:loc", NS):
            root = ET.fromstring(self.client.get(section.text.replace("http://testserver", "")).content)
            for url in root.findall("s:url", NS):
                loc = url.find("s:loc", NS).text
                result[loc] = {link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)}
        return result

    def test_each_translation_listed_with_reciprocal_alternates(self):
        entries = self.entries()
        id_url, en_url = "http://testserver/id/tentang-kota/", "http://testserver/en/about/"
        self.assertEqual(entries[id_url], {"id": id_url, "en": en_url, "x-default": id_url})
        self.assertEqual(entries[en_url], entries[id_url])

    def test_english_fallback_pages_are_left_out(self):
        entries = self.entries()
        self.assertIn("http://testserver/id/maklumat/", entries)
        self.assertNotIn("http://testserver/en/maklumat/", entries)
        # Listed without alternates, in the sitemap of Indonesian-only pages.
        self.assertEqual(entries["http://testserver/id/maklumat/"], {})

    def test_drafts_and_private_pages_are_left_out(self):
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(page=self.about, restriction_type="login")
        entries = self.entries()
        self.assertFalse([loc for loc in entries if "konsep" in loc or "draft" in loc])
        self.assertNotIn("http://testserver/id/tentang-kota/", entries)

    def test_robots_txt_points_to_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        body = response.content.decode()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", body)
        self.assertIn("Disallow: /admin/", body)
        self.assertNotIn("Disallow: /\n", body)
