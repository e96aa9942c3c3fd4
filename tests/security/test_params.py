"""serving.params: what a public view reads from the query string, and what it ignores."""

from django.http import QueryDict
from django.test import SimpleTestCase

from heritage_pages.models import Category
from serving import params


def q(text):
    return QueryDict(text)


class IntegerTests(SimpleTestCase):
    def test_ascii_digits_within_range(self):
        self.assertEqual(params.integer(q("n=42"), "n"), 42)
        self.assertEqual(params.integer(q("n=007"), "n"), 7)
        self.assertEqual(params.integer(q("n=5"), "n", 1, 4), None)

    def test_everything_else_is_none(self):
        for value in ["%C2%B2", "%D9%A1", "%EF%BC%91", "-1", "+1", "1.0", "1e3", "%201", "", "9" * 10, "%00", "a"]:
            self.assertIsNone(params.integer(q(f"n={value}"), "n"), value)
        self.assertIsNone(params.integer(q(""), "n"))
        self.assertIsNone(params.integer({"n": ["1"]}, "n"))  # a non-string value

    def test_page_number_defaults_to_one(self):
        self.assertEqual(params.page_number(q("page=3")), 3)
        for value in ["0", "-2", "%C2%B2", "x", "9" * 50]:
            self.assertEqual(params.page_number(q(f"page={value}")), 1, value)

    def test_year_and_month(self):
        self.assertEqual(params.year(q("year=2024")), 2024)
        self.assertIsNone(params.year(q("year=1800")))
        self.assertIsNone(params.year(q("year=%D9%A2%D9%A0%D9%A2%D9%A4")))  # Arabic-Indic 2024
        self.assertEqual(params.month(q("month=12")), 12)
        self.assertIsNone(params.month(q("month=13")))


class TextTests(SimpleTestCase):
    def test_slugs(self):
        self.assertEqual(params.slug(q("s=dinas-kominfo_2"), "s"), "dinas-kominfo_2")
        self.assertEqual(params.slug(q("s=budaya-melayu-%C3%A9"), "s"), "budaya-melayu-é")
        for value in ["a b", "a/b", "a%00b", "x" * 101, "", "%0A"]:
            self.assertIsNone(params.slug(q(f"s={value}"), "s"), value)

    def test_choices(self):
        self.assertEqual(params.choice(q("k=kawasan"), "k", Category), "kawasan")
        self.assertEqual(params.choice(q("k=b"), "k", [("a", "A"), ("b", "B")]), "b")
        self.assertEqual(params.choice(q("k=b"), "k", ["a", "b"]), "b")
        self.assertIsNone(params.choice(q("k=KAWASAN"), "k", Category))
        self.assertIsNone(params.choice(q("k=kawasan%00"), "k", Category))

    def test_text_is_cut_and_cleaned(self):
        self.assertEqual(params.text(q("q=a%00b%0Ac"), "q", 10), "abc")
        self.assertEqual(params.text(q("q=" + "x" * 50), "q", 10), "x" * 10)
        self.assertEqual(params.text(q(""), "q", 10), "")
