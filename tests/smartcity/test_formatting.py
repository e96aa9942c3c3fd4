"""Numbers and rupiah in each language's conventions, and the template filters that use them."""

from decimal import Decimal

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import translation

from smartcity.formatting import format_number, format_rupiah, format_rupiah_full


class RupiahTests(SimpleTestCase):
    def test_the_examples_from_the_issue(self):
        """1.25 billion rupiah reads "Rp1,25 miliar" in Indonesian and "IDR 1.25 billion" in English."""
        self.assertEqual(format_rupiah(1_250_000_000, "id"), "Rp1,25 miliar")
        self.assertEqual(format_rupiah(1_250_000_000, "en"), "IDR 1.25 billion")

    def test_scale_words(self):
        """Millions, billions and trillions get our scale words; trailing zeros are dropped."""
        cases = [
            (1_500_000, "Rp1,5 juta", "IDR 1.5 million"),
            (2_000_000_000, "Rp2 miliar", "IDR 2 billion"),
            (3_200_000_000_000, "Rp3,2 triliun", "IDR 3.2 trillion"),
            (475_000_000, "Rp475 juta", "IDR 475 million"),
        ]
        for amount, indonesian, english in cases:
            with self.subTest(amount=amount):
                self.assertEqual(format_rupiah(amount, "id"), indonesian)
                self.assertEqual(format_rupiah(amount, "en"), english)

    def test_below_a_million_shows_every_digit(self):
        self.assertEqual(format_rupiah(750_000, "id"), "Rp750.000")
        self.assertEqual(format_rupiah(750_000, "en"), "IDR 750,000")
        self.assertEqual(format_rupiah(0, "id"), "Rp0")

    def test_rounding_carries_into_the_next_scale(self):
        """999,999,999 rounds to a billion, not to "1.000 juta"; half-up rounding at two decimals."""
        self.assertEqual(format_rupiah(999_999_999, "id"), "Rp1 miliar")
        self.assertEqual(format_rupiah(1_255_000_000, "en"), "IDR 1.26 billion")
        self.assertEqual(format_rupiah(1_254_999_999, "en"), "IDR 1.25 billion")

    def test_negative_and_empty(self):
        self.assertEqual(format_rupiah(-1_250_000_000, "id"), "-Rp1,25 miliar")
        self.assertEqual(format_rupiah(None, "id"), "")
        self.assertEqual(format_rupiah("not a number", "en"), "")

    def test_full_amounts(self):
        self.assertEqual(format_rupiah_full(1_250_000_000, "id"), "Rp1.250.000.000")
        self.assertEqual(format_rupiah_full(1_250_000_000, "en"), "IDR 1,250,000,000")

    def test_uses_the_active_language_by_default(self):
        with translation.override("id"):
            self.assertEqual(format_rupiah(1_250_000_000), "Rp1,25 miliar")
        with translation.override("en"):
            self.assertEqual(format_rupiah(1_250_000_000), "IDR 1.25 billion")


class NumberTests(SimpleTestCase):
    def test_separators_per_language(self):
        self.assertEqual(format_number(Decimal("1250.5"), "id"), "1.250,5")
        self.assertEqual(format_number(Decimal("1250.5"), "en"), "1,250.5")
        self.assertEqual(format_number(Decimal("12.00"), "id"), "12")
        self.assertEqual(format_number(Decimal("0.125"), "en"), "0.13")
        self.assertEqual(format_number(None, "en"), "")

    def test_template_filters(self):
        template = Template(
            "{% load smartcity_tags %}{{ a|rupiah }}|{{ a|rupiah_full }}|{{ n|number }}|{{ n|number:0 }}"
        )
        context = Context({"a": 1_250_000_000, "n": Decimal("1234.56")})
        with translation.override("id"):
            self.assertEqual(template.render(context), "Rp1,25 miliar|Rp1.250.000.000|1.234,56|1.235")
        with translation.override("en"):
            self.assertEqual(template.render(context), "IDR 1.25 billion|IDR 1,250,000,000|1,234.56|1,235")
