"""Derived data kept with ``serving.derived.remember`` is recomputed after any content change."""

import datetime

from django.core.cache import caches
from django.test import TestCase, override_settings

import pytest

from home.models import OPD, SiteSettings
from serving import generation
from serving.derived import recall_many, remember, remember_many
from tests.factories.pages import home_page, standard_page
from tests.serving.redis import REDIS_CACHES, redis_available


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

    def test_remember_many_computes_only_what_is_not_kept(self):
        """remember_many reads several values at once, computes the missing ones only, and keeps them."""
        self.assertEqual(remember("test:kept", self.compute), "value 1")
        found = remember_many({"test:kept": self.compute, "test:new": self.compute})
        self.assertEqual(found, {"test:kept": "value 1", "test:new": "value 2"})
        self.assertEqual(remember("test:new", self.compute), "value 2")
        self.assertEqual(self.calls, 2)

    def test_remember_many_recomputes_after_a_change(self):
        remember_many({"test:many": self.compute})
        standard_page(title_ind="Baru", slug_ind="baru")
        self.assertEqual(remember_many({"test:many": self.compute}), {"test:many": "value 2"})

    def assert_change_recomputes(self, change):
        before = generation.current()
        self.assertEqual(remember("test:change", self.compute), "value 1")
        change()
        self.assertNotEqual(generation.current(), before)
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

    def test_each_request_reads_the_generation_again(self):
        """Another worker's change is seen by the next request: the generation is read once per request,
        and no copy of it outlives the request."""
        self.client.get("/id/")  # creates the site settings on first view
        remember("test:request", self.compute)
        caches["default"].set(generation.KEY, 42, None)  # as another process would
        self.assertEqual(generation.current(), 42)
        self.assertEqual(remember("test:request", self.compute), "value 2")

    def test_inside_a_request_the_generation_is_read_once(self):
        with generation.request_scope():
            first = generation.current()
            caches["default"].set(generation.KEY, 43, None)  # another worker, mid-request
            self.assertEqual(generation.current(), first)
        self.assertEqual(generation.current(), 43)

    def test_a_pair_outside_a_request_keeps_nothing(self):
        """keep_many after recall_many must use the generation recall_many read: outside a request scope
        there is no such guarantee, so nothing is kept."""
        from serving.derived import keep_many

        keep_many({"test:pair": 1})
        self.assertEqual(recall_many(["test:pair"]), {})
        with generation.request_scope():
            keep_many({"test:pair": 1})
            self.assertEqual(recall_many(["test:pair"]), {"test:pair": 1})

    def test_models_that_change_nothing_public_do_not_recompute(self):
        """Sessions, the search log and image renditions are written while serving; they make no new
        generation (the deny-list), while an image does."""
        from django.contrib.sessions.backends.db import SessionStore

        from search.models import QueryLog

        before = generation.current()
        SessionStore().save()
        QueryLog.objects.create(query_text="pasar", language="id", date=datetime.date.today(), searches=1, results=1)
        self.assertEqual(generation.current(), before)

    def test_a_group_added_to_a_restriction_recomputes(self):
        """m2m_changed bumps: a group restriction gaining a group changes who may see the page."""
        from django.contrib.auth.models import Group

        from wagtail.models import PageViewRestriction

        page = standard_page(title_ind="Rapat", slug_ind="rapat")
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.GROUPS)
        group = Group.objects.create(name="Pegawai")
        self.assert_change_recomputes(lambda: restriction.groups.add(group))


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


@pytest.mark.skipif(not redis_available(), reason="Redis is not running at TEST_REDIS_URL")
@override_settings(CACHES=REDIS_CACHES)
class RedisDerivedTests(TestCase):
    """On Redis: a page reads the generation once and its derived values in few reads, and every read
    is a fresh copy."""

    def setUp(self):
        generation.bump()
        self.calls = 0

    def compute(self):
        self.calls += 1
        return {"value": self.calls, "items": [1, 2]}

    def test_another_workers_change_is_seen_at_once(self):
        remember("test:change", self.compute)
        caches["default"].set(generation.KEY, 7, None)  # another worker saved a page
        self.assertEqual(remember("test:change", self.compute)["value"], 2)

    def test_each_read_is_a_fresh_copy(self):
        """A caller changing what it got (routing sets per-request attributes) changes no one else's."""
        remember("test:copy", self.compute)["items"].append(3)
        self.assertEqual(remember("test:copy", self.compute)["items"], [1, 2])

    def test_a_page_reads_the_generation_once(self):
        """Once warm, a page reads the generation once, whatever else it reads."""
        from unittest import mock

        home = home_page()
        standard_page(home, title_ind="Tentang", title_en="About", slug_ind="tentang", slug_en="about")
        shared = caches["default"]
        for url in ("/id/tentang/", "/en/about/"):
            self.client.get(url)
            self.client.get(url)
            with mock.patch.object(shared, "get", wraps=shared.get) as get:
                response = self.client.get(url)
            self.assertEqual(response.status_code, 200)
            self.assertEqual([call.args[0] for call in get.call_args_list].count(generation.KEY), 1)
            self.assertContains(response, 'hreflang="en" href="http://testserver/en/about/"')
