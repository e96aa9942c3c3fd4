"""The demo illustrations: drawn in code, the same every time, small, and credited in both languages."""

import io

from django.test import SimpleTestCase, TestCase
from django.utils import translation

from PIL import Image

from home import illustrations
from home.demo import demo_image, demo_jpeg


class IllustrationTests(SimpleTestCase):
    def test_every_scene_is_deterministic_and_small(self):
        """Each scene draws the same pixels twice and saves as a JPEG under 150 KB, as the demo stores it."""
        for scene in illustrations.SCENES:
            with self.subTest(scene=scene):
                first, second = illustrations.draw(scene, (400, 225)), illustrations.draw(scene, (400, 225))
                self.assertEqual(first.tobytes(), second.tobytes())
                buffer = io.BytesIO()
                illustrations.draw(scene).save(buffer, format="JPEG", quality=82, optimize=True, progressive=True)
                self.assertLess(len(buffer.getvalue()), 150 * 1024)
                # Not a flat fill: an illustration has many colours.
                self.assertGreater(len(first.getcolors(maxcolors=400 * 225) or []), 50)

    def test_each_demo_picture_is_drawn_once_per_process(self):
        """The tests seed the demo many times: the same picture is drawn and encoded only the first time."""
        first = demo_jpeg((1, 2, 3), "store")
        self.assertIs(demo_jpeg((1, 2, 3), "store"), first)
        self.assertIsNot(demo_jpeg((1, 2, 3), "fort"), first)
        with Image.open(io.BytesIO(first)) as picture:
            self.assertEqual((picture.format, picture.size), ("JPEG", (1600, 900)))


class DemoImageTests(TestCase):
    def test_demo_image_carries_alt_text_and_credit_in_both_languages(self):
        image = demo_image("Uji ilustrasi", "Ilustrasi masjid", "Illustration of a mosque", (0, 0, 0), scene="mosque")
        with Image.open(image.file) as picture:
            self.assertEqual(picture.size, (1600, 900))
        with translation.override("id"):
            self.assertEqual((image.alt_text, image.credit), ("Ilustrasi masjid", "Ilustrasi: Tim Portal Kota"))
        with translation.override("en"):
            self.assertEqual(
                (image.alt_text, image.credit), ("Illustration of a mosque", "Illustration: City Portal Team")
            )
        image.file.delete(save=False)

    def test_an_english_credit_left_empty_falls_back_to_indonesian(self):
        image = demo_image("Uji kredit", "Uji", "Test", (10, 20, 30), credit="Foto: Dinas Kominfo")
        image.credit_en = ""
        image.save()
        with translation.override("en"):
            self.assertEqual(image.credit, "Foto: Dinas Kominfo")
        image.file.delete(save=False)
