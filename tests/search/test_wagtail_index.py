"""Wagtail's admin search index rows are the same with each field prepared once (search/wagtail_index.py)."""

from unittest import mock

from django.db import connection
from django.test import TestCase

from modelsearch.backends import get_search_backend
from modelsearch.index import SearchField

from search import wagtail_index
from tests.factories.news import news_index, news_page, newsroom, opd
from tests.factories.pages import home_page

COLUMNS = ("title", "body", "autocomplete", "title_text", "body_text")


class PreparedOnceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        news_index()
        cls.page = news_page(
            newsroom(opd("diskominfo", "DISKOMINFO")),
            "Bimtek literasi data",
            "Data literacy workshop",
            summary_ind="Peserta dari seluruh perangkat daerah.",
            summary_en="Participants from every agency.",
        )

    def indexers(self):
        name = wagtail_index.BACKEND_MODULES[connection.vendor]
        module = __import__(name, fromlist=["ObjectIndexer"])
        backend = get_search_backend("default")
        return module.ObjectIndexer, wagtail_index.STOCK[name], backend

    def test_rows_are_the_stock_indexers_with_each_field_read_once(self):
        ours, stock, backend = self.indexers()
        self.assertTrue(issubclass(ours, wagtail_index.PreparedOnce), "install() did not replace the indexer")
        page = type(self.page).objects.get(pk=self.page.pk)
        calls = []
        get_value = SearchField.get_value

        def counted(field, obj):
            calls.append(field.field_name)
            return get_value(field, obj)

        columns = [column for column in COLUMNS if hasattr(stock, column)]  # SQLite's has no plain texts
        self.assertGreaterEqual(len(columns), 3)
        with mock.patch.object(SearchField, "get_value", counted):
            indexer = stock(page, backend)
            expected = [getattr(indexer, column) for column in columns]
            stock_calls = len(calls)
            calls.clear()
            indexer = ours(page, backend)
            found = [getattr(indexer, column) for column in columns]
        for column, mine, theirs in zip(columns, found, expected, strict=True):
            with self.subTest(column=column):
                self.assertEqual(repr(mine), repr(theirs))
        self.assertIn("summary_en", calls)
        self.assertEqual(len(calls), len(set(calls)), "a field was read more than once")
        self.assertGreaterEqual(stock_calls, (len(columns) - 1) * len(calls))
