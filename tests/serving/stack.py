"""The real stack for tests: gunicorn workers on loopback over the test database, Redis, and an HTTP
client that fetches many URLs at once. Used by the tests/serving/test_*_stack.py modules."""

import gzip
import http.client
import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def using_postgresql():
    return connection.vendor == "postgresql"


def redis_caches(redis_url, prefix):
    """CACHES as production builds them from REDIS_URL and CACHE_KEY_PREFIX."""
    return {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": f"{prefix}:{alias}",
            "TIMEOUT": timeout,
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
        }
        for alias, timeout in (("default", 300), ("pages", 3600), ("renditions", 86400))
    }


def database_url():
    db = connection.settings_dict
    return f"postgresql://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Server:
    """gunicorn serving the site with ``workers`` workers on ``port`` (stopped with ``stop()``)."""

    def __init__(self, port, workers, redis_url=None, prefix="stack", no_cache=False, database=None, env=None):
        self.port = port
        extra_env = env or {}  # more settings from the environment (the S3 bucket, for one)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.serving.stack_settings",
            "DJANGO_SECRET_KEY": settings.SECRET_KEY,  # sessions made by the tests are valid there
            "DJANGO_DEBUG": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": database or database_url(),
            "DATABASE_CONN_MAX_AGE": "60",
            "MEDIA_ROOT": str(settings.MEDIA_ROOT),
            "CACHE_KEY_PREFIX": prefix,
            "PAGE_CACHE": "1",
            "SEARCH_LOG_FLUSH_SECONDS": "3600",
        }
        env.pop("REDIS_URL", None)
        if redis_url:
            env["REDIS_URL"] = redis_url
        if no_cache:
            env["STACK_NO_CACHE"] = "1"
        env.update(extra_env)
        command = [sys.executable, "-m", "gunicorn", "cms.wsgi", "--workers", str(workers)]
        command += ["--bind", f"127.0.0.1:{port}", "--timeout", "60", "--graceful-timeout", "2"]
        self.log = open(f"/tmp/cms-stack-{port}.log", "w")  # noqa: SIM115  (closed in stop())
        self.process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_up()

    def wait_until_up(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn on {self.port} stopped: see /tmp/cms-stack-{self.port}.log")
            try:
                if fetch(self.port, "/robots.txt").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn on {self.port} did not answer in {timeout} s")

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@dataclass
class Answer:
    url: str
    status: int
    body: str
    cache: str
    started: float = 0.0
    ended: float = 0.0

    def shows(self, marker):
        return marker in self.body


def fetch(port, url, cookies=None):
    """GET ``url`` as a browser would (gzip accepted, redirects not followed)."""
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    headers = {"Accept-Encoding": "gzip", "Accept-Language": "id"}
    if cookies:
        headers["Cookie"] = cookies
    try:
        conn.request("GET", url, headers=headers)
        response = conn.getresponse()
        body = response.read()
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return Answer(
            url,
            response.status,
            body.decode("utf-8", "replace"),
            response.getheader("X-Cache", "-"),
            started,
            time.monotonic(),
        )
    finally:
        conn.close()


def fetch_all(port, urls, clients=8):
    """Every URL fetched at once by ``clients`` concurrent clients: ``{url: Answer}``."""
    with ThreadPoolExecutor(clients) as pool:
        return dict(zip(urls, pool.map(lambda url: fetch(port, url), urls), strict=True))
