"""Bounded ranking at scale: the capped result count, title/summary matches kept first, the PostgreSQL ranking table."""

import unittest
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from search.models import SearchEntry
from search.query import site_search
from tests.factories.pages import home_page
from tests.factories.search import text_page

postgres_only = unittest.skipUnless(connection.vendor == "postgresql", "the ranking table exists on PostgreSQL only")


def slugs(results):
    return [result.page.slug for result in results.page.object_list]


class CappedResultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.titled = [
            text_page("Hutan Mangrove Dompak", "Kawasan lindung.", title_en="Dompak mangrove forest"),
            text_page("Ringkasan", "Mangrove di pesisir Senggarang.", title_en="Summary", summary_en="Mangroves."),
        ]
        cls.body_only = [
            text_page(f"Halaman {n}", "Ringkasan biasa.", body_ind="Tentang mangrove di pesisir kota.")
            for n in range(3)
        ]

    def test_count_below_the_cap_is_exact(self):
        """With fewer matches than the cap, every match is counted and shown, and ``more`` is false."""
        results = site_search("mangrove", "id")
        self.assertEqual((results.total, results.more), (5, False))

    def test_more_matches_than_the_cap(self):
        """Past the cap the count stops at the cap and ``more`` says there were more matches."""
        with mock.patch("search.query.MAX_RESULTS", 4):
            results = site_search("mangrove", "id")
        self.assertEqual((results.total, results.more, len(results.page.object_list)), (4, True, 4))
        with mock.patch("search.query.MAX_RESULTS", 5):
            self.assertFalse(site_search("mangrove", "id").more)

    def test_title_and_summary_matches_are_kept_before_body_only_matches(self):
        """When more pages match than are kept, pages with the word in the title or summary are kept first."""
        with mock.patch("search.query.MAX_RESULTS", 2):
            results = site_search("mangrove", "id")
        self.assertEqual(slugs(results), [self.titled[0].slug, self.titled[1].slug])

    def test_page_says_more_than_in_both_languages(self):
        """The results page tells the visitor the count is capped, in Indonesian and in English."""
        with mock.patch("search.query.MAX_RESULTS", 2):
            english = self.client.get("/en/search/", {"q": "mangrove"})
            indonesian = self.client.get("/id/search/", {"q": "mangrove"})
        self.assertContains(english, "More than 2 results for “mangrove”")
        self.assertContains(indonesian, "Lebih dari 2 hasil untuk “mangrove”")
        self.assertContains(self.client.get("/id/search/", {"q": "mangrove"}), "5 hasil untuk “mangrove”")


@postgres_only
class RankTableTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.page = text_page(
            "Pembangunan Jalan",
            "Ringkasan tentang pelabuhan.",
            body_ind="Isi tentang perpustakaan.",
            title_en="Road building",
        )

    def rank_rows(self):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT r.language, r.analyzer, r.is_fallback, r.year, r.opd_id, r.head::text "
                "FROM search_entry_rank r JOIN search_searchentry e ON e.id = r.entry_id "
                "WHERE e.page_id = %s ORDER BY r.language",
                [self.page.pk],
            )
            return cursor.fetchall()

    def test_rank_rows_follow_entries(self):
        """Triggers keep one ranking row per entry: title and summary lexemes only, filters copied."""
        rows = self.rank_rows()
        self.assertEqual([row[0] for row in rows], ["en", "id"])
        indonesian = rows[1]
        self.assertIn("'bangun':1A", indonesian[5])
        self.assertIn("'labuh'", indonesian[5])
        self.assertNotIn("pustaka", indonesian[5])  # the body is matched and ranked from ``document``
        SearchEntry.objects.filter(page=self.page).update(year=2019, summary="Ringkasan tentang pasar.")
        rows = self.rank_rows()
        self.assertEqual({row[3] for row in rows}, {2019})
        self.assertIn("'pasar'", rows[1][5])
        self.assertNotIn("labuh", rows[1][5])

    def test_rank_rows_go_with_their_entries(self):
        """Deleting or truncating entries removes their ranking rows."""
        self.page.unpublish()
        self.assertEqual(self.rank_rows(), [])
        text_page("Pasar Baru", "Pasar.")
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks before TRUNCATE
            cursor.execute("TRUNCATE search_searchentry")
            cursor.execute("SELECT count(*) FROM search_entry_rank")
            self.assertEqual(cursor.fetchone()[0], 0)

    def test_ranking_queries_can_use_the_per_language_partial_indexes(self):
        """The ranking queries match the predicates of the per-language partial GIN indexes on ``head``.

        (The body-tier query's use of ``search_entry_document_<language>`` is shown by the
        benchmark's EXPLAIN at scale; on a few rows the planner rightly prefers the btree index.)
        """
        text_page("Pasar Ikan", "Pasar.", body_ind="Pelabuhan pelabuhan.")
        for language, query in (("id", "pelabuhan pasar"), ("en", "road market")):
            with CaptureQueriesContext(connection) as captured:
                site_search(query, language)
            plans = []
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")  # a few rows: force the choice to be visible
                for sql in [q["sql"] for q in captured.captured_queries if "search_entry_rank" in q["sql"]]:
                    cursor.execute("EXPLAIN " + sql)
                    plans.append("\n".join(row[0] for row in cursor.fetchall()))
                cursor.execute("SET LOCAL enable_seqscan = on")
            plan = "\n".join(plans)
            with self.subTest(language=language):
                self.assertEqual(plan.count(f"Bitmap Index Scan on search_entry_rank_head_{language}"), 2)  # AND, OR
