"""HomePage and StandardPage: tree rules, the real admin form in both languages, rendering and preview."""

from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from home.models import HomePage, StandardPage
from tests.factories.pages import home_page, standard_page


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)

    def test_tree_rules(self):
        """The home page sits only under the tree root, once."""
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertEqual(HomePage.max_count, 1)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_renders_and_is_editable_and_previewable(self):
        self.assertPageIsRenderable(self.home)
        # StreamField inputs are built by JavaScript, so the form data is given explicitly.
        data = nested_form_data(
            {
                "title_ind": "Beranda",
                "title_en": "Home",
                "slug_ind": "beranda",
                "featured_sections_ind": streamfield([]),
                "featured_sections_en": streamfield([]),
                "services": streamfield([]),
                "news_count": 4,
                "events_count": 3,
                "show_smartcity_progress": "on",
            }
        )
        self.assertPageIsEditable(self.home, post_data=data)
        self.assertPageIsPreviewable(self.home, mode="id", post_data=data)
        self.assertPageIsPreviewable(self.home, mode="en", post_data=data)

    def test_hero_renders_in_each_language(self):
        with translation.override("id"):
            self.home.hero_heading_ind = "Selamat datang di Tanjungpinang"
            self.home.hero_heading_en = "Welcome to Tanjungpinang"
            self.home.save_revision().publish()
        self.assertContains(self.client.get("/id/"), "<h1>Selamat datang di Tanjungpinang</h1>", html=True)
        self.assertContains(self.client.get("/en/"), "<h1>Welcome to Tanjungpinang</h1>", html=True)


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)

    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanCreateAt(HomePage, StandardPage)

    def test_create_through_admin_form_with_both_languages(self):
        """An editor fills Indonesian and English in one form; both versions are published."""
        data = nested_form_data(
            {
                "title_ind": "Layanan Publik",
                "title_en": "Public Services",
                "slug_ind": "layanan-publik",
                "slug_en": "public-services",
                "summary_ind": "Daftar layanan publik kota.",
                "summary_en": "The city's public services.",
                "body_ind": streamfield([("paragraph", rich_text("<p>Isi bahasa Indonesia.</p>"))]),
                "body_en": streamfield([("paragraph", rich_text("<p>English body.</p>"))]),
                "action-publish": "publish",
            }
        )
        self.assertCanCreate(self.home, StandardPage, data)
        page = StandardPage.objects.get(slug_ind="layanan-publik")
        self.assertTrue(page.live)
        self.assertEqual(page.title_en, "Public Services")
        self.assertContains(self.client.get("/id/layanan-publik/"), "Isi bahasa Indonesia.")
        self.assertContains(self.client.get("/en/public-services/"), "English body.")

    def test_admin_form_requires_indonesian_summary(self):
        """Publishing with a required Indonesian field empty gives a form error, not a 500."""
        url = f"/admin/pages/add/home/standardpage/{self.home.pk}/"
        response = self.client.post(
            url,
            nested_form_data(
                {
                    "title_ind": "Tanpa ringkasan",
                    "slug_ind": "tanpa-ringkasan",
                    "body_ind": streamfield([]),
                    "body_en": streamfield([]),
                    "action-publish": "publish",
                }
            ),
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(StandardPage.objects.filter(slug_ind="tanpa-ringkasan").exists())
        self.assertIn("summary_ind", response.context["form"].errors)

    def test_edit_form_shows_both_languages_fields(self):
        page = standard_page(self.home, "Kontak", "Contact")
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        fields = response.context["form"].fields
        for name in (
            "title_ind",
            "title_en",
            "slug_ind",
            "slug_en",
            "summary_ind",
            "summary_en",
            "body_ind",
            "body_en",
        ):
            self.assertIn(name, fields)
        # Labels say [id], not [ind], so the locale picker can group them (wagtail-modeltranslation's locale picker looks for "[id]").
        self.assertContains(response, "[id]")
        self.assertNotContains(response, "[ind]")

    def test_preview_in_each_language_whatever_the_admin_language(self):
        """Preview mode "en" renders English, "id" Indonesian, even for an admin working in English."""
        page = standard_page(self.home, "Pariwisata", "Tourism")
        profile = UserProfile.get_for_user(self.user)
        profile.preferred_language = "en"
        profile.save()
        preview_url = f"/admin/pages/{page.pk}/edit/preview/"
        for mode, lang, title in (("id", "id", "Pariwisata"), ("en", "en", "Tourism")):
            data = nested_form_data(
                {
                    "title_ind": "Pariwisata",
                    "title_en": "Tourism",
                    "slug_ind": "pariwisata",
                    "slug_en": "tourism",
                    "summary_ind": "Ringkasan",
                    "summary_en": "Summary",
                    "body_ind": streamfield([]),
                    "body_en": streamfield([]),
                }
            )
            self.client.post(preview_url, data)
            response = self.client.get(preview_url, {"mode": mode})
            self.assertContains(response, f'<html lang="{lang}">')
            self.assertContains(response, f"<h1>{title}</h1>", html=True)

    def test_preview_of_untranslated_page_shows_the_fallback_notice(self):
        page = standard_page(self.home, "Hanya Indonesia", "")
        preview_url = f"/admin/pages/{page.pk}/edit/preview/"
        data = nested_form_data(
            {
                "title_ind": "Hanya Indonesia",
                "slug_ind": "hanya-indonesia",
                "summary_ind": "R",
                "body_ind": streamfield([]),
                "body_en": streamfield([]),
            }
        )
        self.client.post(preview_url, data)
        response = self.client.get(preview_url, {"mode": "en"})
        self.assertContains(response, "This page is only available in Indonesian.")
