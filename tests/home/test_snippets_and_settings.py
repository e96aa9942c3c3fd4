"""The OPD register and the site settings are edited in both languages and shown in the visitor's."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import translation

from wagtail.models import Site

from home.models import OPD, SiteSettings
from tests.factories.pages import home_page


class OPDAdminTests(TestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))

    def test_create_opd_with_both_languages_names(self):
        """An administrator adds an OPD with its Indonesian and English names in one form."""
        response = self.client.post(
            "/admin/snippets/home/opd/add/",
            {
                "name_ind": "Dinas Komunikasi dan Informatika",
                "name_en": "Communications and Informatics Agency",
                "acronym": "Diskominfo",
                "slug": "diskominfo",
                "opd_type": "dinas",
                "website": "",
                "email": "",
                "phone": "",
                "address": "",
                "active": "on",
            },
        )
        self.assertEqual(response.status_code, 302)
        opd = OPD.objects.get(slug="diskominfo")
        with translation.override("en"):
            self.assertEqual(opd.name, "Communications and Informatics Agency")
        with translation.override("id"):
            self.assertEqual(opd.name, "Dinas Komunikasi dan Informatika")

    def test_missing_indonesian_name_is_a_form_error(self):
        response = self.client.post(
            "/admin/snippets/home/opd/add/",
            {"name_ind": "", "name_en": "Agency", "acronym": "X", "slug": "x", "opd_type": "dinas"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("name_ind", response.context["form"].errors)
        self.assertFalse(OPD.objects.filter(slug="x").exists())

    def test_bad_type_is_a_form_error(self):
        response = self.client.post(
            "/admin/snippets/home/opd/add/",
            {"name_ind": "Badan", "acronym": "B", "slug": "b", "opd_type": "kementerian"},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("opd_type", response.context["form"].errors)


class SiteSettingsTests(TestCase):
    def setUp(self):
        home_page()
        self.site = Site.objects.get(is_default_site=True)

    def test_footer_shows_settings_in_visitors_language(self):
        settings = SiteSettings.for_site(self.site)
        settings.city_name_ind = "Pemerintah Kota Tanjungpinang"
        settings.city_name_en = "Tanjungpinang City Government"
        settings.footer_text_ind = "Hak cipta Pemerintah Kota"
        settings.footer_text_en = "Copyright City Government"
        settings.save()
        id_html = self.client.get("/id/").content.decode()
        en_html = self.client.get("/en/").content.decode()
        self.assertIn("Hak cipta Pemerintah Kota", id_html)
        self.assertIn("Copyright City Government", en_html)
        self.assertIn('<span class="site-brand__name">Tanjungpinang City Government</span>', en_html)

    def test_settings_edit_form_has_both_languages(self):
        self.client.force_login(get_user_model().objects.create_superuser("admin", "a@example.com", "pw"))
        response = self.client.get(f"/admin/settings/home/sitesettings/{self.site.pk}/")
        fields = response.context["form"].fields
        for name in ("city_name_ind", "city_name_en", "footer_text_ind", "footer_text_en"):
            self.assertIn(name, fields)
