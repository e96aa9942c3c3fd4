"""Promoted results per language, the anonymous query log and the editors' popular-queries report."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import DatabaseError, connection
from django.http import HttpResponse
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from search import querylog
from search.models import QueryLog
from search.query import site_search
from tests.factories.pages import home_page
from tests.factories.search import text_page
from tests.serving.redis import REDIS_CACHES, redis_available


def promote(query_string, page, description=""):
    return SearchPromotion.objects.create(query=Query.get(query_string), page=page, description=description)


class PromotionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.heritage = text_page("Cagar Budaya Kota", "Daftar cagar budaya.", title_en="City heritage")
        cls.penyengat = text_page("Pulau Penyengat", "Pulau bersejarah.")
        cls.services = text_page("Layanan Kependudukan", "KTP dan KK.", title_en="Civil registration")

    def test_language_prefix_scopes_a_promotion(self):
        """ "en: heritage" promotes only for English visitors, "id: warisan" only for Indonesian ones."""
        promote("en: heritage", self.heritage, "Start here.")
        promote("id:warisan", self.penyengat)
        en = site_search("Heritage", "en")
        self.assertEqual([p["title"] for p in en.promotions], ["City heritage"])
        self.assertEqual(en.promotions[0]["description"], "Start here.")
        self.assertEqual(site_search("heritage", "id").promotions, [])
        self.assertEqual([p["title"] for p in site_search("warisan", "id").promotions], ["Pulau Penyengat"])
        self.assertEqual(site_search("warisan", "en").promotions, [])

    def test_unprefixed_promotion_applies_to_both_languages_with_fallback_label(self):
        """A promotion without prefix shows in both languages; an untranslated page is marked Indonesian."""
        promote("penyengat", self.penyengat)
        self.assertFalse(site_search("penyengat", "id").promotions[0]["is_fallback"])
        self.assertTrue(site_search("penyengat", "en").promotions[0]["is_fallback"])
        response = self.client.get("/en/search/", {"q": "penyengat"})
        self.assertContains(response, "Recommended")
        self.assertContains(response, 'lang="id" hreflang="id">Pulau Penyengat</a>')

    def test_language_specific_promotions_come_first_and_private_pages_are_hidden(self):
        """The language's own promotions precede shared ones; unpublished or private pages are never promoted."""
        promote("ktp", self.heritage)
        promote("id: ktp", self.services)
        hidden = text_page("Halaman Internal", "Internal.")
        promote("id: ktp", hidden)
        PageViewRestriction.objects.create(page=hidden, restriction_type="password", password="x")
        draft = text_page("Akan Ditarik", "x.")
        promote("ktp", draft)
        draft.unpublish()
        titles = [p["title"] for p in site_search("KTP", "id").promotions]
        self.assertEqual(titles, ["Layanan Kependudukan", "Cagar Budaya Kota"])

    def test_promotions_follow_changes_and_unpromoted_searches_ask_nothing(self):
        """The promoted query strings are kept: a search nobody promoted reads no promotion, and a promotion
        added or removed shows on the next search."""
        site_search("penyengat", "id")
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(site_search("penyengat", "id").promotions, [])
        self.assertFalse([query for query in queries if "searchpromotion" in query["sql"]])
        promote("penyengat", self.penyengat)
        self.assertEqual([p["title"] for p in site_search("penyengat", "id").promotions], ["Pulau Penyengat"])
        self.assertEqual([p["title"] for p in site_search("Penyengat", "en").promotions], ["Pulau Penyengat"])
        SearchPromotion.objects.all().delete()
        self.assertEqual(site_search("penyengat", "id").promotions, [])

    def test_promotions_only_on_the_first_page(self):
        """Promotions show above the first page of results only."""
        promote("kota", self.heritage)
        for n in range(11):
            text_page(f"Kota {n}", "Kota.")
        self.assertEqual(len(site_search("kota", "id").promotions), 1)
        self.assertEqual(site_search("kota", "id", page=2).promotions, [])


class QueryLogTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        text_page("Pasar Baru", "Pasar.", title_en="New market")

    def test_log_counts_normalised_queries_per_language_without_personal_data(self):
        """Searches are counted per normalised text, language and day; the log has no IP or user columns."""
        self.client.get("/id/search/", {"q": "  PASAR  "})
        self.client.get("/id/search/", {"q": "pasar"})
        self.client.get("/en/search/", {"q": "market"})
        self.client.get("/id/search/", {"q": "pasar", "page": "2"})  # later pages are not new searches
        self.assertEqual(
            set(QueryLog.objects.values_list("query_text", "language", "searches", "results")),
            {("pasar", "id", 2, 1), ("market", "en", 1, 1)},
        )
        columns = {field.name for field in QueryLog._meta.get_fields()}
        self.assertEqual(columns, {"id", "query_text", "language", "date", "searches", "results"})

    def test_queries_that_look_like_personal_data_are_not_logged(self):
        """E-mail addresses and long numbers (NIK, phone) are never written to the log."""
        for query in ("budi@example.com", "2171012345678901", "0812-3456-7890", ""):
            self.client.get("/id/search/", {"q": query})
        self.assertFalse(QueryLog.objects.exists())

    def test_popular_queries_report(self):
        """Editors with the permission see the most searched and zero-result queries; others are refused."""
        for _ in range(3):
            self.client.get("/id/search/", {"q": "pasar"})
        self.client.get("/en/search/", {"q": "ferry timetable"})
        user_model = get_user_model()
        admin = user_model.objects.create_superuser("admin", "admin@example.com", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/reports/popular-searches/")
        self.assertContains(response, "<td>pasar</td><td>id</td><td>3</td><td>1</td>", html=True)
        self.assertContains(response, "<td>ferry timetable</td><td>en</td><td>1</td>", html=True)
        self.assertContains(self.client.get("/admin/reports/popular-searches/?language=en&days=x"), "ferry")
        self.assertNotContains(self.client.get("/admin/reports/popular-searches/?language=en"), "<td>pasar</td>")
        editors = Group.objects.create(name="Search report readers")
        editors.permissions.add(Permission.objects.get(codename="access_admin"))
        editor = user_model.objects.create_user("editor", "editor@example.com", "pw")
        editor.groups.add(editors)
        self.client.force_login(editor)
        self.assertNotEqual(self.client.get("/admin/reports/popular-searches/").status_code, 200)
        editors.permissions.add(Permission.objects.get(codename="view_querylog"))
        self.assertEqual(self.client.get("/admin/reports/popular-searches/").status_code, 200)


class CachedSearchLogBehaviour:
    """Search pages are cached whole; every search is still counted, hit or miss (LocMem and Redis)."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        text_page("Pasar Baru", "Pasar.", title_en="New market")

    def setUp(self):
        caches["pages"].clear()

    def test_searches_served_from_the_page_cache_are_counted(self):
        statuses = [self.client.get("/id/search/", {"q": "pasar"}).headers.get("X-Cache") for _ in range(3)]
        self.assertEqual(statuses, ["miss", "hit", "hit"])
        self.client.get("/en/search/", {"q": "market"})
        self.client.get("/en/search/", {"q": "market"})
        self.assertEqual(
            set(QueryLog.objects.values_list("query_text", "language", "searches", "results")),
            {("pasar", "id", 3, 1), ("market", "en", 2, 1)},
        )

    def test_cached_later_pages_and_personal_data_stay_uncounted(self):
        for _ in range(2):
            self.client.get("/id/search/", {"q": "pasar", "page": "2"})
            self.client.get("/id/search/", {"q": "0812-3456-7890"})
        self.assertFalse(QueryLog.objects.exists())


@override_settings(PAGE_CACHE=True)
class LocalMemoryCachedSearchLogTests(CachedSearchLogBehaviour, TestCase):
    pass


@pytest.mark.skipif(not redis_available(), reason="Redis is not running at 127.0.0.1:6379")
@override_settings(PAGE_CACHE=True, CACHES=REDIS_CACHES)
class RedisCachedSearchLogTests(CachedSearchLogBehaviour, TestCase):
    pass


class QueryLogWritingTests(TestCase):
    """Counts wait in the worker and are written after a response, never inside the visitor's search."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        text_page("Pasar Baru", "Pasar.", title_en="New market")

    def setUp(self):
        self.client.get("/id/")  # the site's first request creates its settings row
        querylog.flush()
        self.addCleanup(querylog.flush)

    def later(self, seconds):
        return mock.patch.object(querylog.time, "monotonic", return_value=querylog._last_flush + seconds)

    @override_settings(SEARCH_LOG_FLUSH_SECONDS=60)
    def test_counts_wait_for_the_next_write_and_add_up(self):
        with self.later(30), CaptureQueriesContext(connection) as queries:
            self.client.get("/id/search/", {"q": "pasar"})
            self.client.get("/id/search/", {"q": "Pasar"})
            self.client.get("/en/search/", {"q": "market"})
        writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("UPDATE", "INSERT"))]
        self.assertEqual(writes, [], "a visitor's search writes nothing")
        self.assertFalse(QueryLog.objects.exists())
        today = timezone.localdate()
        self.assertEqual(querylog.pending(), {("pasar", "id", today): (2, 1), ("market", "en", today): (1, 1)})
        with self.later(61):
            self.client.get("/en/")  # the end of any request writes them once they are due
        self.assertEqual(querylog.pending(), {})
        self.assertEqual(
            set(QueryLog.objects.values_list("query_text", "language", "searches", "results")),
            {("pasar", "id", 2, 1), ("market", "en", 1, 1)},
        )

    def test_counts_are_kept_when_the_database_refuses_them(self):
        """A failed write leaves no half batch in the log and loses no count: the next write has them all."""
        pasar = querylog.mark(HttpResponse(), "pasar", "id", 4)
        market = querylog.mark(HttpResponse(), "market", "en", 2)
        querylog.count(pasar)
        querylog.count(market)
        real_write = querylog._write
        calls = []

        def second_write_fails(*args):
            calls.append(args)
            if len(calls) == 2:
                raise DatabaseError("connection lost")
            real_write(*args)

        with mock.patch.object(querylog, "_write", side_effect=second_write_fails):
            with self.assertLogs("search.querylog", "ERROR"):
                querylog.flush()
        self.assertEqual(len(calls), 2)
        self.assertFalse(QueryLog.objects.exists())
        today = timezone.localdate()
        self.assertEqual(querylog.pending(), {("pasar", "id", today): (1, 4), ("market", "en", today): (1, 2)})
        querylog.count(pasar)
        querylog.flush()
        self.assertEqual(
            set(QueryLog.objects.values_list("query_text", "searches", "results")), {("pasar", 2, 4), ("market", 1, 2)}
        )
