"""The custom image model gives alt text in the visitor's language."""

from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from home.demo import demo_image


class ImageAltTextTests(TestCase):
    def test_alt_text_follows_language_with_indonesian_fallback(self):
        image = demo_image("Masjid", "Masjid Raya Sultan Riau", "Sultan of Riau Grand Mosque", (200, 200, 50))
        template = Template("{% load wagtailimages_tags %}{% image img width-200 %}")
        with translation.override("id"):
            self.assertIn('alt="Masjid Raya Sultan Riau"', template.render(Context({"img": image})))
        with translation.override("en"):
            self.assertIn('alt="Sultan of Riau Grand Mosque"', template.render(Context({"img": image})))
        image.alt_text_en = ""
        image.save()
        with translation.override("en"):
            self.assertIn('alt="Masjid Raya Sultan Riau"', template.render(Context({"img": image})))
