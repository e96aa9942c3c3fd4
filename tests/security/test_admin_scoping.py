"""An OPD contributor, through the real admin views, never sees another OPD's drafts."""

from django.test import TestCase

from editorial.roles import contributor_group_name
from news.permissions import setup_news_permissions
from tests.factories import news as factories
from tests.factories.editorial import role_user
from tests.factories.pages import home_page

SECRET = "Rahasia DLH belum terbit"
OWN_DRAFT = "Draf Diskominfo sendiri"
PUBLISHED = "Berita DLH sudah terbit"


class ContributorScopingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.index = factories.news_index()
        cls.diskominfo = factories.opd("diskominfo", "Diskominfo")
        cls.dlh = factories.opd("dlh", "DLH")
        setup_news_permissions(cls.index)
        cls.dlh_room = factories.newsroom(cls.dlh, cls.index)
        cls.own_room = factories.newsroom(cls.diskominfo, cls.index)
        cls.secret = factories.news_page(cls.dlh_room, SECRET, None, slug_ind="rahasia-dlh", live=False)
        cls.published = factories.news_page(cls.dlh_room, PUBLISHED, None, slug_ind="dlh-terbit")
        cls.own = factories.news_page(cls.own_room, OWN_DRAFT, None, slug_ind="draf-sendiri", live=False)
        cls.contributor = role_user("kontributor", contributor_group_name(cls.diskominfo))
        cls.editor = role_user("redaktur", "Editor / Redaktur")

    def setUp(self):
        self.client.force_login(self.contributor)

    def html(self, url):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return response.content.decode()

    def test_page_chooser_browsing_shows_published_pages_elsewhere_but_no_drafts(self):
        html = self.html(f"/admin/choose-page/{self.dlh_room.pk}/")
        self.assertIn(PUBLISHED, html)
        self.assertNotIn(SECRET, html)
        self.assertIn(OWN_DRAFT, self.html(f"/admin/choose-page/{self.own_room.pk}/"))

    def test_page_chooser_search(self):
        self.assertNotIn(SECRET, self.html("/admin/choose-page/search/?q=Rahasia"))
        self.assertIn(PUBLISHED, self.html("/admin/choose-page/search/?q=terbit"))
        self.assertIn(OWN_DRAFT, self.html("/admin/choose-page/search/?q=Draf"))

    def test_admin_search(self):
        self.assertNotIn(SECRET, self.html("/admin/pages/search/?q=Rahasia"))
        self.assertIn(OWN_DRAFT, self.html("/admin/pages/search/?q=Draf"))

    def test_explorer_listing_and_its_search(self):
        self.assertNotIn(SECRET, self.html(f"/admin/pages/{self.own_room.pk}/?q=Rahasia&search_all=1"))
        self.assertIn(OWN_DRAFT, self.html(f"/admin/pages/{self.own_room.pk}/?q=Draf&search_all=1"))

    def test_explorer_menu_api(self):
        """The sidebar's page explorer: another newsroom is not even listable; the own newsroom is."""
        response = self.client.get(f"/admin/api/main/pages/?child_of={self.dlh_room.pk}&for_explorer=1")
        self.assertNotIn(SECRET, response.content.decode())
        response = self.client.get(f"/admin/api/main/pages/?child_of={self.own_room.pk}&for_explorer=1")
        self.assertEqual(response.status_code, 200)
        self.assertIn(OWN_DRAFT, [item["title"] for item in response.json()["items"]])

    def test_an_editor_still_sees_every_draft(self):
        self.client.force_login(self.editor)
        self.assertIn(SECRET, self.html(f"/admin/choose-page/{self.dlh_room.pk}/"))
