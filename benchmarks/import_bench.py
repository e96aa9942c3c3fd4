"""Benchmark ``import_posts``: a generated Blogger export of N posts with local images, time and peak memory.

    .venv/bin/python benchmarks/import_bench.py                          # SQLite, 1,000 and 5,000 posts
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/importer_bench .venv/bin/python benchmarks/import_bench.py
    .venv/bin/python benchmarks/import_bench.py --posts 5000 --images 1000   # one size only
    .venv/bin/python benchmarks/import_bench.py --posts 1000 --wagtail-publish   # new posts through Wagtail's publish

For each size the benchmark starts a fresh process on a fresh database (a temporary SQLite file, or the
PostgreSQL database named in DATABASE_URL, dropped and created again), builds the newsroom, writes a Blogger
export (current format) of N posts, each a few paragraphs with one photo (``/s320/`` in the text, ``/s1600/``
as its link, like Blogger writes it) from a pool of N/5 images, generates those images as small JPEG files in a
temporary folder, and imports with ``--media-dir``. It prints the import's wall time, the number of pages and
images made, the import's CPU time (user + system, which does not depend on the machine's load as wall time
does) and database queries per post, the resident size after every 1,000 posts, and two memory figures: the process's peak resident size (``ru_maxrss``, what the machine has to
give it) and the Python heap's peak while the reader streams the whole file (tracemalloc, the part that would
grow with the file if the XML were loaded whole). Memory is flat when both stay the same as N grows.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "pemerintah kota tanjungpinang menggelar bimbingan teknis gerakan menuju smart city aula kantor wali "
    "senggarang peserta perangkat daerah kecamatan kelurahan masterplan narasumber kementerian komunikasi "
    "informatika tahap pertama analisis kesiapan visi dimensi tata kelola branding ekonomi lingkungan masyarakat"
).split()


def export_text(posts, images):
    """A Blogger export (current format) of ``posts`` posts sharing ``images`` photos."""
    rng = random.Random(16)
    blog = "tag:blogger.com,1999:blog-987654321"
    base = "https://blogger.googleusercontent.com/img/b/R29vZ2xl/AVvXsE"
    chunks = [
        "<?xml version='1.0' encoding='utf-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' "
        f"xmlns:blogger='http://schemas.google.com/blogger/2018'><id>{blog}</id><title>Bench</title>\n"
    ]
    for number in range(posts):
        photo = f"foto-{number % images:04d}.jpg"
        paragraphs = "".join(
            "<div style='text-align: justify;'>" + " ".join(rng.choices(WORDS, k=60)) + ".</div><br /><br />"
            for _ in range(4)
        )
        html = (
            f"<div class='separator'><a href='{base}/s1600/{photo}'><img src='{base}/s320/{photo}' "
            f"alt='Foto kegiatan {number}' /></a></div>{paragraphs}"
        )
        month = 1 + number % 12
        html = html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        chunks.append(
            f"<entry><id>{blog}.post-{number}</id><blogger:type>POST</blogger:type>"
            f"<blogger:status>LIVE</blogger:status><title>Kegiatan {number} {rng.choice(WORDS)}</title>"
            f"<content type='html'>{html}</content><published>2019-{month:02d}-10T10:00:00.000+07:00</published>"
            f"<category scheme='{blog}' term='Bimtek'/><blogger:filename>/2019/{month:02d}/kegiatan-{number}.html"
            "</blogger:filename></entry>\n"
        )
    chunks.append("</feed>\n")
    return "".join(chunks)


def make_images(folder, count):
    from PIL import Image

    for number in range(count):
        colour = (number * 7 % 256, number * 13 % 256, number * 29 % 256)
        image = Image.new("RGB", (96, 64), colour)
        image.putpixel((number % 96, number // 96 % 64), (255, 255, 255))  # every file different
        image.save(folder / f"foto-{number:04d}.jpg", format="JPEG", quality=85)


def fresh_database(url):
    """The PostgreSQL database in ``url`` dropped and created again (our own bench database only)."""
    import psycopg2
    from psycopg2 import sql

    name = url.rsplit("/", 1)[-1]
    if "bench" not in name:
        sys.exit("The PostgreSQL database name must contain 'bench' (it is dropped).")
    connection = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def child(posts, images, wagtail_publish=False):
    """One measurement, in this (fresh) process; prints a JSON line."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.test_settings")
    import django

    django.setup()
    from django.core.management import call_command

    from news.importing import sources
    from news.importing.models import ImportedImage
    from news.models import NewsPage

    call_command("migrate", verbosity=0, interactive=False)
    call_command("update_translation_fields", verbosity=0)
    from tests.news.importing.helpers import build_site

    build_site()
    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    (work / "album").mkdir()
    make_images(work / "album", images)
    export = work / "blog.xml"
    export.write_text(export_text(posts, images), encoding="utf-8")

    # The reader alone, with tracemalloc: the Python heap's peak while streaming every entry.
    tracemalloc.start()
    with export.open("rb") as handle:
        entries = sum(1 for _entry in sources.read_entries(handle, sources.BLOGGER))
    reader_peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    from django.db import connection

    queries = 0

    def count(execute, sql, params, many, context):
        nonlocal queries
        queries += 1
        return execute(sql, params, many, context)

    # The resident size now (not the peak) at every 1,000 posts: flat memory shows as the same figure each time.
    from news.importing.importer import Importer

    rss_by_posts = {}
    remember_batch = Importer.remember_batch

    def remember_and_measure(importer, batch):
        done = sum(importer.report.counts[key] for key in ("created", "updated", "unchanged", "kept", "skipped"))
        if done % 1000 == 0 and done:
            rss_by_posts[done] = round(current_rss() / 2**20)
        return remember_batch(importer, batch)

    Importer.remember_batch = remember_and_measure
    Importer.publish_in_one_write = not wagtail_publish

    cpu_before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    with connection.execute_wrapper(count):
        call_command(
            "import_posts",
            str(export),
            "--opd",
            "diskominfo",
            "--media-dir",
            str(work / "album"),
            stdout=open(os.devnull, "w"),
        )
    elapsed = time.perf_counter() - started
    rss_by_posts[posts] = round(current_rss() / 2**20)
    cpu_after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    print(
        json.dumps(
            {
                "posts": posts,
                "entries": entries,
                "file_mb": round(export.stat().st_size / 1e6, 1),
                "seconds": round(elapsed, 1),
                "cpu_seconds": round(cpu, 1),
                "cpu_ms_per_post": round(cpu * 1000 / posts, 1),
                "queries_per_post": round(queries / posts, 1),
                "pages": NewsPage.objects.count(),
                "images": ImportedImage.objects.values("image").distinct().count(),
                "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
                "reader_peak_kb": round(reader_peak / 1024),
                "rss_by_posts": rss_by_posts,
            }
        )
    )


def current_rss():
    """This process's resident size now, in bytes (Linux)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def reader_only(posts):
    """The streaming reader alone over a file of ``posts`` posts: seconds, file size and the heap's peak."""
    from news.importing import sources

    work = Path(tempfile.mkdtemp(prefix="import-bench-"))
    export = work / "blog.xml"
    export.write_text(export_text(posts, max(1, posts // 5)), encoding="utf-8")
    tracemalloc.start()
    started = time.perf_counter()
    with export.open("rb") as handle:
        entries = sum(1 for _entry in sources.read_entries(handle, sources.BLOGGER))
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = export.stat().st_size
    export.unlink()
    work.rmdir()
    return entries, size, elapsed, peak


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, action="append", help="Posts per run (default: 1000 and 5000).")
    parser.add_argument("--images", type=int, help="Distinct images (default: a fifth of the posts).")
    parser.add_argument(
        "--reader-posts", type=int, action="append", help="File sizes (in posts) for the reader alone (5000, 50000)."
    )
    parser.add_argument(
        "--wagtail-publish",
        action="store_true",
        help="Publish new posts through Wagtail's publish action, as before Importer.publish_new (to compare).",
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = args.posts or [1000, 5000]
    if args.child:
        child(sizes[0], args.images or max(1, sizes[0] // 5), args.wagtail_publish)
        return
    print("The streaming reader alone (no database): Python heap peak while reading every entry")
    print(f"{'posts':>7} {'file MB':>8} {'seconds':>8} {'heap peak KB':>13}")
    for posts in args.reader_posts or [5000, 50000]:
        entries, size, elapsed, peak = reader_only(posts)
        print(f"{entries:>7} {size / 1e6:>8.1f} {elapsed:>8.1f} {peak / 1024:>13.0f}")
    url = os.environ.get("DATABASE_URL", "")
    engine = "PostgreSQL" if url.startswith("postgres") else "SQLite"
    print(f"import_posts benchmark on {engine}")
    print(
        f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall time grows with it, CPU time not)"
    )
    print(
        f"{'posts':>6} {'images':>6} {'file MB':>8} {'wall s':>8} {'CPU s':>8} {'CPU ms/post':>12} "
        f"{'queries/post':>13} {'peak RSS MB':>12} {'reader heap KB':>15}"
    )
    for posts in sizes:
        env = dict(os.environ)
        if engine == "PostgreSQL":
            fresh_database(url)
        else:
            env["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='import-bench-db-')}/bench.sqlite3"
        images = args.images or max(1, posts // 5)
        command = [sys.executable, __file__, "--child", "--posts", str(posts), "--images", str(images)]
        if args.wagtail_publish:
            command.append("--wagtail-publish")
        output = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        if output.returncode:
            print(output.stdout, output.stderr, file=sys.stderr)
            sys.exit(output.returncode)
        result = json.loads(output.stdout.strip().splitlines()[-1])
        print(
            f"{result['posts']:>6} {result['images']:>6} {result['file_mb']:>8} {result['seconds']:>8} "
            f"{result['cpu_seconds']:>8} {result['cpu_ms_per_post']:>12} {result['queries_per_post']:>13} "
            f"{result['rss_mb']:>12} {result['reader_peak_kb']:>15}"
        )
        by_posts = ", ".join(f"{done}: {mb}" for done, mb in result["rss_by_posts"].items())
        print(f"       resident MB after N posts: {by_posts}")
        if result["pages"] != posts:
            print(f"  expected {posts} pages, found {result['pages']}", file=sys.stderr)


if __name__ == "__main__":
    main()
