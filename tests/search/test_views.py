"""The search page and autocomplete endpoint as a visitor sees them; bad input never gives a 500."""

import json

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from search.models import QueryLog
from tests.factories.pages import home_page
from tests.factories.search import text_page

BAD_QUERIES = [
    "",
    " ",
    "a" * 1000,
    "kata " * 250,
    '"jalan',
    "'; DROP TABLE wagtailcore_page; --",
    "1' OR '1'='1",
    "jalan AND OR NOT -pasar +ikan",
    "title:jalan NEAR(a b) * ^ ~ \\",
    "() [] {} <> & | ! :*",
    "<script>alert(1)</script>",
    "🏝️🕌🐟",
    "jalan 🚧",
    "%ED%A0%80",  # a lone surrogate, percent-encoded
    "%00jalan%00",  # NUL bytes
    "%FF%FE",  # invalid UTF-8
    "ﷺ Ⅻ ǅ",
]


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.road = text_page(
            "Pembangunan Jalan Lingkar",
            "Pembangunan jalan lingkar di Senggarang.",
            title_en="Ring road construction",
            summary_en="Building the ring road in Senggarang.",
        )
        cls.penyengat = text_page("Pulau Penyengat", "Masjid Raya Sultan Riau di Pulau Penyengat.")

    def test_results_in_each_language(self):
        """/id/search/ shows Indonesian titles, /en/search/ English ones, with highlighted snippets."""
        response = self.client.get("/id/search/", {"q": "bangun jalan"})
        self.assertContains(response, "<mark>Pembangunan</mark> <mark>Jalan</mark> Lingkar", html=True)
        self.assertContains(response, '<html lang="id">')
        response = self.client.get("/en/search/", {"q": "road"})
        self.assertContains(response, 'href="/en/ring-road-construction/"')
        self.assertContains(response, "<mark>road</mark>", html=True)

    def test_fallback_result_is_labelled_indonesian(self):
        """An untranslated page found from /en/ carries lang="id" and a visible "In Indonesian" label."""
        response = self.client.get("/en/search/", {"q": "penyengat"})
        self.assertContains(response, '<li class="search-result" lang="id">')
        self.assertContains(response, "In Indonesian")
        self.assertNotContains(self.client.get("/en/search/", {"q": "road"}), "In Indonesian")

    def test_noindex_and_escaped_query(self):
        """Results pages are noindex (meta and header) and echo the query escaped."""
        response = self.client.get("/id/search/", {"q": '<script>alert("x")</script>'})
        self.assertContains(response, '<meta name="robots" content="noindex')
        self.assertEqual(response["X-Robots-Tag"], "noindex")
        self.assertNotContains(response, '<script>alert("x")</script>')
        self.assertContains(response, "&lt;script&gt;")

    def test_header_search_form_has_a_label(self):
        """Every page's header search box has a label associated with it and submits to the search view."""
        response = self.client.get("/en/")
        self.assertContains(response, '<label class="visually-hidden" for="site-search-q">Search the website</label>')
        self.assertContains(response, 'action="/en/search/"')
        self.assertContains(response, "search/autocomplete.js")

    def test_bad_input_never_errors(self):
        """Empty, huge, quoted, operator, SQL-like, emoji and broken-Unicode queries all give a page."""
        for language in ("id", "en"):
            for query in BAD_QUERIES:
                for path in (f"/{language}/search/?q=", f"/{language}/search/suggest/?q="):
                    with self.subTest(path=path, query=query[:30]):
                        response = self.client.get(path + query)
                        self.assertEqual(response.status_code, 200)
        response = self.client.get("/id/search/?q=jalan&page=%00&year=%ED%A0%80&type=%FF&opd=%00")
        self.assertContains(response, "Pembangunan")

    def test_filters_in_the_query_string_stay_selected(self):
        """A valid content-type filter is shown selected; pagination links keep the filters."""
        for n in range(11):
            text_page(f"Sekolah {n}", "Sekolah dasar negeri.")
        response = self.client.get("/id/search/", {"q": "sekolah", "type": "home.standardpage"})
        self.assertContains(response, '<option value="home.standardpage" selected>')
        self.assertContains(response, "q=sekolah&amp;type=home.standardpage&amp;page=2")

    def test_query_counts_do_not_grow_with_results(self):
        """The search page makes the same number of queries for 2 and for 10 results (no N+1)."""

        def count_queries():
            # Warm caches (site root paths, content types); the first view of a new site also creates its
            # settings, a content change after which the cached site lookups are made again.
            self.client.get("/id/search/", {"q": "taman"})
            self.client.get("/id/search/", {"q": "taman"})
            with CaptureQueriesContext(connection) as queries:
                response = self.client.get("/id/search/", {"q": "taman"})
            return len(queries), len(response.context["results"].page.object_list)

        text_page("Taman Kota Satu", "Taman kota.")
        text_page("Taman Kota Dua", "Taman kota.")
        small, small_results = count_queries()
        for n in range(8):
            text_page(f"Taman Lain {n}", "Taman kota.")
        large, large_results = count_queries()
        self.assertEqual((small_results, large_results), (2, 10))
        self.assertEqual(small, large)
        self.assertLessEqual(large, 18)


class AutocompleteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        text_page("Pulau Penyengat", "Pulau bersejarah.")
        text_page("Penyengat Festival", "Festival.", title_en="Penyengat festival")
        text_page("Pasar Baru", "Pasar.", title_en="New market")

    def suggest(self, language, query):
        response = self.client.get(f"/{language}/search/suggest/", {"q": query})
        self.assertEqual(response["Content-Type"], "application/json")
        return json.loads(response.content)

    def test_prefix_suggestions_from_titles_in_the_visitors_language(self):
        """Typing "penyeng" suggests titles starting words with it, in the visitor's language only."""
        data = self.suggest("id", "penyeng")
        self.assertEqual({s["title"] for s in data["suggestions"]}, {"Pulau Penyengat", "Penyengat Festival"})
        data = self.suggest("en", "penyeng")
        self.assertEqual(data["suggestions"], [{"title": "Penyengat festival", "url": "/en/penyengat-festival/"}])
        self.assertEqual([s["title"] for s in self.suggest("en", "new mar")["suggestions"]], ["New market"])

    def test_empty_and_short_queries(self):
        """No query gives no suggestions; the endpoint never logs queries."""
        self.assertEqual(self.suggest("id", "")["suggestions"], [])
        self.suggest("id", "pasar")
        self.assertFalse(QueryLog.objects.exists())
