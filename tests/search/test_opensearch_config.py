"""The OpenSearch/Elasticsearch mapping of site_search: per-language analyzers, boosts, no cluster needed."""

from django.test import SimpleTestCase

from wagtail.search import index

from modelsearch.backends.elasticsearchbase import ElasticsearchBaseMapping

from home.models import HomePage, StandardPage
from search import opensearch


class OpenSearchConfigTests(SimpleTestCase):
    def mapping(self, model):
        mapper = ElasticsearchBaseMapping(model)
        # Fields of a Page subclass are stored as "<app>_<model>__<field>" in the index.
        pairs = (mapper.get_field_mapping(field) for field in opensearch.wagtail_search_fields(model))
        return {key.split("__")[-1]: value for key, value in pairs}

    def test_each_translated_field_gets_its_languages_analyzer(self):
        """title_ind uses the indonesian analyzer and title_en the english one, for every declared field."""
        mapping = self.mapping(StandardPage)
        for name in ("title", "summary", "body"):
            self.assertEqual(mapping[f"{name}_ind"]["analyzer"], "indonesian")
            self.assertEqual(mapping[f"{name}_en"]["analyzer"], "english")
            self.assertEqual(mapping[f"{name}_en"]["type"], "text")

    def test_weights_become_explicit_boosts(self):
        """Title (A) outweighs summary (B), which outweighs body (C); every field has a boost."""
        fields = {
            f.field_name: f for f in opensearch.wagtail_search_fields(StandardPage) if type(f) is index.SearchField
        }
        self.assertGreater(fields["title_en"].boost, fields["summary_en"].boost)
        self.assertGreater(fields["summary_en"].boost, fields["body_en"].boost)
        self.assertTrue(all(field.boost for field in fields.values()))

    def test_autocomplete_and_filter_fields(self):
        """Titles get per-language autocomplete fields, and the year source is a filter field."""
        fields = opensearch.wagtail_search_fields(HomePage)
        autocomplete = {f.field_name for f in fields if isinstance(f, index.AutocompleteField)}
        self.assertEqual(autocomplete, {"title_ind", "title_en"})
        self.assertIn("first_published_at", {f.field_name for f in fields if isinstance(f, index.FilterField)})

    def test_query_fields_follow_the_visitors_language(self):
        """site_search asks for the English columns from /en/ and the Indonesian ones from /id/."""
        self.assertEqual(opensearch.query_fields(StandardPage, "en"), ["title_en", "summary_en", "body_en"])
        self.assertEqual(opensearch.query_fields(StandardPage, "id"), ["title_ind", "summary_ind", "body_ind"])

    def test_backend_settings(self):
        """The backend entry names Wagtail's OpenSearch backend and the cluster URL."""
        config = opensearch.backend_settings("https://search.example:9200")
        self.assertEqual(config["BACKEND"], "wagtail.search.backends.opensearch2")
        self.assertEqual(config["URLS"], ["https://search.example:9200"])
