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


class ResponsiveImageTests(TestCase):
    def test_body_images_are_responsive_lazy_and_sized(self):
        """Body images come as <picture> with AVIF and WebP sources, width/height set and lazy loading."""
        from tests.factories.pages import home_page, standard_page

        image = demo_image(
            "Gedung Mesiu", "Gedung Mesiu di Pulau Penyengat", "The gunpowder store on Penyengat", (90, 60, 40)
        )
        standard_page(
            home_page(),
            "Galeri",
            "Gallery",
            body_ind=[{"type": "image", "value": {"image": image.pk, "caption": "Gedung Mesiu", "credit": "Demo"}}],
            body_en=[{"type": "image", "value": {"image": image.pk, "caption": "Gunpowder store", "credit": "Demo"}}],
        )
        html = self.client.get("/en/gallery/").content.decode()
        self.assertIn('type="image/avif"', html)
        self.assertIn('type="image/webp"', html)
        self.assertRegex(
            html, r'<img alt="The gunpowder store on Penyengat"[^>]*height="\d+"[^>]*loading="lazy"[^>]*width="\d+"'
        )
        self.assertIn("Gunpowder store", html)
