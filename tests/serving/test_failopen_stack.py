"""Fail open, on the real stack: with Redis stopped every page is served (uncached, never a 500), the
admin works, the warning is logged at most once a minute per worker; with Redis back, pages are cached
again by themselves. This module starts its own redis-server (and stops it) on a port of its own."""

import shutil
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

import pytest

from tests.serving import stack
from tests.serving.site import CitySite

REDIS_PORT, SERVER_PORT = 8203, 8204
REDIS_URL = f"redis://127.0.0.1:{REDIS_PORT}/0"
PREFIX = "cms-failopen"

pytestmark = [
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


class Redis:
    """A throwaway redis-server on loopback: no snapshot, no append-only file."""

    def __init__(self):
        self.process = None

    def start(self):
        command = ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        import redis

        while time.monotonic() < deadline:
            try:
                if redis.Redis(port=REDIS_PORT, socket_connect_timeout=0.2).ping():
                    return
            except redis.RedisError:
                time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(10)


@pytest.fixture(scope="module")
def redis_and_server(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if not stack.using_postgresql():
            pytest.skip("the real-stack tests run on PostgreSQL (DATABASE_URL)")
    caching = override_settings(CACHES=stack.redis_caches(REDIS_URL, PREFIX), PAGE_CACHE=False)
    caching.enable()
    redis, server = Redis(), None
    try:
        redis.start()
        server = stack.Server(SERVER_PORT, workers=3, redis_url=REDIS_URL, prefix=PREFIX)
        yield redis, server
    finally:
        if server is not None:
            server.stop()
        redis.stop()
        caching.disable()


def editor_cookie():
    """A logged-in administrator's session cookie (sessions live in the database, not in Redis)."""
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("pengelola", "pengelola@example.com", "pw"))
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def test_redis_stopped_means_slower_never_a_500(redis_and_server):
    redis, server = redis_and_server
    site = CitySite()
    site.news.save_revision().publish()
    urls = site.urls()
    first = stack.fetch_all(server.port, urls)
    cached = stack.fetch_all(server.port, urls)
    assert sum(answer.cache == "hit" for answer in cached.values()) >= 0.9 * len(urls)

    redis.stop()
    requests = [urls[index % len(urls)] for index in range(200)]
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda url: stack.fetch(server.port, url), requests))
    failures = [(answer.url, answer.status) for answer in answers if answer.status >= 500]
    assert not failures, failures
    assert [answer.status for answer in answers] == [first[url].status for url in requests]
    assert all(answer.cache == "miss" for answer in answers)  # rendered: nothing can be read or stored

    # The admin works: an editor's dashboard, page explorer and edit view, and the login page.
    cookie = editor_cookie()
    for path in ("/admin/", f"/admin/pages/{site.index.pk}/", f"/admin/pages/{site.news.pk}/edit/"):
        assert stack.fetch(server.port, path, cookies=cookie).status == 200, path
    assert stack.fetch(server.port, "/admin/login/").status == 200

    # An editor's change while Redis is down is served at once (nothing is cached) ...
    site.news.title_ind = "Festival Zamrudberita Baru"
    site.news.save_revision().publish()
    news_url = "/id/berita/dlh/festival-zamrudberita/"
    assert "Festival Zamrudberita Baru" in stack.fetch(server.port, news_url).body

    # ... and with Redis back, pages are cached again by themselves, showing the change.
    redis.start()
    # Each worker that saw the outage bumps the generation once when it next reaches Redis (serving/cache.py),
    # and gunicorn does not hand requests to its workers in turn: so ask until three answers in a row come
    # from the cache, a bounded number of times.
    again = []
    while len(again) < 60 and not (len(again) >= 6 and all(a.cache == "hit" for a in again[-3:])):
        again.append(stack.fetch(server.port, news_url))
    assert again[-1].cache == "hit", [answer.cache for answer in again]
    assert all("Festival Zamrudberita Baru" in answer.body for answer in again)

    # One warning a minute at most, per worker process.
    with open(f"/tmp/cms-stack-{SERVER_PORT}.log") as log:
        warnings = [line for line in log if "Cache unreachable" in line]
    assert 1 <= len(warnings) <= 3, warnings
