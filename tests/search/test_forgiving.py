"""Search that forgives: the vocabulary, typo correction, synonyms, structural pages, headings, autocomplete."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from home.models import OPD
from search import indexing, synonyms, vocabulary
from search.models import SearchWord, Synonym
from search.query import site_search
from tests.factories.news import news_index, news_page, newsroom, opd
from tests.factories.pages import home_page
from tests.factories.search import text_page


def words(language):
    return dict(SearchWord.objects.filter(language=language).values_list("word", "entries"))


def titles(results):
    return [result.page.title_ind for result in results.page.object_list]


class VocabularyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.penyengat = text_page(
            "Pulau Penyengat",
            "Masjid di Pulau Penyengat.",
            title_en="Penyengat Island",
            summary_en="A heritage island with a mosque.",
        )
        cls.masjid = text_page("Masjid Raya", "Masjid bersejarah.")

    def test_words_are_counted_per_language_as_pages_are_published(self):
        """Each word counts the entries it occurs in; English keeps the fallback page's Indonesian words."""
        id_words, en_words = words("id"), words("en")
        self.assertEqual((id_words["penyengat"], id_words["masjid"], id_words["raya"]), (1, 2, 1))
        self.assertEqual((en_words["penyengat"], en_words["heritage"], en_words["masjid"]), (1, 1, 1))
        self.assertNotIn("heritage", id_words)
        self.assertNotIn("di", id_words)  # stop words are never corrections

    def test_edits_and_unpublishing_keep_the_counts_in_step(self):
        """A word removed from the last page that had it leaves the vocabulary; a rebuild agrees."""
        self.masjid.title_ind = "Masjid Agung"
        self.masjid.save_revision().publish()
        self.assertNotIn("raya", words("id"))
        self.assertEqual(words("id")["agung"], 1)
        self.penyengat.unpublish()
        self.assertNotIn("penyengat", words("id"))
        before = {language: words(language) for language in ("id", "en")}
        vocabulary.rebuild()
        self.assertEqual({language: words(language) for language in ("id", "en")}, before)

    def test_distance(self):
        """Damerau-Levenshtein: a swap of neighbours costs one edit."""
        self.assertEqual(vocabulary.distance("kahs", "khas"), 1)
        self.assertEqual(vocabulary.distance("penyengt", "penyengat"), 1)
        self.assertEqual(vocabulary.distance("abc", "xyz"), 3)


class CorrectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.penyengat = text_page(
            "Pulau Penyengat",
            "Cagar budaya di seberang kota.",
            title_en="Penyengat Island",
            summary_en="A heritage island across the water.",
        )
        cls.sampah = text_page("Pengelolaan Sampah", "Jadwal angkut sampah.", title_en="Waste", summary_en="Bins.")

    def test_a_misspelled_word_is_corrected_and_its_results_shown(self):
        """ "penyengt" finds nothing as typed: the correction "penyengat" is offered and its results shown."""
        results = site_search("penyengt", "id")
        self.assertEqual((results.correction, results.corrected), ("penyengat", True))
        self.assertEqual(titles(results), ["Pulau Penyengat"])
        self.assertEqual(site_search("pulau penyengt", "id").correction, "pulau penyengat")
        self.assertEqual(site_search("heritge", "en").correction, "heritage")

    def test_words_that_occur_are_never_corrected(self):
        """A query whose words all occur (as typed or by stem) is not corrected, even when no page has all."""
        for query, language in (("penyengat sampah", "id"), ("pengelolaan", "id"), ("islands", "en")):
            with self.subTest(query=query):
                self.assertEqual(site_search(query, language).correction, "")

    def test_corrections_come_from_the_visitors_language(self):
        """An Indonesian visitor is not offered an English word: "heritge" has no Indonesian correction."""
        results = site_search("heritge", "id")
        self.assertEqual((results.correction, results.total), ("", 0))

    def test_nonsense_is_not_corrected(self):
        """A word near nothing in the vocabulary gets no suggestion."""
        self.assertEqual(site_search("qwxzv", "id").correction, "")

    def test_results_page_links_the_suggestion_in_each_language(self):
        """The page says "Maksud Anda:" / "Did you mean:" with a link that searches the correction."""
        response = self.client.get("/id/search/", {"q": "penyengt"})
        self.assertContains(response, 'Maksud Anda: <a href="/id/search/?q=penyengat"><strong>penyengat</strong></a>?')
        self.assertContains(response, "Pulau <mark>Penyengat</mark>", html=True)
        response = self.client.get("/en/search/", {"q": "heritge"})
        self.assertContains(response, 'Did you mean: <a href="/en/search/?q=heritage"><strong>heritage</strong></a>?')


class SynonymTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        synonyms.seed_defaults()
        cls.agency = OPD.objects.create(
            slug="disbudpar",
            acronym="Disbudpar",
            name="Dinas Kebudayaan dan Pariwisata",
            name_ind="Dinas Kebudayaan dan Pariwisata",
            name_en="Culture and Tourism Agency",
        )
        cls.bimtek = text_page(
            "Bimtek Pemandu Wisata",
            "Bimtek bagi pemandu wisata.",
            title_en="Tour guide workshop",
            summary_en="A workshop for tour guides.",
        )
        cls.office = text_page(
            "Kantor Dinas Kebudayaan dan Pariwisata",
            "Alamat dan jam layanan.",
            title_en="Culture and Tourism Agency office",
            summary_en="Address and opening hours.",
        )

    def test_agency_acronyms_follow_the_agency(self):
        """Saving an OPD keeps "acronym = full name" in each language; deleting it removes them."""
        rows = dict(Synonym.objects.filter(opd=self.agency).values_list("language", "equivalents"))
        self.assertEqual(rows, {"id": "Dinas Kebudayaan dan Pariwisata", "en": "Culture and Tourism Agency"})
        self.agency.acronym = "Disparbud"
        self.agency.save()
        self.assertEqual(set(Synonym.objects.filter(opd=self.agency).values_list("term", flat=True)), {"Disparbud"})
        self.assertEqual(titles(site_search("disparbud", "id")), ["Kantor Dinas Kebudayaan dan Pariwisata"])
        self.agency.delete()
        self.assertFalse(Synonym.objects.filter(term="Disparbud").exists())

    def test_acronym_and_full_name_find_each_other(self):
        """ "disbudpar" finds the full name; "bimbingan teknis" finds "bimtek"; "training" finds "workshop"."""
        self.assertEqual(titles(site_search("disbudpar", "id")), ["Kantor Dinas Kebudayaan dan Pariwisata"])
        self.assertEqual(titles(site_search("bimbingan teknis pemandu", "id"))[0], "Bimtek Pemandu Wisata")
        self.assertEqual(titles(site_search("tour guide training", "en"))[0], "Bimtek Pemandu Wisata")
        self.assertEqual(site_search("disbudpar", "id", expand=False).total, 0)

    def test_one_way_entries_expand_one_way(self):
        """A term without "both ways" expands to its equivalents, not the other way round."""
        Synonym.objects.create(language="id", term="wisata", equivalents="bimtek", both_ways=False)
        self.assertEqual(titles(site_search("wisata", "id")), ["Bimtek Pemandu Wisata"])
        self.assertEqual(site_search("kantor bimtek", "id").page.object_list[0].matched, [])

    def test_results_name_the_word_that_matched(self):
        """A result found through a synonym says which word matched, and marks it in the snippet."""
        response = self.client.get("/id/search/", {"q": "bimbingan teknis pemandu"})
        self.assertContains(response, "Ditemukan melalui “bimtek”, yang berarti “bimbingan teknis”.")
        self.assertContains(response, "<mark>Bimtek</mark>", html=True)
        response = self.client.get("/en/search/", {"q": "tour guide training"})
        self.assertContains(response, "Found through “workshop”, which means “training”.")

    def test_editors_manage_synonyms_in_the_admin(self):
        """The synonym snippet is listed and can be added through the admin."""
        self.client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.com", "pw"))
        response = self.client.get("/admin/snippets/search/synonym/")
        self.assertContains(response, "bimtek")
        response = self.client.post(
            "/admin/snippets/search/synonym/add/",
            {"language": "en", "term": "guide", "equivalents": "pemandu", "both_ways": "on"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(Synonym.objects.filter(language="en", term="guide").exists())


class StructureAndHeadingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        home.intro_ind = "<p>Selamat datang. Berita dan layanan kota pelabuhan.</p>"
        home.save_revision().publish()
        cls.index = news_index()
        cls.room = newsroom(opd("disbudpar", "Disbudpar"))
        cls.news = news_page(
            cls.room,
            "Workshop Pemandu Wisata Pulau Penyengat, Tahap II",
            "Penyengat Island Tour Guide Workshop, Stage II",
            slug_ind="workshop-pemandu-wisata",
            slug_en="tour-guide-workshop",
            event_title_ind="Workshop Pemandu Wisata Tahap II",
            event_title_en="Tour Guide Workshop Stage II",
        )
        cls.other = news_page(
            cls.room,
            "Berita Festival",
            "Festival news",
            slug_ind="berita-festival",
            event_title_ind="Festival Pulau Penyengat",
            event_title_en="Penyengat Island Festival",
        )

    def test_home_and_index_pages_only_by_title_and_below_content(self):
        """The home page is not found by its intro; the newsroom "Berita" comes after news titled "Berita"."""
        self.assertNotIn("Beranda", titles(site_search("pelabuhan", "id")))
        found = titles(site_search("berita", "id"))
        self.assertEqual(found[0], "Berita Festival")
        self.assertLess(found.index("Berita Festival"), found.index("Berita"))

    def test_result_heading_shows_the_title_once(self):
        """An event title inside the page title adds nothing; a different one is a detail line."""
        response = self.client.get("/en/search/", {"q": "workshop"})
        self.assertContains(response, "Penyengat Island Tour Guide <mark>Workshop</mark>, Stage II", html=True)
        self.assertNotContains(response, "Stage II Tour Guide")
        self.assertNotContains(response, "search-result__detail")
        response = self.client.get("/en/search/", {"q": "festival"})
        self.assertContains(
            response, '<p class="search-result__detail">Penyengat Island <mark>Festival</mark></p>', html=True
        )


class AutocompleteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        synonyms.seed_defaults()
        cls.masterplan = text_page("Masterplan Kota Cerdas", "Rencana induk kota.")
        cls.masjid = text_page("Masjid Raya Sultan Riau", "Masjid bersejarah; masjid tertua di pulau.")
        cls.road = text_page("Pembangunan Jalan Kota", "Jalan kota dibangun.")
        cls.bimtek = text_page("Bimbingan Teknis Pemandu", "Pelatihan pemandu.")
        cls.visit = text_page("Jadwal Kunjungan ke Masjid", "Masjid dibuka untuk wisatawan.")

    def suggest(self, query):
        response = self.client.get("/id/search/suggest/", {"q": query})
        return [item["title"] for item in json.loads(response.content)["suggestions"]]

    def test_relevance_not_title_length(self):
        """ "mas": the page most about a mosque comes before the shorter title "Masterplan Kota Cerdas"."""
        found = self.suggest("mas")
        self.assertLess(found.index("Masjid Raya Sultan Riau"), found.index("Masterplan Kota Cerdas"))

    def test_titles_starting_with_the_word_come_first(self):
        """ "masjid": a title starting with the word comes before one that has it at the end."""
        self.assertEqual(self.suggest("masjid"), ["Masjid Raya Sultan Riau", "Jadwal Kunjungan ke Masjid"])

    def test_stems_and_synonyms(self):
        """ "bangun" suggests "Pembangunan…" (stem); "bimtek" suggests "Bimbingan Teknis…" (synonym)."""
        self.assertEqual(self.suggest("bangun"), ["Pembangunan Jalan Kota"])
        self.assertEqual(self.suggest("bimtek"), ["Bimbingan Teknis Pemandu"])

    def test_recent_pages_first_when_relevance_ties(self):
        """Of two equally relevant titles, the more recently published comes first."""
        first = text_page("Pasar Ikan Lama", "Pasar.")
        second = text_page("Pasar Ikan Baru", "Pasar.")
        type(first).objects.filter(pk=first.pk).update(last_published_at=timezone.now() - datetime.timedelta(days=900))
        self.assertEqual(self.suggest("pasar ik"), ["Pasar Ikan Baru", "Pasar Ikan Lama"])
        self.assertIsNotNone(second)

    def test_rebuild_keeps_the_vocabulary(self):
        """rebuild_site_search recounts the vocabulary from the pages."""
        indexing.rebuild()
        self.assertEqual(words("id")["masjid"], 2)
