"""Benchmark background tasks: what a publish costs with the index updates run in the request (the immediate
backend) and queued for the worker (the database backend, production's), and how fast the worker runs them.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/tasks_bench .venv/bin/python benchmarks/tasks_bench.py
    .venv/bin/python benchmarks/tasks_bench.py --pages 100        # SQLite (a temporary file)

It migrates the database, publishes N standard pages under a fresh parent with each backend (each page added
and its revision published, as the admin does), prints the median and 95th percentile of one publish in
milliseconds and the number of task rows queued per publish, then runs ``db_worker --batch`` over the queue
and prints the tasks per second it managed. The pages and task rows are removed at the end.
"""

import sys
from pathlib import Path

# benchmarks/ holds a package named http/: off the path, or it would shadow the standard library's http.
HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != HERE]

import argparse  # noqa: E402
import os  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def publish_many(parent, count, label):
    from django.utils import translation

    from home.models import StandardPage

    timings = []
    with translation.override("id"):
        for number in range(count):
            slug = f"bench-{label}-{number}"
            page = StandardPage(
                title_ind=f"Halaman uji {label} {number}", summary_ind="Ringkasan", slug=slug, slug_ind=slug
            )
            started = time.perf_counter()
            parent.add_child(instance=page)
            page.save_revision().publish()
            timings.append((time.perf_counter() - started) * 1000)
    return timings


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_DEBUG", "1")
    os.environ["DJANGO_TASKS_BACKEND"] = "immediate"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
    if not os.environ.get("DATABASE_URL"):
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='tasks-bench-')}/bench.sqlite3"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import override_settings
    from django.utils import translation

    from wagtail.models import Page

    from django_tasks_db.models import DBTaskResult

    from cms.settings import tasks_config
    from home.models import StandardPage

    call_command("migrate", interactive=False, verbosity=0)
    call_command("update_translation_fields", verbosity=0)
    root = Page.get_first_root_node()
    with translation.override("id"):
        bench = StandardPage(title_ind="Bench", summary_ind="Bench", slug="tasks-bench", slug_ind="tasks-bench")
        parent = root.add_child(instance=bench)
    print(f"{connection.vendor}, {args.pages} publishes per backend")
    try:
        for name in ("immediate", "database"):
            with override_settings(TASKS=tasks_config(name)):
                before = DBTaskResult.objects.count()
                timings = publish_many(parent, args.pages, name)
                queued = DBTaskResult.objects.count() - before
            print(
                f"{name:>9}: publish p50 {statistics.median(timings):6.1f} ms, p95 {percentile(timings, 95):6.1f} ms;"
                f" {queued / args.pages:.1f} tasks queued per publish"
            )
        with override_settings(TASKS=tasks_config("database")):
            started = time.perf_counter()
            call_command("db_worker", batch=True, startup_delay=False, reload=False, interval=0, verbosity=0)
            elapsed = time.perf_counter() - started
        done = DBTaskResult.objects.filter(status="SUCCESSFUL").count()
        failed = DBTaskResult.objects.filter(status="FAILED").count()
        print(f"   worker: {done} tasks in {elapsed:.1f} s ({done / elapsed:.0f} tasks/s), {failed} failed")
    finally:
        parent.refresh_from_db()
        parent.delete()
        DBTaskResult.objects.all().delete()


if __name__ == "__main__":
    main()
