"""Each page type states once what search reads: the admin's page search and site search read the same list."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import SimpleTestCase, TestCase

from wagtail.models import Page
from wagtail.search import index

from search.fields import SiteSearchDeclared, SiteSearchField, admin_search_fields
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.pages import home_page

PROJECT_APPS = {"home", "news", "heritage_pages", "smartcity", "jdih", "ppid"}


def page_types():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model._meta.app_label in PROJECT_APPS and not model._meta.abstract
    ]


def own_search_fields(model, kind=index.SearchField):
    """The fields of ``kind`` a page type adds to Page's, without the per-language copies modeltranslation adds."""
    return {
        field.field_name
        for field in model.search_fields
        if type(field) is kind and field not in Page.search_fields and not field.field_name.endswith(("_ind", "_en"))
    }


def without_language_copies(fields):
    """(kind, field name) of each field, without the per-language copies wagtail-modeltranslation adds."""
    return [(type(field), field.field_name) for field in fields if not field.field_name.endswith(("_ind", "_en"))]


class DeclarationTests(SimpleTestCase):
    def test_the_admin_index_is_made_from_the_site_search_declaration(self):
        """Every declared field but the title (Page's own) is in Wagtail's index, and nothing else is."""
        declaring = [model for model in page_types() if getattr(model, "site_search_fields", None)]
        self.assertGreaterEqual(len(declaring), 17)
        for model in declaring:
            with self.subTest(model=model.__name__):
                declared = {field.name for field in model.site_search_fields} - {"title"}
                self.assertEqual(own_search_fields(model), declared)
                titles = {field.name for field in model.site_search_fields if field.weight == "A"} - {"title"}
                self.assertEqual(own_search_fields(model, index.AutocompleteField), titles)

    def test_page_types_without_a_declaration_add_nothing_to_search(self):
        """A page type site search skips (a newsroom that only redirects) adds no field to the admin's index."""
        for model in page_types():
            if not getattr(model, "site_search_fields", None):
                with self.subTest(model=model.__name__):
                    self.assertEqual(own_search_fields(model), set())

    def test_no_page_type_writes_its_own_search_fields(self):
        """Every page type takes its index from the declaration (SiteSearchDeclared refuses a class body that sets
        ``search_fields``), and nothing replaces that index after the class is made."""
        for model in page_types():
            with self.subTest(model=model.__name__):
                self.assertTrue(issubclass(model, SiteSearchDeclared))
                # What SiteSearchDeclared made is what admin_search_fields makes from the declaration, beside the
                # per-language copies wagtail-modeltranslation adds.
                made = admin_search_fields(model.site_search_fields, model.search_filter_fields)
                self.assertEqual(without_language_copies(model.search_fields), without_language_copies(made))

    def test_a_class_that_writes_search_fields_is_refused(self):
        with self.assertRaisesMessage(TypeError, "Written sets search_fields; declare site_search_fields"):

            class Written(SiteSearchDeclared):
                site_search_fields = [SiteSearchField("title", "A")]
                search_fields = []

    def test_helper_keeps_pages_fields_and_adds_filters(self):
        """Page's own fields (the title with autocomplete) come first; filters become FilterFields."""
        declared = [SiteSearchField("title", "A"), SiteSearchField("code", "A"), SiteSearchField("summary", "B")]
        fields = admin_search_fields(declared, ["category"])
        self.assertEqual(fields[: len(Page.search_fields)], list(Page.search_fields))
        added = [(type(field).__name__, field.field_name) for field in fields[len(Page.search_fields) :]]
        self.assertEqual(
            added,
            [
                ("SearchField", "code"),
                ("AutocompleteField", "code"),
                ("SearchField", "summary"),
                ("FilterField", "category"),
            ],
        )


class AdminSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.site = heritage_site(heritage_index(), "Gedung Tua", "Old building", official_name="Rumah Kapitan")
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")

    def test_admin_search_finds_a_page_by_a_title_weight_field(self):
        """The official name ranks as a title in site search, so the admin's page search finds the site by it."""
        self.client.force_login(self.admin)
        response = self.client.get("/admin/pages/search/?q=Kapitan")
        self.assertContains(response, "Gedung Tua")
