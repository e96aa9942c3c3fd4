"""Editor friendliness: help texts on every field editors fill, in Indonesian too; Indonesian required and
English optional with its state shown in the editor; validation messages that say what to fix."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase
from django.utils import translation

from modelcluster.fields import ParentalKey
from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Page
from wagtail.test.utils.form_data import streamfield

from editorial.models import PageTranslationStatus
from editorial.status import update_all
from home.models import StandardPage
from tests.editorial.site import EditorialSiteTestCase, standard_page_data
from tests.factories import news
from tests.factories.pages import home_page

# Apps whose models editors fill in the admin (search/ holds only machine-made rows).
EDITOR_APPS = ("home", "heritage_pages", "news", "smartcity", "images")
# Fields Wagtail or the image library provide, or that editors never fill by hand.
NOT_EDITOR_FIELDS = {
    ("images", "CityImage"): "*",  # Wagtail's image fields; alt text and credit are ours and have help texts
    ("images", "CityRendition"): "*",
    ("news", "NewsPageTag"): "*",
    ("news", "NewsRelatedPage"): {"news_page"},
}


def editor_fields():
    """(model, field) for every field of our models an editor fills: Page's own fields and keys excluded."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    for app_label in EDITOR_APPS:
        for model in apps.get_app_config(app_label).get_models():
            skipped = NOT_EDITOR_FIELDS.get((app_label, model.__name__), set())
            if skipped == "*":
                continue
            try:
                translated = translator.get_options_for_model(model).all_fields
            except NotRegistered:
                translated = {}
            originals = {name for name in translated}
            for field in model._meta.get_fields():
                if not getattr(field, "concrete", False) or field.auto_created or not field.editable:
                    continue
                if field.name in page_fields or field.name in skipped or isinstance(field, ParentalKey):
                    continue
                if field.model is not model and issubclass(model, Page):
                    continue
                if any(field.name in (f"{name}_ind", f"{name}_en") for name in originals):
                    continue  # each language's copy carries the original's help text
                yield model, field


class HelpTextTests(SimpleTestCase):
    def test_every_editor_field_has_a_help_text(self):
        """No field an editor fills is left without guidance."""
        missing = [f"{model.__name__}.{field.name}" for model, field in editor_fields() if not field.help_text]
        self.assertEqual(missing, [])

    def test_every_help_text_has_an_indonesian_translation(self):
        """The admin in Indonesian shows Indonesian help, not the English msgid."""
        untranslated = []
        for model, field in editor_fields():
            with translation.override("en"):
                english = str(field.help_text)
            with translation.override("id"):
                indonesian = str(field.help_text)
            if english == indonesian:
                untranslated.append(f"{model.__name__}.{field.name}: {english}")
        self.assertEqual(untranslated, [])

    def test_language_copies_keep_the_help_text(self):
        """Both languages' inputs of a translated field show the same guidance."""
        summary = StandardPage._meta.get_field("summary")
        for name in ("summary_ind", "summary_en"):
            self.assertEqual(StandardPage._meta.get_field(name).help_text, summary.help_text)


class RequiredLanguageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
        self.client.force_login(self.user)

    def post(self, **overrides):
        return self.client.post(f"/admin/pages/add/home/standardpage/{self.home.pk}/", standard_page_data(**overrides))

    def test_indonesian_summary_is_required_to_publish_with_a_message_on_the_field(self):
        """Publishing without the Indonesian summary is refused, with the error on that field."""
        response = self.post(summary_ind="", **{"action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("summary_ind", response.context["form"].errors)
        self.assertNotIn("summary_en", response.context["form"].errors)
        self.assertFalse(StandardPage.objects.filter(slug_ind="layanan-publik").exists())

    def test_english_is_optional(self):
        """A page publishes without any English; its state then shows "no English" in the editor."""
        response = self.post(
            title_en="", slug_en="", summary_en="", body_en=streamfield([]), **{"action-publish": "publish"}
        )
        self.assertEqual(response.status_code, 302)
        page = StandardPage.objects.get(slug_ind="layanan-publik")
        response = self.client.get(f"/admin/pages/{page.pk}/edit/")
        self.assertContains(response, 'data-translation-state="missing"')


class TranslationPanelTests(EditorialSiteTestCase):
    def test_every_content_page_type_shows_its_english_state(self):
        """Heritage, news and smart city edit views show the English state panel."""
        update_all()
        pages = [self.about, self.index, self.own_news, self.masterplan, self.governance, self.programme, self.site]
        pages.append(self.site.get_parent())
        self.client.force_login(self.editor)
        for page in pages:
            with self.subTest(page=type(page.specific).__name__):
                response = self.client.get(f"/admin/pages/{page.pk}/edit/")
                self.assertContains(response, "data-translation-state=")

    def test_report_attributes_programmes_and_heritage_sites_to_their_opd(self):
        """A programme belongs to its lead OPD and a heritage site to its custodian agency."""
        site = self.site
        site.custodian_opd = self.diskominfo
        site.save_revision().publish()
        update_all()
        self.assertEqual(PageTranslationStatus.objects.get(page_id=self.programme.pk).opd, self.dlh)
        self.assertEqual(PageTranslationStatus.objects.get(page_id=site.pk).opd, self.diskominfo)


class ValidationMessageTests(TestCase):
    """Spot checks: a refused form names the field and says what to do, in the admin's language."""

    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.room = news.newsroom(news.opd("dlh", "DLH"))

    def test_news_with_a_nik_names_the_problem(self):
        from tests.news.forms import news_form_data

        user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
        self.client.force_login(user)
        data = news_form_data(summary_ind="Peserta 3172010101010001 hadir.")
        response = self.client.post(f"/admin/pages/add/news/newspage/{self.room.pk}/", data)
        self.assertEqual(response.status_code, 200)
        errors = " ".join(str(error) for error in response.context["form"].errors.get("summary_ind", []))
        self.assertIn("NIK", errors)

    def test_field_errors_are_translated(self):
        """Our validation messages exist in Indonesian (checked on the programme and heritage forms' rules)."""
        from heritage_pages.models import HeritageSitePage
        from smartcity.models import SmartCityProgrammePage

        for model, message in (
            (SmartCityProgrammePage, "The programme cannot end before it starts."),
            (HeritageSitePage, "The end year is before the start year."),
        ):
            with self.subTest(model=model.__name__), translation.override("id"):
                self.assertNotEqual(translation.gettext(message), message)
