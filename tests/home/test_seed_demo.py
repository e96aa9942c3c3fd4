"""seed_demo builds the bilingual demo idempotently, and brand-new databases get correct URL paths."""

from io import StringIO

from django.core.management import call_command
from django.db import connection
from django.test import TestCase, override_settings

from wagtail.models import Page, Site

from home.models import OPD, HomePage, SiteSettings, StandardPage
from images.models import CityImage
from tests.factories.demo import seed_demo


@override_settings(DEBUG=True)
class SeedDemoTests(TestCase):
    def seed(self, *args):
        out = StringIO()
        call_command("seed_demo", *args, stdout=out)
        return out.getvalue()

    def test_seed_twice_gives_the_same_site(self):
        """A second run creates nothing new."""
        queries = 0

        def count(execute, *args):
            nonlocal queries
            queries += 1
            return execute(*args)

        with connection.execute_wrapper(count):
            self.seed()
        # The side work of every save (search and reference indexes, translation states) is done once per
        # object at the end of the seed: about 10,000 queries, where each save doing its own took 16,000.
        self.assertLess(queries, 12_000)
        counts = (Page.objects.count(), OPD.objects.count(), CityImage.objects.count(), Site.objects.count())
        self.seed()
        self.assertEqual(
            counts, (Page.objects.count(), OPD.objects.count(), CityImage.objects.count(), Site.objects.count())
        )
        self.assertEqual(HomePage.objects.count(), 1)

    def test_demo_site_serves_both_languages(self):
        seed_demo("--allow-demo-users")
        site = Site.objects.get(is_default_site=True)
        self.assertIsInstance(site.root_page.specific, HomePage)
        self.assertEqual(SiteSettings.for_site(site).city_name_en, "Tanjungpinang City Government")
        self.assertContains(self.client.get("/id/"), "Kota yang Maju, Berbudaya dan Sejahtera")
        self.assertContains(self.client.get("/en/"), "advanced, cultured and prosperous")
        self.assertContains(self.client.get("/en/about-the-city/"), "Penyengat")
        self.assertContains(self.client.get("/id/tentang-kota/"), "Penyengat")
        # The deliberately untranslated page shows the fallback.
        self.assertContains(self.client.get("/en/maklumat-pelayanan/"), "only available in Indonesian")

    def test_prints_admin_credentials(self):
        # With the accounts asked for; that DEBUG alone makes them is run for real in tests/editorial/test_demo.py.
        output = seed_demo("--allow-demo-users")
        self.assertIn("admin / ", output)
        self.assertIn("/admin/", output)

    @override_settings(DEBUG=False)
    def test_refuses_demo_accounts_outside_debug_unless_told(self):
        from django.contrib.auth import get_user_model

        output = self.seed()
        self.assertIn("--allow-demo-users", output)
        self.assertFalse(get_user_model().objects.filter(username="admin").exists())
        self.seed("--allow-demo-users")
        self.assertTrue(get_user_model().objects.filter(username="admin", is_superuser=True).exists())

    def test_indonesian_url_paths_on_a_brand_new_database(self):
        """Pages under the root that migrations create (empty translated columns) get full /beranda/… paths in both languages."""
        seed_demo("--allow-demo-users")
        about = StandardPage.objects.get(slug_ind="tentang-kota")
        self.assertEqual(about.url_path_ind, "/beranda/tentang-kota/")
        self.assertEqual(about.url_path_en, "/beranda/about-the-city/")
        self.assertEqual(Page.get_first_root_node().url_path_ind, "/")


@override_settings(DEBUG=True)
class DemoHomePageTests(TestCase):
    def test_demo_home_page_shows_every_section_in_both_languages(self):
        """The demo fills the identity (SVG emblem, opening hours) and every home page section."""
        seed_demo("--allow-demo-users")
        site = Site.objects.get(is_default_site=True)
        site_settings = SiteSettings.for_site(site)
        self.assertTrue(site_settings.logo.is_svg())
        self.assertTrue(site_settings.opening_hours_en)
        home = HomePage.objects.get()
        self.assertEqual(len(home.services), 7)
        for path, texts in (
            ("/id/", ("Layanan", "Berita terbaru", "Kegiatan mendatang", "Bimtek Literasi Data OPD", "Jam buka")),
            (
                "/en/",
                ("Services", "Latest news", "Upcoming events", "Data Literacy Technical Guidance", "Opening hours"),
            ),
        ):
            html = self.client.get(path).content.decode()
            for text in texts:
                self.assertIn(text, html, f"{path}: {text}")
            for anchor in ('id="home-heritage"', 'id="home-smartcity"', 'class="site-brand__logo"'):
                self.assertIn(anchor, html, f"{path}: {anchor}")
        # The JDIH quick link has no English label: shown in Indonesian, marked as such.
        self.assertIn('lang="id"><svg', self.client.get("/en/").content.decode())
