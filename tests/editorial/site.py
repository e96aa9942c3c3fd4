"""A small city site with every role set up by ``setup_roles``, shared by the role and review tests."""

from django.test import TestCase

from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.roles import setup_roles
from editorial.roles import ADMINISTRATORS_GROUP, EDITORS_GROUP, TRANSLATORS_GROUP, contributor_group_name
from tests.factories import heritage_pages as heritage
from tests.factories import news, smartcity
from tests.factories.editorial import role_user
from tests.factories.pages import home_page, standard_page


class EditorialSiteTestCase(TestCase):
    """Home, a standard page, two OPD newsrooms with news, a programme and a heritage site; four roles."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(cls.home, "Tentang Kota", "About the city")
        cls.index = news.news_index()
        cls.dlh = news.opd("dlh", "DLH")
        cls.diskominfo = news.opd("diskominfo", "Diskominfo")
        cls.own_room = news.newsroom(cls.dlh)
        cls.other_room = news.newsroom(cls.diskominfo)
        cls.own_news = news.news_page(cls.own_room, "Berita DLH", "DLH news")
        cls.other_news = news.news_page(cls.other_room, "Berita Diskominfo", "Diskominfo news")
        cls.masterplan = smartcity.masterplan(cls.home)
        cls.governance = smartcity.dimension(cls.masterplan)
        cls.programme = smartcity.programme(cls.governance, "Layanan Daring", "Online Services", lead=cls.dlh)
        cls.site = heritage.heritage_site(heritage.heritage_index(cls.home))
        cls.report = setup_roles()
        cls.administrator = role_user("administrator", ADMINISTRATORS_GROUP)
        cls.editor = role_user("redaktur", EDITORS_GROUP)
        cls.translator = role_user("penerjemah", TRANSLATORS_GROUP)
        cls.contributor = role_user("kontributor-dlh", contributor_group_name(cls.dlh))


def standard_page_data(title_ind="Layanan Publik", slug_ind="layanan-publik", **overrides):
    """Admin form data of a new StandardPage in both languages."""
    data = {
        "title_ind": title_ind,
        "title_en": "Public services",
        "slug_ind": slug_ind,
        "slug_en": "public-services",
        "summary_ind": "Ringkasan layanan.",
        "summary_en": "Summary of the services.",
        "body_ind": streamfield([]),
        "body_en": streamfield([]),
    }
    data.update(overrides)
    return nested_form_data(data)
