"""Anonymous pages are cached whole (in Redis for real) under the generation; editors see fresh pages;
restricted pages are never stored; any committed change makes every cached page unreachable."""

import gzip
from unittest import mock

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import TestCase, override_settings
from django.utils import translation

import pytest

from serving import clock, generation, pagecache
from tests.factories.pages import home_page, standard_page
from tests.serving.redis import REDIS_CACHES, redis_available


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
        self.client.get("/id/")  # the first view ever creates the site settings (a change, so a new generation)

    def status(self, path, **kwargs):
        return self.client.get(path, **kwargs).headers.get("X-Cache")

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
        response = self.client.get("/id/tentang/")
        self.assertEqual(response.headers["X-Cache"], "skip")
        self.assertIn("private", response["Cache-Control"])

    def test_anonymous_hits_skip_the_inner_middleware(self):
        """A visitor with no session is answered before the session/auth middleware runs, with the page
        and headers as first rendered, in each language."""
        first = self.client.get("/en/about/")
        hit = self.client.get("/en/about/")
        self.assertEqual(hit.headers["X-Cache"], "hit")
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
            self.assertEqual(zipped_hit.headers["X-Cache"], "hit")
            self.assertEqual(plain_hit.headers["X-Cache"], "hit")
            self.assertEqual(zipped_hit["Content-Encoding"], "gzip")
            self.assertEqual(gzip.decompress(zipped_hit.content), plain.content)
            self.assertNotIn("Content-Encoding", plain_hit)
            self.assertEqual(plain_hit.content, plain.content)

    def test_a_hit_reads_the_generation_and_the_page_and_queries_nothing(self):
        """A hit is two cache reads (the generation, then the page) and no database query."""
        self.client.get("/id/tentang/")
        reads = []
        for alias in ("default", "pages"):
            cache = caches[alias]
            real_get = cache.get
            patcher = mock.patch.object(
                cache, "get", side_effect=lambda *a, _g=real_get, _n=alias, **k: reads.append(_n) or _g(*a, **k)
            )
            patcher.start()
            self.addCleanup(patcher.stop)
        with self.assertNumQueries(0):
            self.assertEqual(self.status("/id/tentang/"), "hit")
        self.assertEqual(reads, ["default", "pages"])

    def test_a_session_cookie_is_never_served_from_the_cache(self):
        """With a session cookie the page is rendered for that visitor and not stored."""
        self.client.get("/id/tentang/")
        self.client.cookies["sessionid"] = "not-a-session"
        response = self.client.get("/id/tentang/")
        self.assertEqual(response.headers["X-Cache"], "skip")
        self.assertTrue(hasattr(response.wsgi_request, "user"))

    def test_a_restricted_page_is_never_stored(self):
        """A page behind a password is sent private and no-store, and never comes from the cache, for an
        anonymous visitor or for one who gave the password."""
        from wagtail.models import PageViewRestriction

        PageViewRestriction.objects.create(page=self.about, restriction_type="password", password="rahasia")
        for _ in range(2):
            response = self.client.get("/id/tentang/sejarah/")
            self.assertEqual(response.status_code, 200)  # the password form
            self.assertNotEqual(response.headers["X-Cache"], "hit")
            self.assertIn("no-store", response["Cache-Control"])
            self.assertNotContains(response, "<h1>Sejarah</h1>", html=True)
        self.assertFalse(self.stored_keys())

    def test_time_based_changes_bound_the_lifetime(self):
        """An answer is never kept past the next moment serving.clock knows of."""
        import datetime

        from django.utils import timezone

        def soon():
            return timezone.now() + datetime.timedelta(seconds=30)

        clock.register(soon)
        self.addCleanup(clock._sources.remove, soon)
        with mock.patch.object(caches["pages"], "set", wraps=caches["pages"].set) as stored:
            response = self.client.get("/id/tentang/")
        self.assertLessEqual(stored.call_args.args[2], 30)
        self.assertIn("max-age=", response["Cache-Control"])

    def test_a_page_due_to_change_now_is_not_stored(self):
        from django.utils import timezone

        def now():
            return timezone.now() + __import__("datetime").timedelta(milliseconds=500)

        clock.register(now)
        self.addCleanup(clock._sources.remove, now)
        self.client.get("/id/tentang/")
        self.assertEqual(self.status("/id/tentang/"), "miss")

    def test_any_committed_change_makes_every_cached_page_unreachable(self):
        """A change that is not a page (an OPD) still makes every page render again."""
        from home.models import OPD

        for path in ("/id/", "/en/about/"):
            self.client.get(path)
            self.assertEqual(self.status(path), "hit")
        OPD.objects.create(name_ind="Dinas Uji", name_en="Test Agency", acronym="DU", slug="du")
        for path in ("/id/", "/en/about/"):
            self.assertEqual(self.status(path), "miss")

    def stored_keys(self):
        cache = caches["pages"]
        if hasattr(cache, "_cache"):
            return [key for key in cache._cache if f":page:{generation.current()}:" in key]
        return cache.keys(f"page:{generation.current()}:*")

    def test_query_strings_are_separate_pages(self):
        self.client.get("/id/tentang/?page=2")
        self.assertEqual(self.status("/id/tentang/?page=2"), "hit")
        self.assertEqual(self.status("/id/tentang/?page=3"), "miss")

    def test_a_cached_not_found_still_meets_the_redirects(self):
        """A redirect added later applies at once to a 404 that was cached (a new generation)."""
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
        self.assertEqual(zipped.headers["X-Cache"], "miss")
        self.assertIn(b"Our history", gzip.decompress(zipped.content))

    def test_a_change_inside_a_transaction_is_not_cached_before_its_commit(self):
        """The generation changes again when the transaction commits: a page rendered before the commit
        (under the number of the moment) is never served after it."""
        with self.captureOnCommitCallbacks(execute=False) as callbacks:
            self.child.title_en = "Our story"
            self.child.save_revision().publish()
            during = generation.current()
        self.assertTrue(callbacks)
        for callback in callbacks:
            callback()
        self.assertNotEqual(generation.current(), during)

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


@override_settings(PAGE_CACHE=True)
class LocalMemoryPageCacheTests(PageCacheBehaviour, TestCase):
    pass


@pytest.mark.skipif(not redis_available(), reason="Redis is not running at TEST_REDIS_URL")
@override_settings(PAGE_CACHE=True, CACHES=REDIS_CACHES)
class RedisPageCacheTests(PageCacheBehaviour, TestCase):
    def test_cache_lives_in_redis(self):
        self.client.get("/id/tentang/")
        self.assertIn("RedisCache", type(caches["pages"]).__name__)
        self.assertTrue(self.stored_keys())


class KeyTests(TestCase):
    def test_the_key_names_generation_language_encoding_and_url(self):
        from django.test import RequestFactory

        factory = RequestFactory()
        plain = pagecache.key_for(factory.get("/en/about/?page=2"), 5)
        zipped = pagecache.key_for(factory.get("/en/about/?page=2", HTTP_ACCEPT_ENCODING="gzip, br"), 5)
        other = pagecache.key_for(factory.get("/en/about/?page=3"), 5)
        later = pagecache.key_for(factory.get("/en/about/?page=2"), 6)
        indonesian = pagecache.key_for(factory.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="id"), 5)
        english = pagecache.key_for(factory.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en"), 5)
        self.assertEqual(len({plain, zipped, other, later, indonesian, english}), 6)
        self.assertTrue(plain.startswith("page:5:http:testserver:en:identity:"))

    def test_only_responses_the_key_covers_are_stored(self):
        from django.http import HttpResponse

        def response(**headers):
            answer = HttpResponse("x")
            for name, value in headers.items():
                answer[name.replace("_", "-")] = value
            return answer

        self.assertTrue(pagecache.storable(response(Vary="Accept-Encoding, Accept-Language")))
        self.assertFalse(pagecache.storable(response(Vary="Accept-Encoding, Cookie")))
        self.assertFalse(pagecache.storable(response(Cache_Control="private")))
        with_cookie = response()
        with_cookie.set_cookie("csrftoken", "x")
        self.assertFalse(pagecache.storable(with_cookie))
        self.assertFalse(pagecache.storable(HttpResponse(status=302)))
        self.assertTrue(pagecache.storable(HttpResponse(status=404)))


@override_settings(PAGE_CACHE=True)
class TimeBasedChangeTests(TestCase):
    """A news item dated in the future joins the lists when its date passes, with nobody saving: no page is
    kept past that moment (news registers the next publication date with serving.clock)."""

    def test_the_next_publication_date_bounds_every_answer(self):
        import datetime

        from django.utils import timezone

        from news import listing
        from tests.factories import news

        room = news.newsroom(news.opd("dlh"))
        news.news_page(room, "Segera", "Soon", publication_date=timezone.now() + datetime.timedelta(seconds=120))
        self.client.get("/id/")  # the first view ever creates the site settings (a new generation)
        with mock.patch.object(caches["pages"], "set", wraps=caches["pages"].set) as stored:
            self.client.get("/id/berita/")
            self.client.get("/en/news/")
        self.assertEqual(stored.call_count, 2)
        self.assertTrue(all(call.args[2] <= 120 for call in stored.call_args_list))
        self.assertIsNotNone(listing.next_publication())
