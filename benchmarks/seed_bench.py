"""Benchmark ``seed_demo``: CPU seconds, wall seconds and database queries for one seed of the demo site.

    .venv/bin/python benchmarks/seed_bench.py                  # in-memory SQLite, freshly migrated
    .venv/bin/python benchmarks/seed_bench.py --runs 3         # three seeds in one process
    .venv/bin/python benchmarks/seed_bench.py --profile 30     # and cProfile's 30 costliest functions
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/seedbench .venv/bin/python benchmarks/seed_bench.py

Many test classes seed the demo site (``tests.factories.demo.seed_demo``: Wagtail's tree root, then
``manage.py seed_demo --no-users``), so its cost is paid again and again by the test suite. The benchmark
runs under the test settings on a test database made as pytest-django makes it (SQLite in memory, or
``test_<name>`` of DATABASE_URL's database on PostgreSQL, dropped and created again) and seeds as the
tests do: each run inside a transaction that is rolled back, as a ``TestCase`` does, so every run starts
from the migrated, empty database. The first run also pays for what a process caches for the next ones.

CPU time is the process's user + system time (``time.process_time``), which depends far less on the
machine's load than wall time. Queries are counted by a connection wrapper (an ``executemany`` counts once).
"""

import argparse
import os
import sys
from pathlib import Path


def parse_args(argv=None):
    """The options (parsed before Django starts, so that --help is instant)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=1, help="seeds in one process, each rolled back (1)")
    parser.add_argument("--profile", type=int, default=0, metavar="N", help="print cProfile's N costliest functions")
    parser.add_argument(
        "--sort", default="tottime", choices=["tottime", "cumulative"], help="cProfile's order (tottime)"
    )
    parser.add_argument("--profile-file", metavar="PATH", help="also save the first run's profile (pstats) here")
    return parser.parse_args(argv)


if __name__ == "__main__":
    ARGS = parse_args()  # --help and a mistyped option answer here

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.test_settings")

import cProfile  # noqa: E402
import io  # noqa: E402
import pstats  # noqa: E402
import time  # noqa: E402

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402


class Rollback(Exception):
    """Raised at the end of a run to roll its transaction back."""


def seed_once(profiler=None):
    """One seed, as the tests do it, rolled back; returns (cpu seconds, wall seconds, queries)."""
    from tests.factories.demo import seed_demo

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    cpu, wall = time.process_time(), time.perf_counter()
    try:
        with connection.execute_wrapper(count), transaction.atomic():
            if profiler:
                profiler.enable()
            try:
                seed_demo()
            finally:
                if profiler:
                    profiler.disable()
            cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
            raise Rollback
    except Rollback:
        pass
    return cpu, wall, queries


def main(args):
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
        profiler = cProfile.Profile() if args.profile or args.profile_file else None
        for run in range(1, args.runs + 1):
            cpu, wall, queries = seed_once(profiler if run == 1 else None)
            print(f"run {run}: {cpu:.2f} s CPU, {wall:.2f} s wall, {queries:,} queries")
        if profiler and args.profile_file:
            profiler.dump_stats(args.profile_file)
        if profiler and args.profile:
            out = io.StringIO()
            pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.profile)
            print("first run, profiled (the profiler adds to the times above):")
            print(out.getvalue())
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main(ARGS)
