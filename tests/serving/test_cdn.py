"""The CDN purge (serving/cdn.py): a real HTTP server on loopback takes the PURGE requests, and each kind of
change must reach it with the URLs that show what changed, in both languages, after the commit only; a
CDN that does not answer is logged and never breaks a publish."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import transaction
from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail.models import Page, PageViewRestriction

from alerts.models import Alert
from home.models import SiteSettings
from news.models import NewsRelatedPage
from tests.factories import news as news_factories
from tests.factories import smartcity as smartcity_factories
from tests.factories.editorial import revise
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page, standard_page

PORTS = range(8340, 8400)  # this branch's ports


def bind(server_class, *args):
    """A server on the first free port of ours (another test run may hold one)."""
    for port in PORTS:
        try:
            return server_class(("127.0.0.1", port), *args)
        except OSError:
            continue
    raise RuntimeError("no free port in 8340-8399")


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802  (the HTTP method's name)
        self.server.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


class PurgeServer:
    """A PURGE target as Varnish or nginx would be, recording what it is asked to drop."""

    def __enter__(self):
        self.server = bind(ThreadingHTTPServer, PurgeRecorder)
        self.server.received = []
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    @property
    def location(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def paths(self):
        return {path for _host, path in self.server.received}

    def clear(self):
        self.server.received.clear()


def cdn_settings(location, timeout=5):
    return {"default": {"BACKEND": "serving.cdn.HTTPPurgeBackend", "LOCATION": location, "TIMEOUT": timeout}}


# What every page change purges, in both languages.
SITE_WIDE = {"/id/", "/en/", "/id/search/", "/en/search/", "/sitemap.xml"}


class CDNPurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city", slug_ind="tentang", slug_en="about")
        cls.index = news_factories.news_index()
        cls.dlh = news_factories.opd("dlh", "DLH")
        cls.kominfo = news_factories.opd("diskominfo", "Diskominfo")
        cls.room_dlh = news_factories.newsroom(cls.dlh)
        cls.room_kominfo = news_factories.newsroom(cls.kominfo)
        cls.heritage = heritage_index(cls.home)
        cls.site = heritage_site(cls.heritage, "Masjid Raya", "Grand Mosque")
        cls.masterplan = smartcity_factories.masterplan(cls.home)
        cls.governance = smartcity_factories.dimension(cls.masterplan)
        cls.programme = smartcity_factories.programme(cls.governance, "Layanan Daring", "Online Services")
        cls.news = news_factories.news_page(cls.room_dlh, "Banjir surut", "Flood recedes", slug_ind="banjir-surut")
        NewsRelatedPage.objects.create(news_page=cls.news, page=cls.site)
        revise(cls.news)  # publishes the link, so the reference index knows it

    def setUp(self):
        self.cdn = PurgeServer().__enter__()
        self.addCleanup(self.cdn.__exit__)
        override = override_settings(WAGTAILFRONTENDCACHE=cdn_settings(self.cdn.location))
        override.enable()
        self.addCleanup(override.disable)

    def change(self, action):
        """Run ``action`` in a transaction as a request would, and return the paths purged after its commit."""
        self.cdn.clear()
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            action()
        self.assertEqual(self.cdn.paths, set(), "purged before the commit")
        for callback in callbacks:
            callback()
        return self.cdn.paths

    def test_publish_purges_the_article_its_listings_feeds_and_related_pages(self):
        paths = self.change(lambda: revise(self.news, title_en="Flood recedes in Tanjungpinang"))
        expected = {
            "/id/berita/dlh/banjir-surut/",
            "/en/news/dlh/flood-recedes/",
            *(
                f"/{lang}/{room}/{route}"
                for lang, room in (("id", "berita"), ("en", "news"))
                for route in (
                    "",
                    "rss/",
                    "atom/",
                    "opd/dlh/",
                    "opd/dlh/rss/",
                    "opd/dlh/atom/",
                    "type/berita/rss/",
                    "type/berita/atom/",
                )
            ),
            # The heritage site lists it as related news.
            "/id/warisan-budaya/masjid-raya/",
            "/en/heritage/grand-mosque/",
            *SITE_WIDE,
        }
        self.assertLessEqual(expected, paths, sorted(expected - paths))
        # Targeted, not everything: another OPD's view and an unrelated page are left alone.
        self.assertNotIn("/id/berita/opd/diskominfo/", paths)
        self.assertNotIn("/id/tentang/", paths)

    def test_a_new_article_is_purged_where_it_will_be_listed(self):
        paths = self.change(lambda: news_factories.news_page(self.room_kominfo, "Sosialisasi", "Outreach"))
        self.assertLessEqual(
            {"/id/berita/", "/en/news/rss/", "/id/berita/opd/diskominfo/", "/en/news/opd/diskominfo/atom/"}, paths
        )

    def test_unpublish_purges_the_heritage_register_map_data_and_csv(self):
        paths = self.change(lambda: self.site.unpublish())
        self.assertLessEqual(
            {
                "/id/warisan-budaya/masjid-raya/",
                "/id/warisan-budaya/masjid-raya/plakat/",
                "/en/heritage/grand-mosque/plakat/",
                "/id/warisan-budaya/",
                "/id/warisan-budaya/geojson/",
                "/id/warisan-budaya/csv/",
                "/en/heritage/",
                "/en/heritage/geojson/",
                "/en/heritage/csv/",
                # The news article that lists it as related.
                "/id/berita/dlh/banjir-surut/",
                *SITE_WIDE,
            },
            paths,
        )

    def test_move_purges_the_old_and_the_new_place(self):
        paths = self.change(lambda: Page.objects.get(pk=self.news.pk).move(self.room_kominfo, pos="last-child"))
        self.assertLessEqual(
            {
                "/id/berita/dlh/banjir-surut/",  # where it was
                "/id/berita/diskominfo/banjir-surut/",  # where it is
                "/en/news/dlh/flood-recedes/",
                "/en/news/diskominfo/flood-recedes/",
                "/id/berita/",
                "/id/berita/opd/dlh/",  # the OPD it is listed under
                "/en/news/opd/dlh/rss/",
            },
            paths,
        )

    def test_delete_purges_the_programme_its_dimension_board_and_exports(self):
        paths = self.change(lambda: Page.objects.get(pk=self.programme.pk).delete())
        self.assertLessEqual(
            {
                "/id/kota-cerdas/tata-kelola/layanan-daring/",
                "/en/smart-city/governance/online-services/",
                "/id/kota-cerdas/tata-kelola/",
                "/en/smart-city/governance/",
                "/id/kota-cerdas/",
                "/en/smart-city/",
                "/id/kota-cerdas/export/programmes/csv/",
                "/en/smart-city/export/json/",
                *SITE_WIDE,
            },
            paths,
        )

    def test_a_new_slug_purges_the_old_urls_too(self):
        """The old address of the page and of what is under it, in the language whose slug changed."""
        paths = self.change(lambda: revise(self.heritage, slug_en="heritage-register"))
        self.assertLessEqual(
            {
                "/en/heritage/",
                "/en/heritage/geojson/",
                "/en/heritage/grand-mosque/",
                "/en/heritage/grand-mosque/plakat/",
                "/en/heritage-register/",
                "/en/heritage-register/grand-mosque/",
                "/id/warisan-budaya/",
            },
            paths,
        )

    def test_view_restriction_added_and_removed(self):
        def restrict():
            self.restriction = PageViewRestriction.objects.create(
                page=self.site, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
            )

        expected = {"/id/warisan-budaya/masjid-raya/", "/en/heritage/grand-mosque/", "/id/warisan-budaya/geojson/"}
        self.assertLessEqual(expected, self.change(restrict))
        self.assertLessEqual(expected, self.change(lambda: self.restriction.delete()))

    def test_site_wide_changes_purge_everything(self):
        """Site settings, an OPD and the alert banner show on every page: every URL of the site is purged."""
        every_page = {
            "/id/tentang/",
            "/en/about/",
            "/id/warisan-budaya/masjid-raya/plakat/",
            "/en/news/dlh/flood-recedes/",
            "/id/kota-cerdas/tata-kelola/layanan-daring/",
            "/en/smart-city/export/json/",
            "/id/berita/opd/diskominfo/rss/",
            *SITE_WIDE,
        }

        def settings_change():
            settings = SiteSettings.for_site(self.home.get_site())
            settings.city_name_en = "City of Tanjungpinang"
            settings.save()

        def opd_change():
            self.dlh.name_en = "Environment Agency"
            self.dlh.save()

        def alert_saved():
            Alert.objects.create(message_ind="Banjir", starts_at=timezone.now())

        for name, action in (("settings", settings_change), ("OPD", opd_change), ("alert", alert_saved)):
            with self.subTest(change=name):
                paths = self.change(action)
                self.assertLessEqual(every_page, paths, sorted(every_page - paths))

    def test_a_menu_page_purges_everything(self):
        """A page in the main menu shows on every page."""
        paths = self.change(lambda: revise(self.about, title_en="About Tanjungpinang"))
        self.assertLessEqual({"/id/warisan-budaya/masjid-raya/", "/en/news/dlh/flood-recedes/"}, paths)

    def test_unpublishing_a_menu_page_purges_its_own_urls_and_everything(self):
        """Its addresses are gone from the site after the commit, so they are listed before it."""
        paths = self.change(lambda: self.heritage.unpublish())
        self.assertLessEqual(
            {
                "/id/warisan-budaya/",
                "/en/heritage/geojson/",
                "/id/warisan-budaya/masjid-raya/plakat/",
                "/en/heritage/grand-mosque/",
                "/id/tentang/",
                "/en/news/dlh/flood-recedes/",
            },
            paths,
        )

    def test_a_rolled_back_change_purges_nothing(self):
        class Rollback(Exception):
            pass

        def rolled_back():
            try:
                with transaction.atomic():
                    revise(self.news, title_en="Never published")
                    raise Rollback
            except Rollback:
                pass

        self.assertEqual(self.change(rolled_back), set())

    def test_no_cdn_configured_sends_nothing(self):
        with override_settings(WAGTAILFRONTENDCACHE={}):
            self.assertEqual(self.change(lambda: revise(self.news, title_en="Quiet")), set())


class CDNFailOpenTests(TestCase):
    """A CDN that refuses connections or never answers: the publish stands, the failure is logged once."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city", slug_ind="tentang", slug_en="about")

    def publish_with(self, location):
        with override_settings(WAGTAILFRONTENDCACHE=cdn_settings(location, timeout=0.5)):
            with self.assertLogs("serving.cdn", "ERROR") as logs:
                with self.captureOnCommitCallbacks(execute=True):
                    revise(self.about, title_en="About the city of Tanjungpinang")
        self.about.refresh_from_db()
        self.assertEqual(self.about.title_en, "About the city of Tanjungpinang")
        self.assertEqual(len(logs.records), 1, logs.output)  # the rest of the batch is not tried
        self.assertIn("did not answer", logs.output[0])

    def test_a_cdn_that_refuses_connections(self):
        listener = bind(_Listener)
        port = listener.port
        listener.close()  # nothing listens there now
        self.publish_with(f"http://127.0.0.1:{port}")

    def test_a_cdn_that_never_answers(self):
        listener = bind(_Listener)  # accepts connections (the backlog) and never answers
        self.addCleanup(listener.close)
        self.publish_with(f"http://127.0.0.1:{listener.port}")


class _Listener:
    def __init__(self, address):
        self.socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            self.socket.bind(address)
        except OSError:
            self.socket.close()
            raise
        self.socket.listen(50)
        self.port = address[1]

    def close(self):
        self.socket.close()
