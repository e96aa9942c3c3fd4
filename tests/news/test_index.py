"""The city newsroom: filters (good and bad), pagination, featured items, the per-OPD view,
what is never listed (drafts, private, scheduled, future-dated) and a query count that does not grow."""

import datetime
from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageViewRestriction

from home.demo import demo_image
from news import listing
from news.models import NewsType
from tests.factories import news as factories
from tests.factories.pages import home_page


def titles(response):
    page_obj = response.context["news_page_obj"]
    return {item.title for item in page_obj.object_list}


class NewsIndexFilterTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.index = factories.news_index()
        cls.diskominfo = factories.opd("diskominfo", "Diskominfo")
        cls.dlh = factories.opd("dlh", "DLH")
        cls.room_kominfo = factories.newsroom(cls.diskominfo)
        cls.room_dlh = factories.newsroom(cls.dlh)
        wib = datetime.timezone(datetime.timedelta(hours=7))
        factories.news_page(
            cls.room_kominfo,
            "Bimtek smart city",
            "Smart city guidance",
            news_type=NewsType.BIMTEK,
            tags=["smart city"],
            publication_date=datetime.datetime(2019, 7, 10, 15, 30, tzinfo=wib),
            featured=True,
        )
        factories.news_page(
            cls.room_kominfo,
            "Siaran pers portal",
            "Portal press release",
            news_type=NewsType.SIARAN_PERS,
            publication_date=datetime.datetime(2025, 7, 1, 9, tzinfo=wib),
        )
        # Just after midnight WIB on 1 August: still July in UTC, August in Jakarta.
        factories.news_page(
            cls.room_dlh,
            "Sosialisasi sampah",
            "Waste outreach",
            news_type=NewsType.SOSIALISASI,
            tags=["lingkungan"],
            publication_date=datetime.datetime(2025, 8, 1, 0, 30, tzinfo=wib),
        )

    def test_lists_all_live_news_newest_first(self):
        response = self.client.get("/id/berita/")
        self.assertEqual(
            [item.title for item in response.context["news_page_obj"]],
            ["Sosialisasi sampah", "Siaran pers portal", "Bimtek smart city"],
        )
        self.assertContains(response, "Rabu, 10 Juli 2019")

    def test_filter_by_type_opd_and_tag(self):
        self.assertEqual(titles(self.client.get("/id/berita/", {"type": "bimtek"})), {"Bimtek smart city"})
        self.assertEqual(titles(self.client.get("/id/berita/", {"opd": "dlh"})), {"Sosialisasi sampah"})
        self.assertEqual(titles(self.client.get("/id/berita/", {"tag": "smart-city"})), {"Bimtek smart city"})
        self.assertEqual(
            titles(self.client.get("/en/news/", {"type": "siaran-pers", "opd": "diskominfo"})),
            {"Portal press release"},
        )

    def test_year_and_month_archive_in_jakarta_time(self):
        """Archive months follow WIB: 00:30 on 1 August WIB is August, not July."""
        self.assertEqual(titles(self.client.get("/id/berita/", {"year": "2019"})), {"Bimtek smart city"})
        self.assertEqual(titles(self.client.get("/id/berita/", {"year": "2025", "month": "8"})), {"Sosialisasi sampah"})
        self.assertEqual(titles(self.client.get("/id/berita/", {"year": "2025", "month": "7"})), {"Siaran pers portal"})
        response = self.client.get("/id/berita/")
        self.assertContains(response, 'href="?year=2025&amp;month=8"')
        self.assertContains(response, "Agustus 2025")

    def test_bad_filter_values_are_ignored(self):
        """Unknown or malformed values never 500 and never filter."""
        for params in (
            {"type": "opini"},
            {"opd": "tidak-ada"},
            {"opd": "x\x00y"},
            {"tag": "../../etc"},
            {"tag": "\x00"},
            {"year": "abc"},
            {"year": "99999"},
            {"year": "١٢٣٤"},
            {"month": "7"},
            {"year": "2025", "month": "13"},
            {"page": "-1"},
        ):
            with self.subTest(params=params):
                response = self.client.get("/id/berita/", params)
                self.assertEqual(response.status_code, 200)
        self.assertEqual(len(titles(self.client.get("/id/berita/", {"type": "opini", "opd": "zzz"}))), 3)
        self.assertEqual(len(titles(self.client.get("/id/berita/", {"year": "2025", "month": "13"}))), 2)

    def test_no_results_message(self):
        response = self.client.get("/en/news/", {"year": "2001"})
        self.assertContains(response, "No news matches these filters.")

    def test_featured_only_on_first_unfiltered_page(self):
        response = self.client.get("/id/berita/")
        self.assertEqual([item.title for item in response.context["featured_items"]], ["Bimtek smart city"])
        self.assertContains(response, 'id="featured-heading"')
        self.assertEqual(self.client.get("/id/berita/", {"type": "sosialisasi"}).context["featured_items"], [])

    def test_per_opd_view_at_a_stable_url(self):
        """/id/berita/opd/<slug>/ lists only that OPD's news; an unknown OPD is a 404."""
        response = self.client.get("/id/berita/opd/dlh/")
        self.assertEqual(titles(response), {"Sosialisasi sampah"})
        self.assertContains(response, "Berita dari Dinas DLH")
        self.assertContains(response, 'href="/id/berita/opd/dlh/rss/"')
        self.assertEqual(
            titles(self.client.get("/en/news/opd/diskominfo/", {"type": "bimtek"})), {"Smart city guidance"}
        )
        self.assertEqual(self.client.get("/id/berita/opd/tidak-ada/").status_code, 404)

    def test_head_links_feeds_of_the_listing(self):
        response = self.client.get("/en/news/", {"type": "bimtek"})
        head = response.content.decode().split("</head>")[0]
        for href in ("/en/news/rss/", "/en/news/atom/", "/en/news/type/bimtek/rss/", "/en/news/type/bimtek/atom/"):
            self.assertIn(f'href="{href}"', head)


class NewsIndexPaginationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.index = factories.news_index()
        room = factories.newsroom(factories.opd("diskominfo", "Diskominfo"))
        for number in range(listing.PAGE_SIZE + 3):
            factories.news_page(room, f"Berita {number}", f"News {number}")

    def test_pages(self):
        first = self.client.get("/id/berita/")
        self.assertEqual(len(first.context["news_page_obj"]), listing.PAGE_SIZE)
        self.assertContains(first, 'rel="next"')
        second = self.client.get("/id/berita/", {"page": "2"})
        self.assertEqual(len(second.context["news_page_obj"]), 3)

    def test_past_the_end_and_garbage_give_a_valid_page(self):
        """?page=999 shows the last page and ?page=abc the first: never a 404 or 500."""
        response = self.client.get("/id/berita/", {"page": "999"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["news_page_obj"].number, 2)
        self.assertEqual(self.client.get("/id/berita/", {"page": "abc"}).context["news_page_obj"].number, 1)

    def test_pagination_links_keep_the_filters(self):
        response = self.client.get("/id/berita/", {"type": "berita"})
        self.assertContains(response, 'href="?type=berita&amp;page=2"')


class HiddenNewsTests(TestCase):
    """Drafts, private pages, scheduled pages and future-dated items never appear in listings."""

    @classmethod
    def setUpTestData(cls):
        home_page()
        factories.news_index()
        room = factories.newsroom(factories.opd("diskominfo", "Diskominfo"))
        factories.news_page(room, "Berita terbit", "Published news")
        factories.news_page(room, "Berita draf", "Draft news", live=False)
        private = factories.news_page(room, "Berita privat", "Private news")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="rahasia")
        scheduled = factories.news_page(room, "Berita terjadwal", "Scheduled news", live=False)
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
        scheduled.save_revision().publish()
        factories.news_page(
            room, "Berita masa depan", "Future news", publication_date=timezone.now() + datetime.timedelta(days=2)
        )
        cls.scheduled = scheduled

    def test_only_live_public_current_news_is_listed(self):
        self.scheduled.refresh_from_db()
        self.assertFalse(self.scheduled.live)
        for url in ("/id/berita/", "/en/news/", "/id/berita/opd/diskominfo/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(len(response.context["news_page_obj"]), 1)
                for hidden in ("draf", "privat", "terjadwal", "masa depan", "Draft", "Private", "Scheduled", "Future"):
                    self.assertNotContains(response, hidden)


class CachedSidebarTests(TestCase):
    """The archive, the count and the filter choices are cached, yet follow every change and the clock."""

    @classmethod
    def setUpTestData(cls):
        home_page()
        factories.news_index()
        cls.room = factories.newsroom(factories.opd("diskominfo", "Diskominfo"))
        factories.news_page(cls.room, "Berita lama", "Old news", tags=["kota"])

    def sidebar(self, url="/id/berita/"):
        response = self.client.get(url)
        context = response.context
        return {
            "count": context["news_page_obj"].paginator.count,
            "titles": titles(response),
            "tags": [tag["name"] for tag in context["tag_choices"]],
            "opds": [opd["acronym"] for opd in context["opd_choices"]],
            "months": [month for _year, months in context["archive"] for month in months],
        }

    def test_a_new_item_shows_at_once(self):
        self.assertEqual(self.sidebar()["count"], 1)
        other = factories.newsroom(factories.opd("dlh", "DLH"))
        factories.news_page(
            other,
            "Berita baru",
            "New news",
            tags=["sampah"],
            publication_date=datetime.datetime(2020, 1, 15, 9, tzinfo=datetime.UTC),
        )
        after = self.sidebar()
        self.assertEqual(after["count"], 2)
        self.assertEqual(after["tags"], ["kota", "sampah"])
        self.assertEqual(after["opds"], ["DLH", "Diskominfo"])
        self.assertIn((2020, 1), [(month["year"], month["month"]) for month in after["months"]])

    def test_a_future_item_joins_when_its_time_comes(self):
        """An item dated in the future is absent, and is counted (archive and tags too) as soon as it is due."""
        due = timezone.now() + datetime.timedelta(days=40)
        factories.news_page(self.room, "Berita nanti", "Later news", tags=["nanti"], publication_date=due)
        for url in ("/id/berita/", "/en/news/opd/diskominfo/"):
            with self.subTest(url=url):
                before = self.sidebar(url)
                self.assertEqual(before["count"], 1)
                self.assertEqual(len(before["titles"]), 1)
                self.assertNotIn("nanti", before["tags"])
                later = due + datetime.timedelta(minutes=1)
                with mock.patch("django.utils.timezone.now", return_value=later):
                    after = self.sidebar(url)
                self.assertEqual(after["count"], 2)
                self.assertTrue({"Berita nanti", "Later news"} & after["titles"])
                self.assertIn("nanti", after["tags"])
                self.assertIn((due.year, due.month), [(month["year"], month["month"]) for month in after["months"]])


class NewsIndexQueryCountTests(TestCase):
    """The newsroom costs the same number of queries with 5 items as with 50."""

    @classmethod
    def setUpTestData(cls):
        home_page()
        factories.news_index()
        cls.rooms = [factories.newsroom(factories.opd(slug, slug.upper())) for slug in ("diskominfo", "dlh", "dinkes")]
        cls.image = demo_image("Gambar uji", "Gambar uji", "Test image", (50, 60, 70))

    def make_items(self, start, stop):
        for number in range(start, stop):
            factories.news_page(
                self.rooms[number % 3],
                f"Berita {number}",
                f"News {number}",
                tags=[f"tag {number % 4}", "kota"],
                hero_image=self.image,
                featured=number < 3,
            )

    def count_queries(self, url):
        # Warm up: renditions are generated and the sidebar is cached on first use, and the first view of a
        # new site creates its settings (a content change: the cached lookups are made again on the next view).
        self.client.get(url)
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_query_count_does_not_depend_on_the_number_of_items(self):
        """5 items and 50 items (with images, tags, featured items, several pages) cost the same queries."""
        self.make_items(0, 5)
        few = self.count_queries("/id/berita/")
        few_opd = self.count_queries("/en/news/opd/dlh/")
        self.make_items(5, 50)
        self.client.get("/id/berita/")  # warm up the new renditions
        self.client.get("/en/news/opd/dlh/")
        with self.assertNumQueries(few):
            self.client.get("/id/berita/")
        with self.assertNumQueries(few_opd):
            self.client.get("/en/news/opd/dlh/")
        # Was 23 and 18 before the query work of issue 7, then 8 and 7 before the archive and the filter
        # choices were cached (a first view after a content change costs 3 more each).
        self.assertEqual((few, few_opd), (3, 3))
