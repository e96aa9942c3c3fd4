"""The admin's restricted menu items: shown only to the users their check accepts, each linking to its view."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import TestCase
from django.urls import reverse

ITEMS = {  # label (English admin) -> the admin view it opens
    "Popular searches": "search_popular_queries",
    "Translation status": "editorial_translation_status",
    "PPID yearly report": "ppid_yearly_report",
    "Import posts": "news_import",
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
        for label, url_name in ITEMS.items():
            with self.subTest(label):
                self.assertIn(label, sidebar)
                self.assertIn(reverse(url_name), sidebar)
                self.assertIn(f'"{url_name.replace("_", "-")}"', sidebar)  # the item's name

    def test_a_user_the_checks_refuse_sees_none(self):
        sidebar = self.sidebar(self.clerk)
        for label, url_name in ITEMS.items():
            with self.subTest(label):
                self.assertNotIn(reverse(url_name), sidebar)
