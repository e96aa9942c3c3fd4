"""The admin speaks Indonesian to an Indonesian editor, and English to an English one, on the screens they use."""

import json
import re

from django.core.management import call_command
from django.test import TestCase
from django.utils import translation

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page
from wagtail.users.models import UserProfile

from bs4 import BeautifulSoup

from editorial.roles import EDITORS_GROUP
from home.models import OPD, StandardPage
from images.models import CityImage
from tests.factories.editorial import role_user
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.news import news_index, news_page, newsroom
from tests.factories.pages import home_page, standard_page
from tests.factories.smartcity import all_dimensions, masterplan, programme

# Strings an Indonesian editor met in English, as they appear on screen, and a few of their neighbours.
ENGLISH_ON_SCREEN = [
    "View / edit fields for",
    "Page title",
    "Collapse all",
    "Reports",
    "Help",
    "More actions",
    "Filter by",
    "For search engines",
    "Title tag",
    "Meta description",
    "Preview mode",
    "Toggle sidebar",
    "Save schedule",
    "Set publishing schedule",
    "Visit the live page",
    "Select all",
    "Sort by",
    "Keyboard shortcuts",
    "As a English visitor",
    "As an English-speaking visitor",
]
# Drawn by the admin's JavaScript, from its catalogue.
ENGLISH_IN_SCRIPTS = ["Collapse all", "Expand all", "Insert a block", "Duplicate", "Toggle sidebar", "More actions"]


def visible_texts(html):
    """The text an editor sees or hears: text nodes, labels, placeholders, and the admin's JSON-drawn menus."""
    soup = BeautifulSoup(html, "html.parser")
    texts = []
    for script in soup.find_all("script"):
        if script.get("type") == "application/json" and script.string:
            texts += re.findall(r'"((?:[^"\\]|\\.){2,120})"', script.string)
        script.decompose()
    for style in soup.find_all("style"):
        style.decompose()
    texts += [" ".join(text.split()) for text in soup.find_all(string=True)]
    for tag in soup.find_all(True):
        for attribute in ("placeholder", "aria-label", "title", "alt", "data-w-tooltip-content-value"):
            value = tag.get(attribute)
            if isinstance(value, str):
                texts.append(" ".join(value.split()))
    return {text.rstrip("*: ").strip() for text in texts if text.strip()}


class IndonesianAdminTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.standard = standard_page(cls.home, "Tentang Kota", "About the city")
        index = heritage_index(cls.home)
        cls.heritage = heritage_site(index)
        agency = OPD.objects.create(name="Dinas Kebudayaan dan Pariwisata", acronym="Disbudpar", slug="disbudpar")
        room = newsroom(agency, news_index(cls.home))
        cls.news = news_page(room)
        plan = masterplan(cls.home)
        dimensions = all_dimensions(plan)
        cls.programme = programme(next(iter(dimensions.values())), "Layanan publik digital", "Digital public services")
        CityImage.objects.create(title="Penyengat", file=get_test_image_file(size=(64, 36)))
        call_command("setup_roles", verbosity=0)  # after the tree: the roles' page permissions start at the home page
        cls.editor = role_user("redaktur", EDITORS_GROUP)

    def setUp(self):
        self.client.force_login(self.editor)

    def screens(self):
        pages = [self.home, self.standard, self.heritage, self.news, self.programme]
        urls = ["/admin/", "/admin/pages/", f"/admin/pages/{self.home.pk}/", "/admin/pages/search/?q=kota"]
        urls += ["/admin/images/", "/admin/documents/", "/admin/snippets/", "/admin/snippets/home/opd/"]
        urls += ["/admin/reports/locked/", "/admin/reports/aging-pages/", "/admin/reports/site-history/"]
        urls += ["/admin/reports/translation-status/", "/admin/account/"]
        for page in pages:
            urls += [f"/admin/pages/{page.pk}/edit/", f"/admin/pages/{page.pk}/history/"]
        urls.append(f"/admin/images/{CityImage.objects.get().pk}/")
        return urls

    def test_main_screens_show_no_english_interface_strings(self):
        """Dashboard, explorer, search, each page type's editor and history, images, documents, snippets, reports."""
        for url in self.screens():
            with self.subTest(url=url):
                response = self.client.get(url, headers={"accept-language": "id"}, follow=True)
                self.assertEqual(response.status_code, 200)
                shown = visible_texts(response.content)
                leaked = [english for english in ENGLISH_ON_SCREEN if english in shown]
                self.assertEqual(leaked, [], f"English on {url}")

    def test_the_admin_scripts_speak_indonesian(self):
        response = self.client.get("/admin/jsi18n/", headers={"accept-language": "id"})
        catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});", response.content.decode(), re.S).group(1))
        for english in ENGLISH_IN_SCRIPTS:
            with self.subTest(string=english):
                self.assertTrue(catalogue.get(english), f"{english!r} has no Indonesian in the admin's scripts")

    def test_expiry_is_spelled_kedaluwarsa(self):
        wagtail_status = "expired"  # Wagtail's page status; a variable, so makemessages does not count it as ours
        with translation.override("id"):
            self.assertEqual(translation.gettext(wagtail_status), "kedaluwarsa")
        response = self.client.get(f"/admin/pages/{self.news.pk}/edit/", headers={"accept-language": "id"})
        self.assertNotIn("adaluarsa", response.content.decode())

    def test_preview_modes_read_naturally(self):
        page = StandardPage.objects.get(pk=self.standard.pk)
        with translation.override("en"):
            self.assertEqual([str(label) for _, label in page.preview_modes][1], "As an English-speaking visitor")
        with translation.override("id"):
            self.assertEqual(
                [str(label) for _, label in page.preview_modes],
                ["Sebagai pengunjung berbahasa Indonesia", "Sebagai pengunjung berbahasa Inggris"],
            )


class ChooserLabelTests(TestCase):
    """A label is translated when it is shown, not once when the process first builds the form."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        agency = OPD.objects.create(name="Dinas Kebudayaan dan Pariwisata", acronym="Disbudpar", slug="disbudpar")
        cls.room = newsroom(agency, news_index(cls.home))

    def test_the_agency_chooser_speaks_the_editors_language(self):
        from django.contrib.auth import get_user_model

        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        url = f"/admin/pages/{Page.objects.get(pk=self.room.pk).pk}/edit/"
        indonesian = self.client.get(url, headers={"accept-language": "id"}).content.decode()
        self.assertIn("Pilih OPD (perangkat daerah)", indonesian)
        UserProfile.objects.update_or_create(user=admin, defaults={"preferred_language": "en"})
        english = self.client.get(url, headers={"accept-language": "en"}).content.decode()
        self.assertNotIn("Pilih OPD", english)
        self.assertIn("Choose OPD (city agency)", english)
