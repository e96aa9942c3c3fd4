"""The custom image model gives alt text in the visitor's language and uses prefetched renditions as they are."""

from unittest import mock

from django.core.cache import caches
from django.template import Context, Template
from django.test import TestCase
from django.utils import translation

from home.demo import demo_image
from images.models import CityImage
from images.prefetch import fetch_renditions, prefetch_renditions
from news.listing import CARD_IMAGE_SPEC


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


class _Card:
    """Stands for a listing item with an image field, as ``prefetch_renditions`` receives them."""

    def __init__(self, image):
        self.image = CityImage.objects.get(pk=image.pk)
        self.image_id = image.pk


class PrefetchedRenditionTests(TestCase):
    def test_prefetched_rendition_is_used_without_touching_the_rendition_cache(self):
        """A rendition prefetched with the image is returned as is: no query and no cache read or write."""
        image = demo_image("Balai", "Balai Adat", "Customary hall", (120, 80, 40))
        created = image.get_rendition(CARD_IMAGE_SPEC)
        card = _Card(image)
        prefetch_renditions([card], "image", CARD_IMAGE_SPEC)
        cache = caches["renditions"]
        with (
            self.assertNumQueries(0),
            mock.patch.object(cache, "set", wraps=cache.set) as cache_set,
            mock.patch.object(cache, "set_many", wraps=cache.set_many) as cache_set_many,
            mock.patch.object(cache, "get_many", wraps=cache.get_many) as cache_get_many,
        ):
            rendition = card.image.get_rendition(CARD_IMAGE_SPEC)
        self.assertEqual(rendition.pk, created.pk)
        cache_set.assert_not_called()
        cache_set_many.assert_not_called()
        cache_get_many.assert_not_called()

    def test_missing_rendition_is_still_created(self):
        """With renditions prefetched but not the one asked for, it is created as Wagtail would."""
        card = _Card(demo_image("Tugu", "Tugu Kota", "City monument", (40, 80, 120)))
        prefetch_renditions([card], "image", "width-100")
        rendition = card.image.get_rendition("width-100")
        self.assertEqual(rendition.width, 100)
        self.assertEqual(card.image.get_rendition("width-100").pk, rendition.pk)

    def test_an_image_s_sizes_come_from_one_cache_read(self):
        """``fetch_renditions``: created once; then one cache read, no write and no query, and ``{% image %}``
        uses what it found."""
        image = demo_image("Gonggong", "Tugu Gonggong", "Gonggong monument", (30, 90, 60))
        fetch_renditions(image, "width-100", "fill-50x50")  # created and cached
        image = CityImage.objects.get(pk=image.pk)
        cache = caches["renditions"]
        with (
            self.assertNumQueries(0),
            mock.patch.object(cache, "set_many", wraps=cache.set_many) as cache_set_many,
            mock.patch.object(cache, "get_many", wraps=cache.get_many) as cache_get_many,
        ):
            fetch_renditions(image, "width-100", "fill-50x50")
            html = Template("{% load wagtailimages_tags %}{% image img width-100 %}").render(Context({"img": image}))
        self.assertEqual(cache_get_many.call_count, 1)
        cache_set_many.assert_not_called()
        self.assertIn('width="100"', html)


class RenditionCacheWriteTests(TestCase):
    """Renditions found in the rendition cache are not written back to it (Wagtail 7.4 rewrote them on every
    use: nine cache writes per view for a <picture> of nine renditions)."""

    def setUp(self):
        caches["renditions"].clear()  # entries of an earlier test's image with the same id
        image = demo_image("Pelabuhan", "Pelabuhan Sri Bintan Pura", "Sri Bintan Pura harbour", (20, 60, 100))
        self.created = image.get_renditions("width-100", "fill-50x50")  # made, stored and cached
        self.image = CityImage.objects.get(pk=image.pk)  # as on the next request: nothing prefetched

    def assert_cache_read_only(self, use):
        cache = caches["renditions"]
        with (
            self.assertNumQueries(0),
            mock.patch.object(cache, "set", wraps=cache.set) as cache_set,
            mock.patch.object(cache, "set_many", wraps=cache.set_many) as cache_set_many,
        ):
            renditions = use()
        cache_set.assert_not_called()
        cache_set_many.assert_not_called()
        return renditions

    def test_picture_renditions_from_the_cache(self):
        renditions = self.assert_cache_read_only(lambda: self.image.get_renditions("width-100", "fill-50x50"))
        self.assertEqual(
            {key: item.pk for key, item in renditions.items()}, {key: item.pk for key, item in self.created.items()}
        )
        self.assertIs(renditions["width-100"].image, self.image)  # its alt text follows this instance

    def test_image_tag_rendition_from_the_cache(self):
        rendition = self.assert_cache_read_only(lambda: self.image.get_rendition("width-100"))
        self.assertEqual(rendition.pk, self.created["width-100"].pk)

    def test_renditions_read_from_the_database_are_cached(self):
        caches["renditions"].clear()
        with self.assertNumQueries(1):
            self.image.get_renditions("width-100", "fill-50x50")
        image = CityImage.objects.get(pk=self.image.pk)
        self.assert_cache_read_only(lambda: image.get_renditions("width-100", "fill-50x50"))
