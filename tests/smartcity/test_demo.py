"""seed_demo builds the masterplan, its six dimensions and the quick wins the issue names, idempotently."""

from django.test import TestCase, override_settings

from home.demo import VISION_EN, VISION_ID
from smartcity.choices import Dimension, FundingSource, Horizon, PartnerType
from smartcity.models import SmartCityDimensionPage, SmartCityIndexPage, SmartCityProgrammePage
from tests.factories.demo import seed_demo


@override_settings(DEBUG=True)
class SmartCityDemoTests(TestCase):
    def seed(self):
        seed_demo()

    def test_masterplan_dimensions_and_programmes(self):
        self.seed()
        index = SmartCityIndexPage.objects.get()
        self.assertEqual((index.period_start, index.period_end), (2019, 2023))
        self.assertEqual((index.vision_ind, index.vision_en), (VISION_ID, VISION_EN))
        self.assertEqual(
            sorted(SmartCityDimensionPage.objects.child_of(index).values_list("dimension", flat=True)),
            sorted(Dimension.values),
        )
        programmes = SmartCityProgrammePage.objects.live()
        for code in Dimension.values:
            self.assertGreaterEqual(programmes.filter(dimension=code).count(), 2, code)
        self.assertTrue(all(p.illustrative_data for p in programmes))
        self.assertTrue(all(p.title_en for p in programmes))

    def test_named_quick_wins(self):
        """Kota pusaka with concept and SK, tourism, online administration, DAK heritage infrastructure with the province."""
        self.seed()
        quick = SmartCityProgrammePage.objects.live().filter(horizon=Horizon.QUICK_WIN)
        pusaka = quick.get(slug_ind="kota-pusaka-dan-budaya")
        notes = " ".join(change.note_ind for change in pusaka.status_history.all())
        self.assertIn("Konsep", notes)
        self.assertIn("SK", notes)
        self.assertTrue(quick.filter(slug_ind="promosi-pariwisata").exists())
        self.assertTrue(quick.filter(slug_ind="administrasi-kependudukan-daring").exists())
        infrastructure = quick.get(slug_ind="infrastruktur-kota-pusaka")
        self.assertTrue(infrastructure.budget_lines.filter(source=FundingSource.DAK_FISIK).exists())
        partner = infrastructure.partners.get()
        self.assertEqual(
            (partner.name, partner.partner_type), ("Pemerintah Provinsi Kepulauan Riau", PartnerType.GOVERNMENT)
        )

    def test_seed_twice_changes_nothing_and_pages_render(self):
        self.seed()
        counts = (SmartCityProgrammePage.objects.count(), SmartCityDimensionPage.objects.count())
        budget = sorted(SmartCityProgrammePage.objects.values_list("budget_lines__amount", flat=True), key=str)
        self.seed()
        self.assertEqual(counts, (SmartCityProgrammePage.objects.count(), SmartCityDimensionPage.objects.count()))
        self.assertEqual(
            budget, sorted(SmartCityProgrammePage.objects.values_list("budget_lines__amount", flat=True), key=str)
        )
        self.assertContains(self.client.get("/id/kota-cerdas/"), "program berjalan")
        self.assertContains(self.client.get("/en/smart-city/"), "programmes running")
        self.assertContains(
            self.client.get("/en/smart-city/smart-branding/heritage-city-infrastructure/"), "IDR 4 billion"
        )
