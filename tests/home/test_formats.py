"""Dates are written the way each language writes them."""

import datetime

from django.template import Context, Template
from django.test import SimpleTestCase
from django.utils import translation


class DateFormatTests(SimpleTestCase):
    def render(self, language, value):
        with translation.override(language):
            return Template("{{ value|date }}").render(Context({"value": value}))

    def test_long_dates_in_each_language(self):
        day = datetime.date(2019, 9, 27)
        self.assertEqual(self.render("id", day), "Jumat, 27 September 2019")
        self.assertEqual(self.render("en", day), "Friday, 27 September 2019")

    def test_datetime_in_wib_style(self):
        moment = datetime.datetime(2019, 10, 1, 9, 0)
        with translation.override("id"):
            text = Template("{{ value|date:'DATETIME_FORMAT' }}").render(Context({"value": moment}))
        self.assertEqual(text, "Selasa, 1 Oktober 2019 pukul 09.00")
