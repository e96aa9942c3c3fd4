"""The admin's restricted menu items: shown only to the users their check accepts, each linking to its view."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse

ITEMS = {  # label (English admin) -> the admin view it opens, the item's name
    "Popular searches": ("search_popular_queries", "search-popular-queries"),
    "Translation status": ("editorial_translation_status", "editorial-translation-status"),
    "PPID yearly report": ("ppid_yearly_report", "ppid-yearly-report"),
    "Import posts": ("news_import", "news-import"),
}


class RestrictedMenuTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        users = get_user_model().objects
        cls.admin = users.create_superuser("admin", "admin@example.com", "pw")
        cls.clerk = users.create_user("clerk", "clerk@example.com", "pw")
        cls.clerk.user_permissions.add(Permission.objects.get(codename="access_admin"))

    def sidebar(self, user):
        self.client.force_login(user)
        response = self.client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual(response.status_code, 200)
        return response.content.decode()

    def test_an_administrator_sees_every_item_with_its_link(self):
        sidebar = self.sidebar(self.admin)
        for label, (url_name, name) in ITEMS.items():
            with self.subTest(label):
                self.assertIn(label, sidebar)
                self.assertIn(reverse(url_name), sidebar)
                self.assertIn(f'"{name}"', sidebar)

    def test_a_user_the_checks_refuse_sees_none(self):
        sidebar = self.sidebar(self.clerk)
        for label, (url_name, _name) in ITEMS.items():
            with self.subTest(label):
                self.assertNotIn(reverse(url_name), sidebar)

    def test_each_item_follows_its_own_check(self):
        """PPID staff see the PPID yearly report, and not the reports their permissions do not cover."""
        self.clerk.user_permissions.add(Permission.objects.get(codename="view_informationrequest"))
        sidebar = self.sidebar(get_user_model().objects.get(pk=self.clerk.pk))
        self.assertIn(reverse("ppid_yearly_report"), sidebar)
        for url_name in ("search_popular_queries", "news_import"):
            with self.subTest(url_name):
                self.assertNotIn(reverse(url_name), sidebar)
