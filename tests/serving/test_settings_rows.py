"""Wagtail creates the site settings row on first read; a row of defaults changes nothing a visitor sees."""

from django.test import TestCase

from wagtail.models import Site

from home.models import SiteSettings
from serving import generation
from tests.factories.pages import standard_page


class SettingsRowTests(TestCase):
    def test_the_first_page_view_is_cached_though_it_created_the_settings_row(self):
        page = standard_page(title_ind="Layanan", title_en="Services")
        self.assertFalse(SiteSettings.objects.exists())
        with self.settings(PAGE_CACHE=True):
            self.assertEqual(self.client.get(page.get_url()).get("X-Cache"), "miss")
            self.assertTrue(SiteSettings.objects.exists())
            self.assertEqual(self.client.get(page.get_url()).get("X-Cache"), "hit")

    def test_a_settings_row_made_with_values_is_a_change(self):
        standard_page(title_ind="Layanan", title_en="Services")
        before = generation.current()
        SiteSettings.objects.create(site=Site.objects.get(is_default_site=True), city_name_ind="Kota Contoh")
        self.assertNotEqual(generation.current(), before)
