"""Masterplan, dimension and programme pages: tree rules, the real admin forms in both languages, rendering."""

from decimal import Decimal

from django.contrib.auth import get_user_model

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from home.models import HomePage
from smartcity.choices import BudgetKind, Dimension, FundingSource, Horizon, Status
from smartcity.models import (
    ProgrammeBudgetLine,
    SmartCityDimensionPage,
    SmartCityIndexPage,
    SmartCityProgrammePage,
)
from tests.factories.pages import home_page
from tests.factories.smartcity import dimension, masterplan, opd, programme


class SmartCityPageTestCase(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.index = masterplan(cls.home)
        cls.governance = dimension(cls.index, Dimension.GOVERNANCE)
        cls.branding = dimension(cls.index, Dimension.BRANDING)
        cls.diskominfo = opd("diskominfo", "Diskominfo", "Dinas Komunikasi dan Informatika", "Communications Agency")
        cls.pupr = opd("dinas-pupr", "Dinas PUPR", "Dinas Pekerjaan Umum dan Penataan Ruang", "Public Works Agency")

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)


class TreeRuleTests(SmartCityPageTestCase):
    def test_masterplan_sits_under_the_home_page(self):
        """The masterplan lives under the home page and holds only dimension pages."""
        self.assertAllowedParentPageTypes(SmartCityIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SmartCityIndexPage, {SmartCityDimensionPage})
        self.assertCanCreateAt(HomePage, SmartCityIndexPage)

    def test_dimension_pages_hold_programmes(self):
        """Dimension pages live under the masterplan; programmes only under a dimension and have no children."""
        self.assertAllowedParentPageTypes(SmartCityDimensionPage, {SmartCityIndexPage})
        self.assertAllowedSubpageTypes(SmartCityDimensionPage, {SmartCityProgrammePage})
        self.assertAllowedParentPageTypes(SmartCityProgrammePage, {SmartCityDimensionPage})
        self.assertAllowedSubpageTypes(SmartCityProgrammePage, set())
        self.assertCanNotCreateAt(SmartCityIndexPage, SmartCityProgrammePage)
        self.assertCanNotCreateAt(HomePage, SmartCityDimensionPage)

    def test_programme_takes_its_dimension_from_its_parent_and_keeps_it_when_moved(self):
        """The primary dimension is the dimension page above the programme, also after a move."""
        page = programme(self.governance, "Program Pindah", "Moved programme")
        self.assertEqual(page.dimension, Dimension.GOVERNANCE)
        page.move(self.branding, pos="last-child", user=self.user)
        page.refresh_from_db()
        self.assertEqual(page.dimension, Dimension.BRANDING)


class AdminCreationTests(SmartCityPageTestCase):
    def programme_data(self, **overrides):
        data = {
            "title_ind": "Infrastruktur Kota Pusaka",
            "title_en": "Heritage City Infrastructure",
            "slug_ind": "infrastruktur-kota-pusaka",
            "slug_en": "heritage-city-infrastructure",
            "summary_ind": "Pembangunan infrastruktur kawasan pusaka.",
            "summary_en": "Infrastructure for the heritage areas.",
            "programme_code": "SB-03",
            "secondary_dimensions": (str(self.governance.pk),),  # a tuple: nested_form_data would split a list
            "horizon": Horizon.QUICK_WIN,
            "start_year": "2020",
            "end_year": "2022",
            "status": Status.RUNNING,
            "status_history": inline_formset(
                [
                    {"date": "2019-10-01", "status": Status.PLANNED, "note_ind": "Direncanakan", "note_en": "Planned"},
                    {"date": "2020-06-01", "status": Status.RUNNING, "note_ind": "Dimulai", "note_en": "Started"},
                ]
            ),
            "lead_opd": str(self.pupr.pk),
            "supporting_opds": (str(self.diskominfo.pk),),
            "partners": inline_formset(
                [
                    {
                        "name": "Pemerintah Provinsi Kepulauan Riau",
                        "partner_type": "government",
                        "role_ind": "Mitra",
                        "role_en": "Partner",
                    }
                ]
            ),
            "problem_statement_ind": rich_text("<p>Kawasan pusaka belum tertata.</p>"),
            "problem_statement_en": rich_text("<p>The heritage areas are not yet upgraded.</p>"),
            "description_ind": rich_text("<p>Penataan jalan kawasan.</p>"),
            "description_en": rich_text("<p>Upgrading the area's streets.</p>"),
            "beneficiaries_ind": "Warga dan wisatawan",
            "beneficiaries_en": "Residents and visitors",
            "location_ind": "Kota lama",
            "location_en": "Old town",
            "budget_lines": inline_formset(
                [
                    {
                        "fiscal_year": "2020",
                        "source": FundingSource.DAK_FISIK,
                        "amount": "1250000000",
                        "kind": "planned",
                    },
                    {
                        "fiscal_year": "2020",
                        "source": FundingSource.DAK_FISIK,
                        "amount": "1180000000",
                        "kind": "realised",
                    },
                ]
            ),
            "indicators": inline_formset(
                [
                    {
                        "key": "I1",
                        "name_ind": "Ruas jalan ditata",
                        "name_en": "Streets upgraded",
                        "unit_ind": "ruas",
                        "unit_en": "streets",
                        "baseline": "0",
                        "baseline_year": "2019",
                    }
                ]
            ),
            "indicator_values": inline_formset(
                [
                    {"indicator_key": "I1", "year": "2020", "target": "2", "realisation": "2"},
                    {"indicator_key": "I1", "year": "2021", "target": "4.5", "realisation": ""},
                ]
            ),
            "rpjmd_period": "2018–2023",
            "rpjmd_programme_ind": "Program penataan kawasan",
            "rpjmd_programme_en": "Area upgrading programme",
            "action-publish": "publish",
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_create_masterplan_in_both_languages(self):
        """An editor creates and publishes the masterplan with Indonesian and English in one form."""
        home = HomePage.objects.get()
        data = nested_form_data(
            {
                "title_ind": "Masterplan Kedua",
                "title_en": "Second Masterplan",
                "slug_ind": "masterplan-kedua",
                "slug_en": "second-masterplan",
                "summary_ind": "Ringkasan",
                "summary_en": "Summary",
                "vision_ind": "Visi",
                "vision_en": "Vision",
                "period_start": "2025",
                "period_end": "2029",
                "legal_basis_ind": rich_text("<p>Peraturan Wali Kota</p>"),
                "legal_basis_en": rich_text("<p>Mayor's regulation</p>"),
                "rpjmd_period": "2025–2029",
                "rpjmd_alignment_ind": rich_text("<p>Selaras</p>"),
                "rpjmd_alignment_en": rich_text("<p>Aligned</p>"),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(home, SmartCityIndexPage, data)
        page = SmartCityIndexPage.objects.get(slug_ind="masterplan-kedua")
        self.assertTrue(page.live)
        self.assertEqual((page.vision_ind, page.vision_en), ("Visi", "Vision"))
        self.assertContains(self.client.get("/en/second-masterplan/"), "Second Masterplan")

    def test_masterplan_cannot_end_before_it_starts(self):
        response = self.client.post(
            f"/admin/pages/add/smartcity/smartcityindexpage/{self.home.pk}/",
            nested_form_data(
                {
                    "title_ind": "Salah",
                    "slug_ind": "salah",
                    "summary_ind": "R",
                    "vision_ind": "V",
                    "period_start": "2023",
                    "period_end": "2019",
                    "action-publish": "publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("period_end", response.context["form"].errors)

    def test_create_dimension_and_refuse_a_duplicate(self):
        """A dimension page is created in both languages; a second page for the same dimension is refused."""
        data = {
            "title_ind": "Ekonomi Cerdas",
            "title_en": "Smart Economy",
            "slug_ind": "ekonomi-cerdas",
            "slug_en": "smart-economy",
            "dimension": Dimension.ECONOMY,
            "summary_ind": "Ekonomi",
            "summary_en": "Economy",
            "description_ind": rich_text("<p>Deskripsi</p>"),
            "description_en": rich_text("<p>Description</p>"),
            "action-publish": "publish",
        }
        self.assertCanCreate(self.index, SmartCityDimensionPage, nested_form_data(data))
        self.assertContains(self.client.get("/en/smart-city/smart-economy/"), "Description")
        data.update({"slug_ind": "ekonomi-lagi", "slug_en": "economy-again"})
        response = self.client.post(
            f"/admin/pages/add/smartcity/smartcitydimensionpage/{self.index.pk}/", nested_form_data(data)
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("dimension", response.context["form"].errors)
        self.assertEqual(SmartCityDimensionPage.objects.filter(dimension=Dimension.ECONOMY).count(), 1)

    def test_create_programme_with_budget_lines_and_indicators(self):
        """The real admin form saves both languages, status history, partners, budget lines and yearly values."""
        self.assertCanCreate(self.branding, SmartCityProgrammePage, self.programme_data())
        page = SmartCityProgrammePage.objects.get(slug_ind="infrastruktur-kota-pusaka")
        self.assertTrue(page.live)
        self.assertEqual(page.dimension, Dimension.BRANDING)
        self.assertEqual((page.title_ind, page.title_en), ("Infrastruktur Kota Pusaka", "Heritage City Infrastructure"))
        self.assertEqual(page.lead_opd, self.pupr)
        self.assertEqual(list(page.supporting_opds.all()), [self.diskominfo])
        self.assertEqual([d.dimension for d in page.secondary_dimensions.all()], [Dimension.GOVERNANCE])
        self.assertEqual(
            sorted((line.fiscal_year, line.source, line.amount, line.kind) for line in page.budget_lines.all()),
            [(2020, "dak-fisik", 1_180_000_000, "realised"), (2020, "dak-fisik", 1_250_000_000, "planned")],
        )
        indicator = page.indicators.get()
        self.assertEqual(
            (indicator.name_ind, indicator.name_en, indicator.unit_en),
            ("Ruas jalan ditata", "Streets upgraded", "streets"),
        )
        self.assertEqual(
            [(v.year, v.target, v.realisation) for v in page.indicator_values.order_by("year")],
            [(2020, Decimal("2.00"), Decimal("2.00")), (2021, Decimal("4.50"), None)],
        )
        self.assertEqual([c.note_en for c in page.status_history.order_by("date")], ["Planned", "Started"])
        self.assertEqual(page.partners.get().name, "Pemerintah Provinsi Kepulauan Riau")
        english = self.client.get("/en/smart-city/branding/heritage-city-infrastructure/")
        self.assertContains(english, "IDR 1.25 billion")
        self.assertContains(english, "Streets upgraded")
        indonesian = self.client.get("/id/kota-cerdas/branding/infrastruktur-kota-pusaka/")
        self.assertContains(indonesian, "Rp1,25 miliar")
        self.assertContains(indonesian, "4,5")

    def test_yearly_values_must_refer_to_an_indicator(self):
        """A yearly value with an unknown indicator key, or a repeated year, is a form error and nothing is saved."""
        data = self.programme_data(
            indicator_values=inline_formset(
                [
                    {"indicator_key": "I9", "year": "2020", "target": "2", "realisation": ""},
                    {"indicator_key": "I1", "year": "2020", "target": "2", "realisation": ""},
                    {"indicator_key": "I1", "year": "2020", "target": "3", "realisation": ""},
                ]
            )
        )
        response = self.client.post(f"/admin/pages/add/smartcity/smartcityprogrammepage/{self.branding.pk}/", data)
        self.assertEqual(response.status_code, 200)
        formset = response.context["form"].formsets["indicator_values"]
        self.assertIn("indicator_key", formset.forms[0].errors)
        self.assertIn("year", formset.forms[2].errors)
        self.assertFalse(SmartCityProgrammePage.objects.filter(slug_ind="infrastruktur-kota-pusaka").exists())

    def test_programme_preview_in_each_language(self):
        page = programme(self.governance, "Pratinjau", "Preview")
        data = self.programme_data(title_ind="Pratinjau", title_en="Preview", slug_ind="pratinjau", slug_en="preview")
        self.assertPageIsPreviewable(page, mode="id", post_data=data)
        self.assertPageIsPreviewable(page, mode="en", post_data=data)


class RenderingTests(SmartCityPageTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.page = programme(
            cls.branding,
            "Kota Pusaka",
            "Heritage City",
            lead=cls.pupr,
            horizon=Horizon.QUICK_WIN,
            budget=[
                (2020, FundingSource.DAK_FISIK, 1_250_000_000, BudgetKind.PLANNED),
                (2021, FundingSource.APBD_KOTA, 750_000, BudgetKind.REALISED),
            ],
            indicators=[("I1", "Objek terdaftar", "Registered objects", "objek", Decimal("10"), 2019)],
            values=[("I1", 2020, Decimal("1250.5"), Decimal("12.5"))],
            illustrative_data=True,
        )

    def test_programme_in_indonesian(self):
        """Indonesian numbers and rupiah: comma decimals, dot thousands, "miliar"."""
        response = self.client.get("/id/kota-cerdas/branding/kota-pusaka/")
        self.assertContains(response, '<html lang="id">')
        self.assertContains(response, "<h1>Kota Pusaka</h1>", html=True)
        self.assertContains(response, "Rp1,25 miliar")
        self.assertContains(response, "Rp1.250.000.000")
        self.assertContains(response, "Rp750.000")
        self.assertContains(response, "1.250,5")
        self.assertContains(response, "12,5")
        self.assertContains(response, "Objek terdaftar")

    def test_programme_in_english(self):
        """English numbers and rupiah: dot decimals, comma thousands, "billion"; the illustrative notice shows."""
        response = self.client.get("/en/smart-city/branding/heritage-city/")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, "<h1>Heritage City</h1>", html=True)
        self.assertContains(response, "IDR 1.25 billion")
        self.assertContains(response, "IDR 1,250,000,000")
        self.assertContains(response, "IDR 750,000")
        self.assertContains(response, "1,250.5")
        self.assertContains(response, "Registered objects")
        self.assertContains(response, "Illustrative figures.")
        self.assertNotContains(response, "only available in Indonesian")

    def test_dimension_page_lists_its_live_programmes_in_both_languages(self):
        programme(self.branding, "Draf Rahasia", "Secret Draft", live=False)
        english = self.client.get("/en/smart-city/branding/")
        self.assertContains(english, "<h1>Smart Branding</h1>", html=True)
        self.assertContains(english, "Heritage City")
        self.assertNotContains(english, "Secret Draft")
        self.assertContains(self.client.get("/id/kota-cerdas/branding/"), "Kota Pusaka")

    def test_masterplan_renders_vision_and_dimensions_in_both_languages(self):
        english = self.client.get("/en/smart-city/")
        self.assertContains(english, "City vision")
        self.assertContains(english, "Smart Governance")
        self.assertContains(english, "2019–2023")
        self.assertContains(english, "IDR 1.25 billion")
        indonesian = self.client.get("/id/kota-cerdas/")
        self.assertContains(indonesian, "Visi kota")
        self.assertContains(indonesian, "Rp1,25 miliar")

    def test_untranslated_programme_falls_back_with_a_notice(self):
        programme(self.governance, "Hanya Indonesia", None)
        response = self.client.get("/en/smart-city/governance/hanya-indonesia/")
        self.assertContains(response, "only available in Indonesian")
        self.assertContains(response, '<meta name="robots" content="noindex">', html=True)

    def test_pages_are_renderable(self):
        for page in (self.index, self.branding, self.page):
            self.assertPageIsRenderable(page)
        self.assertEqual(ProgrammeBudgetLine.objects.filter(page=self.page).count(), 2)
