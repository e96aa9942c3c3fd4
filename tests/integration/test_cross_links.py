"""The apps link up: news about a heritage site or programme shows on that page, and every page type is searchable."""

from django.test import TestCase

from home.bilingual import page_url
from news.models import NewsRelatedPage
from search.registry import searchable_models
from tests.factories import heritage_pages, news, smartcity
from tests.factories.pages import home_page


class RelatedNewsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.site = heritage_pages.heritage_site(title_ind="Gedung Mesiu", title_en="Gunpowder Store")
        index = smartcity.masterplan()
        dimension = smartcity.dimension(index)
        cls.programme = smartcity.programme(dimension, "Kota Pusaka", "Heritage City")
        room = news.newsroom(news.opd("disbudpar", "Disbudpar"))
        cls.story = news.news_page(room, "Pemugaran Gedung Mesiu", "Restoring the Gunpowder Store")
        NewsRelatedPage.objects.create(news_page=cls.story, page=cls.site)
        NewsRelatedPage.objects.create(news_page=cls.story, page=cls.programme)
        cls.draft = news.news_page(room, "Konsep berita", "Draft story", live=False)
        NewsRelatedPage.objects.create(news_page=cls.draft, page=cls.site)

    def test_heritage_site_lists_its_news_in_both_languages(self):
        self.assertContains(self.client.get(page_url(self.site, "id")), "Pemugaran Gedung Mesiu")
        response = self.client.get(page_url(self.site, "en"))
        self.assertContains(response, "Restoring the Gunpowder Store")
        self.assertContains(response, 'id="related-news-heading"')
        self.assertNotContains(response, "Draft story")

    def test_programme_lists_its_news_in_both_languages(self):
        self.assertContains(self.client.get(page_url(self.programme, "id")), "Pemugaran Gedung Mesiu")
        self.assertContains(self.client.get(page_url(self.programme, "en")), "Restoring the Gunpowder Store")


def test_every_public_content_type_is_searchable():
    """Heritage sites, news, programmes and the standard pages all declare their search fields."""
    labels = {model._meta.label for model in searchable_models()}
    assert {
        "home.StandardPage",
        "heritage_pages.HeritageSitePage",
        "news.NewsPage",
        "smartcity.SmartCityProgrammePage",
        "smartcity.SmartCityDimensionPage",
    } <= labels


class SearchAcrossTypesTests(TestCase):
    def test_heritage_news_and_programmes_are_found_in_both_languages(self):
        """A query finds each content type from /id/ and /en/ through the shared site search."""
        home_page()
        heritage_pages.heritage_site(
            title_ind="Benteng Bukit Kursi",
            title_en="Bukit Kursi Fort",
            summary_ind="Benteng pertahanan di Penyengat.",
            summary_en="A defensive fort on Penyengat.",
        )
        room = news.newsroom(news.opd("disbudpar", "Disbudpar"))
        news.news_page(room, "Festival benteng Penyengat", "Penyengat fort festival")
        dimension = smartcity.dimension(smartcity.masterplan())
        smartcity.programme(dimension, "Revitalisasi benteng kota", "Revitalising the city forts")
        import re

        def text(path):
            return re.sub(r"</?mark>", "", self.client.get(path).content.decode())

        id_html, en_html = text("/id/search/?q=benteng"), text("/en/search/?q=fort")
        for title in ("Benteng Bukit Kursi", "Festival benteng Penyengat", "Revitalisasi benteng kota"):
            self.assertIn(title, id_html)
        for title in ("Bukit Kursi Fort", "Penyengat fort festival", "Revitalising the city forts"):
            self.assertIn(title, en_html)
