"""Routing under /id/ and /en/, the language switcher, the fallback policy, hreflang and 404s."""

import re

from django.test import TestCase
from django.utils import translation

from home import bilingual
from tests.factories.pages import home_page, standard_page


def head_links(html):
    """{hreflang: href} of the page's alternate links."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def switcher_links(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav))


class RoutingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(
            title_ind="Tentang Kota", title_en="About the city", slug_ind="tentang-kota", slug_en="about-the-city"
        )

    def test_root_redirects_by_accept_language_with_indonesian_default(self):
        """/ goes to /id/ by default and to /en/ for an English browser."""
        self.assertRedirects(self.client.get("/"), "/id/", fetch_redirect_response=False)
        response = self.client.get("/", headers={"accept-language": "en-GB,en;q=0.9"})
        self.assertRedirects(response, "/en/", fetch_redirect_response=False)
        response = self.client.get("/", headers={"accept-language": "fr-FR"})
        self.assertRedirects(response, "/id/", fetch_redirect_response=False)

    def test_translated_slugs_route_in_each_language(self):
        """Each language serves the page at its own slug, with <html lang> to match."""
        response = self.client.get("/id/tentang-kota/")
        self.assertContains(response, "<h1>Tentang Kota</h1>", html=True)
        self.assertContains(response, '<html lang="id">')
        response = self.client.get("/en/about-the-city/")
        self.assertContains(response, "<h1>About the city</h1>", html=True)
        self.assertContains(response, '<html lang="en">')

    def test_other_languages_slug_is_a_404(self):
        """The Indonesian slug is not an English URL when an English slug exists."""
        self.assertEqual(self.client.get("/en/tentang-kota/").status_code, 404)

    def test_page_url_follows_active_language(self):
        """page.url gives the translated path for the active language."""
        with translation.override("en"):
            self.assertEqual(self.about.get_url(), "/en/about-the-city/")
        with translation.override("id"):
            self.assertEqual(self.about.get_url(), "/id/tentang-kota/")

    def test_404_in_both_languages(self):
        """Unknown paths give a 404 page in the visitor's language, with a switcher link."""
        response = self.client.get("/id/tidak-ada/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Halaman tidak ditemukan", status_code=404)
        self.assertContains(response, '<html lang="id">', status_code=404)
        self.assertEqual(switcher_links(response.content.decode())["en"], "/en/tidak-ada/")
        response = self.client.get("/en/no-such-page/")
        self.assertContains(response, "Page not found", status_code=404)
        self.assertContains(response, '<html lang="en">', status_code=404)
        self.assertEqual(switcher_links(response.content.decode())["id"], "/id/no-such-page/")


class SwitcherAndHreflangTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(
            title_ind="Tentang Kota", title_en="About the city", slug_ind="tentang-kota", slug_en="about-the-city"
        )

    def test_switcher_links_to_same_page_in_other_language(self):
        """The switcher goes to this page's translated URL, not to the other home page."""
        html = self.client.get("/id/tentang-kota/").content.decode()
        self.assertEqual(switcher_links(html), {"en": "/en/about-the-city/"})
        html = self.client.get("/en/about-the-city/").content.decode()
        self.assertEqual(switcher_links(html), {"id": "/id/tentang-kota/"})

    def test_hreflang_is_reciprocal_with_x_default(self):
        """Both language versions list the same alternates, each other included, and x-default is Indonesian."""
        id_links = head_links(self.client.get("/id/tentang-kota/").content.decode())
        en_links = head_links(self.client.get("/en/about-the-city/").content.decode())
        expected = {
            "id": "http://testserver/id/tentang-kota/",
            "en": "http://testserver/en/about-the-city/",
            "x-default": "http://testserver/id/tentang-kota/",
        }
        self.assertEqual(id_links, expected)
        self.assertEqual(en_links, expected)

    def test_canonical_title_and_description_in_page_language(self):
        """Each version is its own canonical, with title and meta description in its language."""
        html = self.client.get("/en/about-the-city/").content.decode()
        self.assertIn('<link rel="canonical" href="http://testserver/en/about-the-city/">', html)
        self.assertIn("<title>About the city |", html)
        self.assertIn('<meta name="description" content="Summary of About the city">', html)
        self.assertNotIn("noindex", html)
        self.assertNotIn("only available in Indonesian", html)

    def test_home_pages_link_each_other(self):
        """/id/ and /en/ switch to each other."""
        self.assertEqual(switcher_links(self.client.get("/id/").content.decode()), {"en": "/en/"})
        self.assertEqual(switcher_links(self.client.get("/en/").content.decode()), {"id": "/id/"})


class FallbackPolicyTests(TestCase):
    """A page with no English title is served under /en/ with a notice, lang="id" on its content and noindex."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.page = standard_page(title_ind="Maklumat Pelayanan", title_en="", slug_ind="maklumat-pelayanan")

    def test_untranslated_page_served_under_en_with_notice(self):
        response = self.client.get("/en/maklumat-pelayanan/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertIn("This page is only available in Indonesian.", html)
        # The interface around it is English; each Indonesian field says so itself.
        self.assertRegex(
            html, r'<div class="content-language">\s*<article[^>]*>\s*<h1 lang="id">Maklumat Pelayanan</h1>'
        )
        self.assertIn('<meta name="robots" content="noindex">', html)
        self.assertIn('<link rel="canonical" href="http://testserver/en/maklumat-pelayanan/">', html)

    def test_untranslated_page_has_no_english_alternate(self):
        for path in ("/en/maklumat-pelayanan/", "/id/maklumat-pelayanan/"):
            links = head_links(self.client.get(path).content.decode())
            self.assertNotIn("en", links, path)
            self.assertEqual(links["id"], "http://testserver/id/maklumat-pelayanan/")
            self.assertEqual(links["x-default"], "http://testserver/id/maklumat-pelayanan/")

    def test_indonesian_version_is_indexable_without_notice(self):
        html = self.client.get("/id/maklumat-pelayanan/").content.decode()
        self.assertNotIn("noindex", html)
        self.assertNotIn("notice--language", html)
        self.assertNotIn("hanya tersedia dalam bahasa Indonesia", html)

    def test_filling_english_title_ends_the_fallback(self):
        """Once the English is written, the notice, noindex and missing alternate all go."""
        page = self.page
        with translation.override("id"):
            page.title_en = "Service Charter"
            page.slug_en = "service-charter"
            page.save_revision().publish()
        html = self.client.get("/en/service-charter/").content.decode()
        self.assertNotIn("only available in Indonesian", html)
        self.assertNotIn("noindex", html)
        self.assertEqual(head_links(html)["en"], "http://testserver/en/service-charter/")

    def test_bilingual_helpers(self):
        self.assertFalse(bilingual.has_translation(self.page, "en"))
        self.assertTrue(bilingual.has_translation(self.page, "id"))
        self.assertTrue(bilingual.is_fallback(self.page, "en"))
        self.assertEqual(bilingual.translated_languages(self.page), ["id"])
        self.assertEqual(bilingual.swap_language_prefix("/id/a/b/", "en"), "/en/a/b/")


class RouteAndQueryTests(TestCase):
    """Filtered, paginated and routed views link to the same view in the other language."""

    @classmethod
    def setUpTestData(cls):
        from tests.factories import news

        cls.home = home_page()
        cls.index = news.news_index(cls.home)
        news.newsroom(news.opd("dlh", "DLH"), cls.index)

    def test_query_string_is_kept_in_alternates_canonical_and_switcher(self):
        index_id, index_en = bilingual.page_url(self.index, "id"), bilingual.page_url(self.index, "en")
        html = self.client.get(f"{index_id}?tipe=bimtek").content.decode()
        links = head_links(html)
        self.assertEqual(links["id"], f"http://testserver{index_id}?tipe=bimtek")
        self.assertEqual(links["en"], f"http://testserver{index_en}?tipe=bimtek")
        self.assertIn(f'<link rel="canonical" href="http://testserver{index_id}?tipe=bimtek">', html)
        self.assertEqual(switcher_links(html)["en"], f"{index_en}?tipe=bimtek")

    def test_routable_page_route_is_kept(self):
        index_id, index_en = bilingual.page_url(self.index, "id"), bilingual.page_url(self.index, "en")
        html = self.client.get(f"{index_id}opd/dlh/").content.decode()
        self.assertEqual(head_links(html)["en"], f"http://testserver{index_en}opd/dlh/")
        self.assertIn(f'<link rel="canonical" href="http://testserver{index_id}opd/dlh/">', html)
        self.assertEqual(switcher_links(html)["en"], f"{index_en}opd/dlh/")
        # And back: the English route links to the Indonesian one.
        html = self.client.get(f"{index_en}opd/dlh/").content.decode()
        self.assertEqual(head_links(html)["id"], f"http://testserver{index_id}opd/dlh/")
