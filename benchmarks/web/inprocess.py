"""Server time of the benchmark's pages in-process (Django's test client): no gunicorn, no wrk, no sockets.

Quicker than ``benchmarks/web/run`` and steadier for comparing two versions of the code on a busy
machine: run it on the site that ``run`` seeded, with the same settings, alternating the versions.

    export DJANGO_DEBUG=0 DJANGO_SECRET_KEY=bench DJANGO_ALLOWED_HOSTS=127.0.0.1,localhost \\
        DJANGO_SECURE_SSL_REDIRECT=0 PAGE_CACHE=0 CACHE_KEY_PREFIX=bench \\
        DATABASE_URL=postgresql://postgres@127.0.0.1:5432/perfbench REDIS_URL=redis://127.0.0.1:6379/7 \\
        MEDIA_ROOT=$PWD/benchmarks/web/media-pg
    .venv/bin/python benchmarks/web/inprocess.py [--requests 40] [path ...]

For each page: p50, p25 and the fastest of the wall time, the p50 of this process's CPU time (less
disturbed by other work on the machine) and the number of queries once warm.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path


def parse_args(argv=None):
    """The options (parsed before Django starts, so that --help is instant)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("paths", nargs="*", help="pages to measure (default: the HTTP benchmark's, and /en/ ones)")
    return parser.parse_args(argv)


if __name__ == "__main__":
    parse_args()  # --help and a mistyped option answer here

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.web.bench import PAGES  # noqa: E402

ENGLISH = ["/en/", "/en/news/"]


def measure(client, path, requests):
    for _ in range(3):  # warm-up: derived data cached, renditions made
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"{path}: status {response.status_code}")
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    query_count = len(queries)  # now: the next request's start clears the connection's query log
    wall, cpu = [], []
    for _ in range(requests):
        started, started_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    wall.sort()
    return {
        "p50": statistics.median(wall),
        "p25": wall[len(wall) // 4],
        "min": wall[0],
        "cpu": statistics.median(cpu),
        "queries": query_count,
    }


def main():
    options = parse_args()
    paths = options.paths or [path for _name, path, _kind in PAGES] + ENGLISH
    client = Client(HTTP_HOST="127.0.0.1")
    print(f"{'page':58s} {'p50':>7s} {'p25':>7s} {'min':>7s} {'cpu p50':>8s} {'queries':>8s}")
    for path in paths:
        figures = measure(client, path, options.requests)
        print(
            f"{path[:58]:58s} {figures['p50']:6.1f}  {figures['p25']:6.1f}  {figures['min']:6.1f}"
            f"  {figures['cpu']:7.1f}  {figures['queries']:7d}",
            flush=True,
        )


if __name__ == "__main__":
    main()
