"""Derived data cached with ``home.caching.remember`` is recomputed after any content change."""

from unittest import mock

from django.core.cache import caches
from django.test import TestCase, override_settings

import pytest

from home import caching
from home.caching import content_version, remember
from home.models import OPD, SiteSettings
from tests.factories.pages import home_page, standard_page
from tests.home.test_caching import REDIS_CACHES, redis_available


class RememberTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def setUp(self):
        self.calls = 0

    def compute(self):
        self.calls += 1
        return f"value {self.calls}"

    def test_value_is_computed_once_while_nothing_changes(self):
        self.assertEqual(remember("test:once", self.compute), "value 1")
        self.assertEqual(remember("test:once", self.compute), "value 1")
        self.assertEqual(self.calls, 1)

    def test_keys_are_separate(self):
        remember("test:a", self.compute)
        remember("test:b", self.compute)
        self.assertEqual(self.calls, 2)

    def assert_change_recomputes(self, change):
        before = content_version()
        self.assertEqual(remember("test:change", self.compute), "value 1")
        change()
        self.assertNotEqual(content_version(), before)
        self.assertEqual(remember("test:change", self.compute), "value 2")

    def test_a_new_page_recomputes(self):
        self.assert_change_recomputes(lambda: standard_page(title_ind="Baru", slug_ind="baru"))

    def test_publishing_a_page_recomputes(self):
        page = standard_page(title_ind="Lama", slug_ind="lama")

        def publish():
            page.title_ind = "Baru"
            page.save_revision().publish()

        self.assert_change_recomputes(publish)

    def test_deleting_a_page_recomputes(self):
        page = standard_page(title_ind="Hapus", slug_ind="hapus")
        self.assert_change_recomputes(page.delete)

    def test_a_new_view_restriction_recomputes(self):
        """Restrictions decide what public() lists, so derived lists are made again."""
        from wagtail.models import PageViewRestriction

        page = standard_page(title_ind="Intranet", slug_ind="intranet")
        self.assert_change_recomputes(
            lambda: PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        )

    def test_an_opd_change_recomputes(self):
        self.assert_change_recomputes(
            lambda: OPD.objects.create(name_ind="Dinas Uji", name_en="Test Agency", acronym="DU", slug="du")
        )

    def test_site_settings_change_recomputes(self):
        settings = SiteSettings.for_site(self.home.get_site())

        def change():
            settings.tagline_ind = "Baru"
            settings.save()

        self.assert_change_recomputes(change)

    def test_each_request_reads_the_version_again(self):
        """Another worker's change is seen by the next request (the per-request memo is reset)."""
        from django.core.cache import caches

        from home.caching import CONTENT_VERSION_KEY

        self.client.get("/id/")  # creates the site settings on first view
        remember("test:request", self.compute)
        caches["default"].set(CONTENT_VERSION_KEY, 42, None)  # as another process would
        self.client.get("/id/")
        self.assertEqual(content_version(), 42)
        self.assertEqual(remember("test:request", self.compute), "value 2")


class SharedSiteLookupTests(TestCase):
    """The site and its settings come from the shared cache, and changes show on the next view."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def site_queries(self, path="/id/"):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as captured:
            response = self.client.get(path)
        self.assertEqual(response.status_code, 200)
        return [q["sql"] for q in captured if '"wagtailcore_site"' in q["sql"] or '"home_sitesettings"' in q["sql"]]

    def test_site_and_settings_are_not_queried_again(self):
        self.site_queries()
        self.site_queries()
        self.assertEqual(self.site_queries(), [])

    def test_a_site_change_is_seen_on_the_next_view(self):
        self.site_queries()
        self.site_queries()
        site = self.home.get_site()
        site.site_name = "Kota Tanjungpinang"
        site.save()
        self.assertTrue(self.site_queries())

    def test_settings_changes_show_on_the_next_view_in_both_languages(self):
        settings = SiteSettings.for_site(self.home.get_site())
        self.client.get("/id/")
        settings.city_name_ind = "Pemkot Tanjungpinang"
        settings.city_name_en = "Tanjungpinang City Government"
        settings.save()
        self.assertContains(self.client.get("/id/"), "Pemkot Tanjungpinang")
        self.assertContains(self.client.get("/en/"), "Tanjungpinang City Government")


@pytest.mark.skipif(not redis_available(), reason="Redis is not running at 127.0.0.1:6379")
@override_settings(CACHES=REDIS_CACHES)
class LocalTierTests(TestCase):
    """With Redis, each worker keeps a copy of the derived values it read: one Redis read per page for the
    content version, instead of one per value; a change made by another worker is still seen at once."""

    def setUp(self):
        caching.bump_content_version()
        caches["derived-local"].clear()
        self.calls = 0

    def compute(self):
        self.calls += 1
        return {"value": self.calls, "items": [1, 2]}

    def test_a_value_is_read_from_this_workers_copy(self):
        remember("test:local", self.compute)
        with mock.patch.object(caches["default"], "get_many", side_effect=AssertionError("read Redis")):
            self.assertEqual(remember("test:local", self.compute)["value"], 1)
        self.assertEqual(self.calls, 1)

    def test_a_value_kept_by_another_worker_is_read_once_from_redis(self):
        remember("test:other", self.compute)
        caches["derived-local"].clear()  # as in another worker, which never saw the value
        self.assertEqual(remember("test:other", self.compute)["value"], 1)
        with mock.patch.object(caches["default"], "get_many", side_effect=AssertionError("read Redis")):
            self.assertEqual(remember("test:other", self.compute)["value"], 1)
        self.assertEqual(self.calls, 1)

    def test_another_workers_change_is_seen_by_the_next_request(self):
        remember("test:change", self.compute)
        caches["default"].set(caching.CONTENT_VERSION_KEY, 7, None)  # another worker saved a page
        caching._forget_request_memo()  # what the next request's start does
        self.assertEqual(remember("test:change", self.compute)["value"], 2)

    def test_each_read_is_a_fresh_copy(self):
        """A caller changing what it got (routing sets per-request attributes) changes no one else's."""
        remember("test:copy", self.compute)["items"].append(3)
        self.assertEqual(remember("test:copy", self.compute)["items"], [1, 2])

    def test_a_page_reads_redis_once(self):
        """Once warm, a page in either language reads the shared cache once: the content version (the site,
        settings, route, page and the site root paths of both languages come from this worker's copy)."""
        home = home_page()
        standard_page(home, title_ind="Tentang", title_en="About", slug_ind="tentang", slug_en="about")
        shared = caches["default"]
        for url in ("/id/tentang/", "/en/about/"):
            self.client.get(url)
            self.client.get(url)
            with (
                mock.patch.object(shared, "get", wraps=shared.get) as get,
                mock.patch.object(shared, "get_many", wraps=shared.get_many) as get_many,
            ):
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual([call.args[0] for call in get.call_args_list], [caching.CONTENT_VERSION_KEY])
            self.assertEqual(get_many.call_count, 0)
            self.assertContains(response, 'hreflang="en" href="http://testserver/en/about/"')
