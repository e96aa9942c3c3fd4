"""site_search: stemming per language, scoping and fallback, AND-then-OR, ranking, filters, pagination."""

from django.test import TestCase

from home.models import OPD, HomePage, StandardPage
from search.models import SearchEntry
from search.query import site_search
from tests.factories.pages import home_page
from tests.factories.search import text_page


def titles(results):
    return [str(result.page.title) for result in results.page.object_list]


def slugs(results):
    return [result.page.slug for result in results.page.object_list]


class SearchBehaviourTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.road = text_page(
            "Pembangunan Jalan Lingkar",
            "Pemerintah kota melanjutkan pembangunan jalan lingkar di Senggarang.",
            title_en="Ring road construction",
            summary_en="The city continues building the ring road in Senggarang.",
        )
        cls.library = text_page(
            "Perpustakaan Umum Daerah",
            "Perpustakaan kota buka setiap hari kerja.",
            title_en="Public libraries",
            summary_en="The city library opens every working day.",
        )
        cls.penyengat = text_page(
            "Pulau Penyengat",
            "Masjid Raya Sultan Riau dan makam Raja Ali Haji di Pulau Penyengat.",
        )
        cls.market = text_page(
            "Pasar Bintan Center",
            "Pasar tradisional terbesar di kota.",
            body_ind="Pedagang ikan dan sayur berjualan sejak pagi.",
            title_en="Bintan Center market",
            summary_en="The largest traditional market in the city.",
            body_en="Fish and vegetable traders sell from early morning.",
        )
        cls.fish = text_page(
            "Pelabuhan Ikan Barek Motor",
            "Tempat pendaratan ikan nelayan kota.",
            title_en="Barek Motor fishing port",
            summary_en="Where the city's fishermen land their catch.",
        )

    def test_indonesian_morphology(self):
        """A query for "bangun" finds the page about "pembangunan" (Indonesian stemming)."""
        self.assertEqual(slugs(site_search("bangun jalan", "id"))[0], self.road.slug)
        self.assertIn(self.road.slug, slugs(site_search("bangun", "id")))

    def test_english_stemming(self):
        """ "library" finds "libraries", "builds" finds "building": English stemming on /en/."""
        self.assertIn(self.library.slug, slugs(site_search("library", "en")))
        self.assertIn(self.road.slug, slugs(site_search("builds", "en")))

    def test_language_scoping(self):
        """Indonesian words of a translated page are not found from /en/, and English ones not from /id/."""
        self.assertEqual(slugs(site_search("perpustakaan", "en")), [])
        self.assertEqual(slugs(site_search("libraries", "id")), [])
        self.assertEqual(slugs(site_search("perpustakaan", "id")), [self.library.slug])

    def test_untranslated_page_is_found_from_english_and_labelled(self):
        """A page with no English yet is found from /en/ through its Indonesian text, flagged as fallback."""
        results = site_search("penyengat", "en")
        self.assertEqual(slugs(results), [self.penyengat.slug])
        self.assertTrue(results.page.object_list[0].is_fallback)
        self.assertEqual(results.page.object_list[0].language, "id")
        self.assertFalse(site_search("library", "en").page.object_list[0].is_fallback)

    def test_and_first_then_or_fill(self):
        """Pages with every word come first; pages with only some words fill the remaining slots."""
        results = site_search("ikan pasar", "id")
        self.assertEqual(slugs(results)[0], self.market.slug)
        self.assertIn(self.fish.slug, slugs(results))
        flags = [slug == self.market.slug for slug in slugs(results)]
        self.assertEqual(flags, sorted(flags, reverse=True))
        # A word found nowhere does not empty the results.
        self.assertEqual(slugs(site_search("pasar zzzqqq", "id")), [self.market.slug])

    def test_title_ranks_above_summary_above_body(self):
        """The same word in a title outranks it in a summary, which outranks it in a body."""
        body = text_page("Halaman A", "Ringkasan biasa.", body_ind="Tentang mangrove di pesisir.")
        summary = text_page("Halaman B", "Ringkasan tentang mangrove.")
        title = text_page("Mangrove Dompak", "Ringkasan biasa saja.")
        self.assertEqual(slugs(site_search("mangrove", "id")), [title.slug, summary.slug, body.slug])

    def test_snippets_are_highlighted_and_escaped(self):
        """Snippets mark matched words with <mark> in the visitor's language and escape page text."""
        text_page("Catatan", "Kode <script>alert(1)</script> dan dermaga baru.")
        result = site_search("dermaga", "id").page.object_list[0]
        self.assertIn("<mark>dermaga</mark>", result.snippet)
        self.assertIn("&lt;script&gt;", result.snippet)
        self.assertIn("<mark>building</mark>", site_search("build", "en").page.object_list[0].snippet)

    def test_stop_words_alone_find_nothing(self):
        """A query of only stop words gives no results instead of matching everything."""
        self.assertEqual(site_search("the of and", "en").total, 0)
        self.assertEqual(site_search("dan di ke", "id").total, 0)


class FilterAndPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.home.intro_ind = "<p>Selamat datang di kota pelabuhan.</p>"
        cls.home.save_revision().publish()
        cls.pages = [text_page(f"Pelabuhan {n}", f"Informasi pelabuhan nomor {n}.") for n in range(12)]
        cls.opd = OPD.objects.create(
            name_ind="Dinas Perhubungan", name="Dinas Perhubungan", acronym="Dishub", slug="dishub"
        )
        SearchEntry.objects.filter(page=cls.pages[0]).update(opd=cls.opd, year=2019)
        SearchEntry.objects.filter(page=cls.pages[1]).update(year=2019)

    def test_content_type_filter(self):
        """type=home.homepage keeps only the home page; type=home.standardpage drops it."""
        self.assertEqual(site_search("beranda", "id", {"type": "home.homepage"}).total, 1)
        self.assertEqual(site_search("pelabuhan", "id", {"type": "home.homepage"}).total, 0)  # intro: not searched
        self.assertEqual(site_search("pelabuhan", "id", {"type": "home.standardpage"}).total, 12)

    def test_opd_and_year_filters(self):
        """opd=<slug> and year=<yyyy> narrow the results."""
        self.assertEqual(slugs(site_search("pelabuhan", "id", {"opd": "dishub"})), [self.pages[0].slug])
        self.assertEqual(site_search("pelabuhan", "id", {"year": "2019"}).total, 2)

    def test_unknown_filter_values_are_ignored(self):
        """Unknown or malformed filters are dropped, never an error."""
        for filters in (
            {"type": "auth.user"},
            {"type": "wagtailcore.page"},
            {"opd": "tidak-ada"},
            {"year": "20x9"},
            {"year": "99999"},
            {"year": "٢٠١٩"},
            {"opd": "\x00"},
        ):
            with self.subTest(filters=filters):
                self.assertEqual(site_search("pelabuhan", "id", filters).total, 12)

    def test_pagination(self):
        """Ten results a page; out-of-range or malformed page numbers give a valid page."""
        first = site_search("pelabuhan", "id")
        self.assertEqual((first.total, len(first.page.object_list)), (12, 10))
        self.assertEqual(len(site_search("pelabuhan", "id", page=2).page.object_list), 2)
        self.assertEqual(site_search("pelabuhan", "id", page=99).page.number, 2)
        self.assertEqual(site_search("pelabuhan", "id", page="abc").page.number, 1)

    def test_registered_types_are_home_and_standard_pages(self):
        """Both page types of home/ declare site_search_fields and are indexed."""
        types = set(SearchEntry.objects.values_list("content_type__model", flat=True))
        self.assertEqual(types, {HomePage._meta.model_name, StandardPage._meta.model_name})
