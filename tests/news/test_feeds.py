"""RSS 2.0 and Atom feeds: valid (feedparser, no bozo), required elements, both languages, scopes,
and only live, public, current news."""

import datetime

from django.test import TestCase
from django.utils import timezone

from wagtail.models import PageViewRestriction

import feedparser

from news.models import NewsType
from tests.factories import news as factories
from tests.factories.pages import home_page

FEEDS = {
    "id": ("/id/berita/rss/", "/id/berita/atom/"),
    "en": ("/en/news/rss/", "/en/news/atom/"),
}


class NewsFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        factories.news_index()
        cls.diskominfo = factories.opd("diskominfo", "Diskominfo", "Dinas Komunikasi dan Informatika")
        cls.dlh = factories.opd("dlh", "DLH", "Dinas Lingkungan Hidup", "Environment Agency")
        room = factories.newsroom(cls.diskominfo)
        dlh_room = factories.newsroom(cls.dlh)
        wib = datetime.timezone(datetime.timedelta(hours=7))
        factories.news_page(
            room,
            "Bimtek smart city",
            "Smart city guidance",
            news_type=NewsType.BIMTEK,
            tags=["smart city"],
            publication_date=datetime.datetime(2019, 7, 10, 15, 30, tzinfo=wib),
        )
        factories.news_page(dlh_room, "Sosialisasi sampah", "Waste outreach", news_type=NewsType.SOSIALISASI)
        factories.news_page(dlh_room, "Pengumuman khusus Indonesia", "", news_type=NewsType.PENGUMUMAN)
        # Never in a feed:
        factories.news_page(room, "Berita draf", "Draft news", live=False)
        private = factories.news_page(room, "Berita privat", "Private news")
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="rahasia")
        scheduled = factories.news_page(room, "Berita terjadwal", "Scheduled news", live=False)
        scheduled.go_live_at = timezone.now() + datetime.timedelta(days=3)
        scheduled.save_revision().publish()
        factories.news_page(
            room, "Berita masa depan", "Future news", publication_date=timezone.now() + datetime.timedelta(days=2)
        )

    def parse(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        feed = feedparser.parse(response.content, response_headers={"content-type": response["Content-Type"]})
        self.assertFalse(feed.bozo, f"{url}: {feed.get('bozo_exception')}")
        return response, feed

    def test_rss_has_the_required_elements_in_both_languages(self):
        for language, (rss, _atom) in FEEDS.items():
            with self.subTest(language=language):
                response, feed = self.parse(rss)
                self.assertTrue(response["Content-Type"].startswith("application/rss+xml"))
                self.assertEqual(feed.version, "rss20")
                self.assertEqual(feed.feed.language, language)
                for required in ("title", "link", "description"):
                    self.assertTrue(feed.feed.get(required), required)
                self.assertTrue(feed.entries)
                for entry in feed.entries:
                    for required in ("title", "link", "summary", "id", "published_parsed"):
                        self.assertTrue(entry.get(required), f"{language} {required}")
                    self.assertIn(f"/{language}/", entry.link)

    def test_atom_has_the_required_elements_in_both_languages(self):
        for language, (_rss, atom) in FEEDS.items():
            with self.subTest(language=language):
                response, feed = self.parse(atom)
                self.assertTrue(response["Content-Type"].startswith("application/atom+xml"))
                self.assertEqual(feed.version, "atom10")
                for required in ("id", "title", "updated", "link"):
                    self.assertTrue(feed.feed.get(required), required)
                self.assertTrue(feed.feed.get("author") or all(entry.get("author") for entry in feed.entries))
                for entry in feed.entries:
                    for required in ("id", "title", "updated", "link", "summary"):
                        self.assertTrue(entry.get(required), f"{language} {required}")

    def test_items_are_in_the_feeds_language(self):
        """Indonesian feeds hold every item; English feeds only items written in English."""
        _response, feed = self.parse("/id/berita/rss/")
        self.assertEqual(
            {entry.title for entry in feed.entries},
            {"Bimtek smart city", "Sosialisasi sampah", "Pengumuman khusus Indonesia"},
        )
        _response, feed = self.parse("/en/news/atom/")
        self.assertEqual({entry.title for entry in feed.entries}, {"Smart city guidance", "Waste outreach"})
        entry = next(entry for entry in feed.entries if entry.title == "Smart city guidance")
        self.assertEqual(entry.author, "Diskominfo Agency")
        self.assertIn("smart city", [tag.term for tag in entry.tags])

    def test_rss_dates_are_correct(self):
        _response, feed = self.parse("/id/berita/rss/")
        entry = next(entry for entry in feed.entries if entry.title == "Bimtek smart city")
        self.assertEqual(tuple(entry.published_parsed)[:5], (2019, 7, 10, 8, 30))  # 15.30 WIB in UTC

    def test_drafts_private_scheduled_and_future_items_are_absent(self):
        for url in FEEDS["id"] + FEEDS["en"] + ("/id/berita/opd/diskominfo/rss/", "/en/news/type/berita/atom/"):
            response = self.client.get(url)
            for hidden in ("draf", "privat", "terjadwal", "masa depan", "Draft", "Private", "Scheduled", "Future"):
                self.assertNotContains(response, hidden)

    def test_per_opd_and_per_type_feeds(self):
        for url, expected in (
            ("/id/berita/opd/dlh/rss/", {"Sosialisasi sampah", "Pengumuman khusus Indonesia"}),
            ("/en/news/opd/dlh/atom/", {"Waste outreach"}),
            ("/id/berita/type/bimtek/atom/", {"Bimtek smart city"}),
            ("/en/news/type/sosialisasi/rss/", {"Waste outreach"}),
            ("/id/berita/type/siaran-pers/rss/", set()),
        ):
            with self.subTest(url=url):
                _response, feed = self.parse(url)
                self.assertEqual({entry.title for entry in feed.entries}, expected)
        _response, feed = self.parse("/en/news/opd/dlh/rss/")
        self.assertEqual(feed.feed.title, "News – Environment Agency")
        self.assertTrue(feed.feed.link.endswith("/en/news/opd/dlh/"))

    def test_unknown_scopes_are_404(self):
        self.assertEqual(self.client.get("/id/berita/type/opini/rss/").status_code, 404)
        self.assertEqual(self.client.get("/id/berita/opd/tidak-ada/atom/").status_code, 404)
