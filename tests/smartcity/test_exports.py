"""Open data: CSV and JSON exports round-trip, follow the visitor's language and leave drafts out."""

import csv
import io
import json
from decimal import Decimal

from django.test import TestCase

from smartcity.choices import BudgetKind, Dimension, FundingSource, Horizon, Status
from smartcity.exports import BUDGET_COLUMNS, INDICATOR_COLUMNS, PROGRAMME_COLUMNS
from tests.factories.pages import home_page
from tests.factories.smartcity import all_dimensions, masterplan, opd, programme


def read_csv(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:])))


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = masterplan(home_page())
        dimensions = all_dimensions(cls.index)
        cls.dlh = opd("dlh", "DLH", "Dinas Lingkungan Hidup", "Environment Agency")
        cls.pusaka = programme(
            dimensions[Dimension.BRANDING],
            "Kota Pusaka",
            "Heritage City",
            horizon=Horizon.QUICK_WIN,
            status=Status.RUNNING,
            budget=[
                (2020, FundingSource.DAK_FISIK, 1_250_000_000, BudgetKind.PLANNED),
                (2021, FundingSource.APBD_PROVINSI, 750_000_000, BudgetKind.REALISED),
            ],
            indicators=[("I1", "Objek terdaftar", "Registered objects", "objek", Decimal("10.5"), 2019)],
            values=[("I1", 2020, Decimal("15"), Decimal("14.25")), ("I1", 2021, Decimal("20"), None)],
            programme_code="SB-01",
        )
        cls.pusaka.supporting_opds.add(cls.dlh)
        cls.pusaka.secondary_dimensions.add(dimensions[Dimension.ECONOMY])
        cls.pusaka.save_revision().publish()
        cls.iklim = programme(dimensions[Dimension.ENVIRONMENT], "Kampung Iklim", "Climate Village", lead=cls.dlh)
        cls.draft = programme(
            dimensions[Dimension.GOVERNANCE],
            "Draf Rahasia",
            "Secret Draft",
            budget=[(2021, FundingSource.APBN, 9_000_000_000, BudgetKind.PLANNED)],
            indicators=[("D1", "Rahasia", "Secret", "x", None, None)],
            live=False,
        )

    def test_programmes_csv_round_trip_in_english(self):
        """Each live programme comes back with its codes, English labels and values; the draft is absent."""
        response = self.client.get("/en/smart-city/export/programmes/csv/")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertIn("smart-city-programmes-en.csv", response["Content-Disposition"])
        rows = read_csv(response)
        self.assertEqual(list(rows[0]), PROGRAMME_COLUMNS)
        self.assertEqual([row["title"] for row in rows], ["Heritage City", "Climate Village"])
        row = rows[0]
        self.assertEqual(int(row["programme_id"]), self.pusaka.pk)
        self.assertEqual(row["programme_code"], "SB-01")
        self.assertEqual((row["dimension"], row["dimension_label"]), ("branding", "Smart branding"))
        self.assertEqual(row["secondary_dimensions"], "economy")
        self.assertEqual((row["horizon"], row["quick_win"], row["status"]), ("quick-win", "1", "running"))
        self.assertEqual(row["supporting_opds"], "dlh")
        self.assertEqual(row["summary"], "Summary of Heritage City")
        self.assertEqual(row["url"], "http://testserver/en/smart-city/branding/heritage-city/")
        self.assertNotIn("Secret", response.content.decode())

    def test_programmes_csv_in_indonesian(self):
        rows = read_csv(self.client.get("/id/kota-cerdas/export/programmes/csv/"))
        self.assertEqual([row["title"] for row in rows], ["Kota Pusaka", "Kampung Iklim"])
        self.assertEqual(rows[0]["url"], "http://testserver/id/kota-cerdas/branding/kota-pusaka/")

    def test_budget_and_indicator_csv_round_trip(self):
        """Amounts come back as whole rupiah and indicator values as exact decimals; the draft's lines are absent."""
        budget = read_csv(self.client.get("/en/smart-city/export/budget-lines/csv/"))
        self.assertEqual(list(budget[0]), BUDGET_COLUMNS)
        self.assertEqual(
            [(int(r["fiscal_year"]), r["source"], r["kind"], int(r["amount_idr"])) for r in budget],
            [(2020, "dak-fisik", "planned", 1_250_000_000), (2021, "apbd-provinsi", "realised", 750_000_000)],
        )
        self.assertEqual(sum(int(r["amount_idr"]) for r in budget), 2_000_000_000)
        indicators = read_csv(self.client.get("/en/smart-city/export/indicators/csv/"))
        self.assertEqual(list(indicators[0]), INDICATOR_COLUMNS)
        self.assertEqual(
            [(r["indicator"], Decimal(r["baseline"]), r["year"], r["target"], r["realisation"]) for r in indicators],
            [
                ("Registered objects", Decimal("10.5"), "2020", "15", "14.25"),
                ("Registered objects", Decimal("10.5"), "2021", "20", ""),
            ],
        )
        stored = {(v.year, v.target, v.realisation) for v in self.pusaka.indicator_values.all()}
        parsed = {
            (int(r["year"]), Decimal(r["target"]), Decimal(r["realisation"]) if r["realisation"] else None)
            for r in indicators
        }
        self.assertEqual(parsed, stored)

    def test_json_round_trip_without_drafts(self):
        """The JSON nests budget lines and indicators per programme and matches the database."""
        response = self.client.get("/id/kota-cerdas/export/json/")
        self.assertEqual(response["Content-Type"], "application/json")
        data = json.loads(response.content)
        self.assertEqual(data["language"], "id")
        self.assertEqual(data["masterplan"]["period_start"], 2019)
        self.assertEqual(data["programme_count"], 2)
        self.assertNotIn("Rahasia", response.content.decode())
        item = data["programmes"][0]
        self.assertEqual(item["title"], "Kota Pusaka")
        self.assertEqual(item["dimension_label"], "Branding cerdas")
        self.assertEqual(
            {(b["fiscal_year"], b["source"], b["kind"], b["amount_idr"]) for b in item["budget_lines"]},
            {(line.fiscal_year, line.source, line.kind, line.amount) for line in self.pusaka.budget_lines.all()},
        )
        (indicator,) = item["indicators"]
        self.assertEqual(
            (indicator["indicator"], indicator["unit"], indicator["baseline"]), ("Objek terdaftar", "objek", 10.5)
        )
        self.assertEqual(
            [(v["year"], v["target"], v["realisation"]) for v in indicator["values"]],
            [(2020, 15, 14.25), (2021, 20, None)],
        )
        english = json.loads(self.client.get("/en/smart-city/export/json/").content)
        self.assertEqual(english["programmes"][0]["indicators"][0]["indicator"], "Registered objects")

    def test_exports_follow_the_validated_filters(self):
        rows = read_csv(self.client.get("/en/smart-city/export/programmes/csv/?opd=dlh&status=bogus"))
        self.assertEqual([row["title"] for row in rows], ["Climate Village"])
        data = json.loads(self.client.get("/en/smart-city/export/json/?source=dak-fisik").content)
        self.assertEqual([p["title"] for p in data["programmes"]], ["Heritage City"])

    def test_index_links_to_the_exports(self):
        response = self.client.get("/en/smart-city/?horizon=quick-win")
        self.assertContains(response, 'href="/en/smart-city/export/programmes/csv/?horizon=quick-win"')
        self.assertContains(response, 'href="/en/smart-city/export/json/?horizon=quick-win"')

    def test_unpublished_masterplan_has_no_exports(self):
        self.index.unpublish()
        self.assertEqual(self.client.get("/en/smart-city/export/json/").status_code, 404)
