"""seed_demo builds the heritage register: Penyengat with its sites, two city sites, no invented decree numbers."""

from django.test import TestCase, override_settings

from heritage_pages.models import Category, HeritageIndexPage, HeritageSitePage, is_inside_city
from tests.factories.demo import seed_demo


@override_settings(DEBUG=True)
class HeritageDemoTests(TestCase):
    def seed(self):
        seed_demo()

    def test_demo_register_has_penyengat_with_children_and_city_sites(self):
        self.seed()
        self.assertEqual(HeritageIndexPage.objects.count(), 1)
        penyengat = HeritageSitePage.objects.get(slug_ind="kawasan-pulau-penyengat")
        self.assertEqual(penyengat.category, Category.KAWASAN)
        self.assertGreaterEqual(penyengat.child_sites.live().count(), 4)
        others = HeritageSitePage.objects.live().filter(parent_area__isnull=True).exclude(pk=penyengat.pk)
        self.assertGreaterEqual(others.count(), 2)
        for site in HeritageSitePage.objects.all():
            with self.subTest(site=site.title_ind):
                self.assertTrue(site.title_en, "written in both languages")
                self.assertTrue(site.summary_en)
                self.assertEqual(site.decree_number, "", "decree numbers are never invented")
                self.assertTrue(is_inside_city(site.latitude, site.longitude))

    def test_seeding_twice_changes_nothing(self):
        self.seed()
        count = HeritageSitePage.objects.count()
        self.seed()
        self.assertEqual(HeritageSitePage.objects.count(), count)

    def test_demo_pages_render_in_both_languages(self):
        self.seed()
        self.assertContains(self.client.get("/id/warisan-budaya/"), "Kawasan Pulau Penyengat")
        self.assertContains(self.client.get("/en/heritage/"), "Penyengat Island Heritage Area")
        response = self.client.get("/en/heritage/sultan-of-riau-grand-mosque/")
        self.assertContains(response, "1832")
        self.assertContains(response, '<a href="/en/heritage/penyengat-island/">Penyengat Island Heritage Area</a>')
        self.assertContains(self.client.get("/id/warisan-budaya/kawasan-pulau-penyengat/"), "Makam Raja Ali Haji")
