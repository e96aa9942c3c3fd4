"""Links from news to heritage sites and smart city programmes: only those page types, and
related_news / {% related_news %} list live, public news linking to a page."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory, TestCase

from wagtail.test.utils.form_data import inline_formset

from news.models import NewsPage, NewsRelatedPage
from news.related import related_news
from tests.factories import news as factories
from tests.factories.pages import home_page, standard_page
from tests.news.forms import news_form_data

ALLOW_STANDARD = mock.patch(
    "news.models.RELATABLE_PAGE_TYPES",
    ("heritage_pages.HeritageSitePage", "smartcity.SmartCityProgrammePage", "home.StandardPage"),
)


class RelatedPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        factories.news_index()
        cls.room = factories.newsroom(factories.opd("diskominfo", "Diskominfo"))
        cls.target = standard_page(cls.home, "Program Tanjak", "Tanjak programme")

    def test_other_page_types_are_refused(self):
        link = NewsRelatedPage(page=self.target)
        with self.assertRaises(ValidationError) as error:
            link.full_clean(exclude=["news_page"])
        self.assertIn("page", error.exception.message_dict)
        with ALLOW_STANDARD:
            link.full_clean(exclude=["news_page"])

    def test_admin_form_error_for_a_page_of_another_type(self):
        """The admin shows a form error, not a 500, and creates nothing."""
        user = get_user_model().objects.create_superuser("admin", "a@example.com", "pw")
        self.client.force_login(user)
        data = news_form_data(related_pages=inline_formset([{"page": self.target.pk}]))
        response = self.client.post(f"/admin/pages/add/news/newspage/{self.room.pk}/", data)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(NewsPage.objects.exists())
        self.assertIn("page", response.context["form"].formsets["related_pages"].errors[0])
        with ALLOW_STANDARD:
            data = news_form_data(related_pages=inline_formset([{"page": self.target.pk}]), **{"action-publish": "1"})
            response = self.client.post(f"/admin/pages/add/news/newspage/{self.room.pk}/", data)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(NewsPage.objects.get().related_pages.get().page_id, self.target.pk)

    def test_related_news_lists_only_live_news_linking_to_the_page(self):
        linked = factories.news_page(self.room, "Berita Tanjak", "Tanjak news")
        draft = factories.news_page(self.room, "Draf Tanjak", "Tanjak draft", live=False)
        factories.news_page(self.room, "Berita lain", "Other news")
        for page in (linked, draft):
            NewsRelatedPage.objects.create(news_page=page, page=self.target)
        self.assertEqual(list(related_news(self.target)), [linked])
        self.assertEqual(list(related_news(self.target, limit=0)), [])

    def test_related_news_template_tag(self):
        linked = factories.news_page(self.room, "Berita Tanjak", "Tanjak news")
        NewsRelatedPage.objects.create(news_page=linked, page=self.target)
        request = RequestFactory().get("/id/")
        html = Template("{% load news_tags %}{% related_news page %}").render(
            Context({"page": self.target, "request": request})
        )
        self.assertIn('id="related-news-heading"', html)
        self.assertIn("Berita Tanjak", html)
        self.assertEqual(
            Template("{% load news_tags %}{% related_news page %}").render(Context({"page": self.home})).strip(), ""
        )

    def test_news_page_links_back_to_related_live_pages(self):
        linked = factories.news_page(self.room, "Berita program", "Programme news")
        NewsRelatedPage.objects.create(news_page=linked, page=self.target)
        response = self.client.get("/id/berita/diskominfo/berita-program/")
        self.assertContains(response, 'href="/id/program-tanjak/"')
