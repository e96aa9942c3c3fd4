"""The import's sibling-slug check gives the same answers as wagtail-modeltranslation's own."""

from django.test import TestCase

from wagtail_modeltranslation import patch_wagtailadmin

from news.importing.slugs import query_slug_check, validate_slugs_by_query
from news.models import NewsPage
from tests.factories import news as factories
from tests.news.importing.helpers import build_site


class SlugCheckTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        site = build_site()
        cls.room = site["room"]
        cls.english = factories.news_page(cls.room, "Berita satu", "News one", slug_ind="berita-satu")
        cls.indonesian_only = factories.news_page(cls.room, "Berita dua", None, slug_ind="berita-dua")

    def check_both(self, page):
        original = patch_wagtailadmin._validate_slugs(page)
        self.assertEqual(validate_slugs_by_query(page), original)
        return original

    def test_same_answers(self):
        cases = {
            ("berita-satu", ""): {"slug_ind"},  # the Indonesian slug of a sibling
            ("baru", "news-one"): {"slug_en"},  # the English slug of a sibling
            ("berita-dua", ""): {"slug_ind", "slug_en"},  # a sibling without English falls back to Indonesian
            ("news-one", ""): {"slug_en"},  # read in English, this page's slug falls back to "news-one"
            ("baru", ""): set(),
        }
        for (slug_ind, slug_en), expected in cases.items():
            with self.subTest(slug_ind=slug_ind, slug_en=slug_en):
                page = NewsPage(
                    title_ind="Uji", slug=slug_ind, slug_ind=slug_ind, slug_en=slug_en or None, summary_ind="x"
                )
                page.path = self.room.path + "9999"
                page.depth = self.room.depth + 1
                self.assertEqual(set(self.check_both(page)), expected)

    def test_the_package_function_is_put_back(self):
        original = patch_wagtailadmin._validate_slugs
        with query_slug_check():
            self.assertIs(patch_wagtailadmin._validate_slugs, validate_slugs_by_query)
        self.assertIs(patch_wagtailadmin._validate_slugs, original)
