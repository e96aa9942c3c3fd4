"""Anonymous pages are cached whole (in Redis for real), editors see fresh pages, and changes purge."""

import gzip
import os
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import TestCase, override_settings
from django.utils import translation

import pytest

from home.caching import purge_patterns
from tests.factories.pages import home_page, standard_page

# Tests use their own Redis database; TEST_REDIS_URL lets two test runs on one machine keep apart.
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")

REDIS_CACHES = {
    alias: {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": TEST_REDIS_URL,
        "KEY_PREFIX": f"cms-test:{alias}",
    }
    for alias in ("default", "pages", "renditions")
} | {"derived-local": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "derived-local-test"}}


def redis_available():
    try:
        import redis

        return redis.Redis.from_url(TEST_REDIS_URL, socket_connect_timeout=1).ping()
    except Exception:
        return False


class PageCacheBehaviour:
    """Shared tests, run against the local-memory cache and against Redis."""

    @classmethod
    def setUpTestData(cls):
        cls.home = home_page()
        cls.about = standard_page(title_ind="Tentang", title_en="About", slug_ind="tentang", slug_en="about")
        cls.child = standard_page(
            cls.about, title_ind="Sejarah", title_en="History", slug_ind="sejarah", slug_en="history"
        )

    def setUp(self):
        caches["pages"].clear()

    def status(self, path, **kwargs):
        return self.client.get(path, **kwargs).headers.get("X-Wagtail-Cache")

    def test_anonymous_pages_are_cached(self):
        """The second anonymous request is served from the cache, in each language separately."""
        self.assertEqual(self.status("/id/tentang/"), "miss")
        self.assertEqual(self.status("/id/tentang/"), "hit")
        self.assertEqual(self.status("/en/about/"), "miss")
        self.assertEqual(self.status("/en/about/"), "hit")

    def test_browsers_keep_pages_briefly(self):
        response = self.client.get("/id/tentang/")
        self.assertIn("max-age=60", response["Cache-Control"])

    def test_editors_always_get_fresh_pages(self):
        self.client.get("/id/tentang/")
        self.client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.com", "pw"))
        self.assertEqual(self.status("/id/tentang/"), "skip")

    def test_anonymous_hits_skip_the_inner_middleware(self):
        """A visitor with no session is answered before the session/auth middleware runs, with the page
        and headers as first rendered, in each language."""
        first = self.client.get("/en/about/")
        hit = self.client.get("/en/about/")
        self.assertEqual(hit.headers["X-Wagtail-Cache"], "hit")
        self.assertFalse(hasattr(hit.wsgi_request, "user"))  # AuthenticationMiddleware never ran
        self.assertEqual(hit.content, first.content)
        self.assertEqual(hit.headers["Content-Language"], "en")
        self.assertEqual(hit.headers["X-Frame-Options"], first.headers["X-Frame-Options"])
        self.assertIn("max-age=60", hit["Cache-Control"])
        self.client.get("/id/tentang/")
        self.assertContains(self.client.get("/id/tentang/"), '<html lang="id">')

    def test_pages_go_compressed_to_browsers_that_accept_it(self):
        """HTML goes gzipped to a browser that asks for it, from the cache too; never to one that does not."""
        gzip_ok = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br, zstd"}
        plain = self.client.get("/en/about/")
        zipped = self.client.get("/en/about/", **gzip_ok)  # a variant of its own: rendered and cached
        self.assertNotIn("Content-Encoding", plain)
        self.assertEqual(zipped["Content-Encoding"], "gzip")
        self.assertIn("Accept-Encoding", zipped["Vary"])
        self.assertEqual(gzip.decompress(zipped.content), plain.content)
        self.assertLess(len(zipped.content), len(plain.content) / 2)
        for _ in range(2):
            zipped_hit = self.client.get("/en/about/", **gzip_ok)
            plain_hit = self.client.get("/en/about/")
            self.assertEqual(zipped_hit.headers["X-Wagtail-Cache"], "hit")
            self.assertEqual(plain_hit.headers["X-Wagtail-Cache"], "hit")
            self.assertEqual(zipped_hit["Content-Encoding"], "gzip")
            self.assertEqual(gzip.decompress(zipped_hit.content), plain.content)
            self.assertNotIn("Content-Encoding", plain_hit)
            self.assertEqual(plain_hit.content, plain.content)

    def test_a_hit_reads_the_cache_once(self):
        """Each worker keeps the URL's header list, so a repeat hit is one read of the cache."""
        self.client.get("/id/tentang/")
        self.client.get("/id/tentang/")
        cache = caches["pages"]
        reads = []
        real_get = cache.get
        with mock.patch.object(
            cache, "get", side_effect=lambda *args, **kwargs: reads.append(args) or real_get(*args, **kwargs)
        ):
            self.assertEqual(self.status("/id/tentang/"), "hit")
        self.assertEqual(len(reads), 1)

    def test_a_session_cookie_takes_the_full_path(self):
        """With a session cookie, wagtail-cache decides after the user is known (still a hit when anonymous)."""
        self.client.get("/id/tentang/")
        self.client.cookies["sessionid"] = "not-a-session"
        response = self.client.get("/id/tentang/")
        self.assertEqual(response.headers["X-Wagtail-Cache"], "hit")
        self.assertTrue(hasattr(response.wsgi_request, "user"))

    def test_query_strings_are_separate_pages(self):
        self.client.get("/id/tentang/?page=2")
        self.assertEqual(self.status("/id/tentang/?page=2"), "hit")
        self.assertEqual(self.status("/id/tentang/?page=3"), "miss")

    def test_a_cached_not_found_still_meets_the_redirects(self):
        """Cached 404s go through the redirects middleware, so a redirect added later applies."""
        from wagtail.contrib.redirects.models import Redirect

        self.assertEqual(self.client.get("/id/lama/").status_code, 404)
        self.assertEqual(self.client.get("/id/lama/").status_code, 404)
        Redirect.objects.create(old_path="/id/lama", redirect_link="/id/tentang/")
        self.assertRedirects(self.client.get("/id/lama/"), "/id/tentang/", status_code=301)

    def test_publishing_purges_page_parent_and_home_in_both_languages(self):
        gzip_ok = {"HTTP_ACCEPT_ENCODING": "gzip"}
        for path in ("/id/", "/en/", "/id/tentang/", "/en/about/", "/id/tentang/sejarah/", "/en/about/history/"):
            self.client.get(path)
            self.assertEqual(self.status(path), "hit", path)
        self.client.get("/en/about/history/", **gzip_ok)
        self.assertEqual(self.status("/en/about/history/", **gzip_ok), "hit")
        with translation.override("id"):
            self.child.title_en = "Our history"
            self.child.save_revision().publish()
        for path in ("/id/", "/en/", "/id/tentang/", "/en/about/", "/id/tentang/sejarah/", "/en/about/history/"):
            self.assertEqual(self.status(path), "miss", path)
        self.assertContains(self.client.get("/en/about/history/"), "Our history")
        zipped = self.client.get("/en/about/history/", **gzip_ok)  # the compressed copy is purged too
        self.assertEqual(zipped.headers["X-Wagtail-Cache"], "miss")
        self.assertIn(b"Our history", gzip.decompress(zipped.content))

    def test_unpublishing_purges_the_page(self):
        self.client.get("/id/tentang/sejarah/")
        self.child.unpublish()
        self.assertEqual(self.client.get("/id/tentang/sejarah/").status_code, 404)

    def test_deleting_purges_the_parent_listing(self):
        self.client.get("/id/tentang/")
        self.assertEqual(self.status("/id/tentang/"), "hit")
        self.child.delete()
        self.assertEqual(self.status("/id/tentang/"), "miss")

    def test_moving_purges_old_and_new_places(self):
        other = standard_page(title_ind="Layanan", title_en="Services", slug_ind="layanan", slug_en="services")
        for path in ("/id/tentang/", "/id/layanan/", "/id/tentang/sejarah/"):
            self.client.get(path)
        self.child.move(other, pos="last-child")
        self.assertEqual(self.status("/id/tentang/"), "miss")
        self.assertEqual(self.status("/id/layanan/"), "miss")
        # The old address is not served from the cache: Wagtail now redirects it to the new one.
        self.assertRedirects(self.client.get("/id/tentang/sejarah/"), "/id/layanan/sejarah/", status_code=301)
        self.assertEqual(self.client.get("/id/layanan/sejarah/").status_code, 200)


@override_settings(WAGTAIL_CACHE=True)
class LocalMemoryPageCacheTests(PageCacheBehaviour, TestCase):
    pass


@pytest.mark.skipif(not redis_available(), reason="Redis is not running at 127.0.0.1:6379")
@override_settings(WAGTAIL_CACHE=True, CACHES=REDIS_CACHES)
class RedisPageCacheTests(PageCacheBehaviour, TestCase):
    def test_cache_lives_in_redis(self):
        self.client.get("/id/tentang/")
        self.assertIn("RedisCache", type(caches["pages"]).__name__)
        self.assertTrue(caches["pages"].get("keyring"))


class PurgePatternTests(TestCase):
    def test_patterns_cover_both_languages(self):
        home = home_page()
        page = standard_page(home, title_ind="Berita", title_en="News", slug_ind="berita", slug_en="news")
        patterns = purge_patterns(page)
        self.assertTrue(any("/id/berita/" in p for p in patterns))
        self.assertTrue(any("/en/news/" in p for p in patterns))
        self.assertTrue(any(p.endswith("/id/(\\?.*)?$") for p in patterns))
