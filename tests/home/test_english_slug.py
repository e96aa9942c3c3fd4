"""When a translator first writes a page's English title, the page gets an English address made from it."""

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import translation

from editorial.models import PageTranslationStatus
from editorial.status import update_all
from home.models import StandardPage
from tests.factories.pages import home_page, standard_page


class EnglishSlugTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def indonesian_only(self, title="Maklumat Pelayanan", slug="maklumat-pelayanan", **fields):
        return standard_page(self.home, title_ind=title, title_en="", slug_ind=slug, **fields)

    def publish_english(self, page, **fields):
        page = StandardPage.objects.get(pk=page.pk)
        with translation.override("id"):
            for name, value in fields.items():
                setattr(page, name, value)
            page.save_revision().publish()
        return StandardPage.objects.get(pk=page.pk)

    def test_first_english_title_makes_the_english_slug(self):
        page = self.indonesian_only()
        page = self.publish_english(page, title_en="Service Charter")
        self.assertEqual(page.slug_en, "service-charter")
        self.assertEqual(self.client.get("/en/service-charter/").status_code, 200)
        self.assertEqual(self.client.get("/id/maklumat-pelayanan/").status_code, 200)

    def test_an_english_slug_the_editor_chose_is_kept(self):
        page = self.publish_english(self.indonesian_only(), title_en="Service Charter", slug_en="our-promise")
        self.assertEqual(page.slug_en, "our-promise")

    def test_a_later_change_of_the_english_title_keeps_the_address(self):
        page = self.publish_english(self.indonesian_only(), title_en="Service Charter")
        page = self.publish_english(page, title_en="Public Service Charter")
        self.assertEqual(page.slug_en, "service-charter")

    def test_the_new_slug_does_not_take_a_sibling_address(self):
        standard_page(self.home, title_ind="Piagam", title_en="Service Charter", slug_ind="piagam")
        page = self.publish_english(self.indonesian_only(), title_en="Service Charter")
        self.assertEqual(page.slug_en, "service-charter-2")

    def test_translation_status_names_an_english_page_on_the_indonesian_address(self):
        same = self.indonesian_only(title="Kontak", slug="kontak")
        StandardPage.objects.filter(pk=same.pk).update(title_en="Contact", slug_en="kontak")
        own = self.publish_english(self.indonesian_only(), title_en="Service Charter")
        update_all()
        with translation.override("en"):
            note = str(PageTranslationStatus.objects.get(page_id=same.pk).english_slug_note)
        self.assertEqual(note, "Same as the Indonesian address")
        self.assertEqual(PageTranslationStatus.objects.get(page_id=own.pk).english_slug_note, "")
        admin = get_user_model().objects.create_superuser("admin", "a@example.org", "pw")
        self.client.force_login(admin)
        response = self.client.get("/admin/reports/translation-status/", headers={"accept-language": "en"})
        self.assertContains(response, "Same as the Indonesian address")
