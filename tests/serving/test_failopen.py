"""Fail open, in-process: with the cache unreachable (a Redis address nobody listens on) pages are served
uncached, one warning is logged, and a bump lost in the outage is made up when the cache answers again."""

import logging

from django.core.cache import caches
from django.test import TestCase, override_settings

import pytest

from serving import cache as failopen
from serving import generation
from tests.factories.pages import home_page, standard_page
from tests.serving import stack
from tests.serving.redis import REDIS_CACHES, redis_available

NOBODY = "redis://127.0.0.1:8207/0"  # a port of ours where nothing listens


@override_settings(CACHES=stack.redis_caches(NOBODY, "cms-test-down"), PAGE_CACHE=True)
class UnreachableCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        standard_page(cls.home, "Tentang", "About")

    def setUp(self):
        failopen._last_warning[0] = float("-inf")

    def test_pages_are_served_uncached_with_one_warning(self):
        with self.assertLogs(failopen.LOGGER_NAME, logging.WARNING) as logged:
            statuses = [self.client.get(path) for path in ("/id/", "/id/tentang/", "/en/about/", "/id/tentang/")]
        self.assertEqual([response.status_code for response in statuses], [200, 200, 200, 200])
        self.assertEqual({response.headers["X-Cache"] for response in statuses}, {"miss"})
        self.assertEqual(len(logged.records), 1)
        self.assertIn("Cache unreachable", logged.records[0].getMessage())
        self.assertIsNone(generation.current())

    def test_a_request_tries_the_cache_once_for_the_generation(self):
        before = failopen.failures()
        with self.assertLogs(failopen.LOGGER_NAME, logging.WARNING):
            with generation.request_scope():
                generation.current()
                generation.current()
        self.assertEqual(failopen.failures() - before, 1)


@pytest.mark.skipif(not redis_available(), reason="Redis is not running at TEST_REDIS_URL")
@override_settings(CACHES=REDIS_CACHES)
class RecoveryTests(TestCase):
    def test_the_first_read_after_an_outage_makes_a_new_generation(self):
        """A bump lost while the cache was unreachable is made up by the first process to read it again."""
        before = generation.current()
        failopen.outage_seen()  # forget earlier outages
        with override_settings(CACHES=stack.redis_caches(NOBODY, "cms-test-down")):
            with self.assertLogs(failopen.LOGGER_NAME, logging.WARNING):
                failopen._last_warning[0] = float("-inf")
                caches["default"].get("anything")
        self.assertNotEqual(generation.current(), before)
        self.assertFalse(failopen.outage_seen())
