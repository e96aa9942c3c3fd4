"""Benchmark how an article reads its links: the ORM's three small queries against one UNION ALL in SQL.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/links_bench .venv/bin/python benchmarks/news_links.py
    .venv/bin/python benchmarks/news_links.py --reads 2000       # SQLite (a temporary test database)

An article shows its tags, co-organising OPDs and related pages. ``news.links.link_rows`` reads the three
link tables in one hand-written ``UNION ALL`` (the ORM cannot keep annotated columns in the same order
across a union); the alternative is one ORM query per table. The article keeps the result with
``remember()`` until the content changes, so either runs once per article after each change.

The benchmark builds a test database (``test_`` + the configured name, dropped at the end), one article
with 6 tags, 6 co-organising OPDs and 6 related pages, and times ``--reads`` reads of the link ids each
way (the same rows, checked equal), then the whole ``links_from_database`` (with the related pages'
titles). It prints the median and 95th percentile per read in milliseconds and the queries per read.
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
import time  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.test_settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment  # noqa: E402

from news import links  # noqa: E402
from news.models import NewsPage, NewsRelatedPage  # noqa: E402
from tests.factories import news as news_factories  # noqa: E402
from tests.factories.heritage_pages import heritage_index, heritage_site  # noqa: E402
from tests.factories.pages import home_page  # noqa: E402


def union_rows(page):
    """``news.links.link_rows`` (one UNION ALL), as ``(tags, OPD ids, page ids)`` in display order."""
    ordered = sorted(links.link_rows(page), key=lambda row: (row[0], row[2] or 0, row[1]))
    tags = [(row[3], row[4]) for row in ordered if row[0] == "tag"]
    return tags, [row[1] for row in ordered if row[0] == "opd"], [row[1] for row in ordered if row[0] == "page"]


def orm_rows(page):
    """The same with the ORM: one query per link table."""
    tags = list(page.tagged_items.order_by("pk").values_list("tag__name", "tag__slug"))
    opd_ids = list(
        page.co_opds.through.objects.filter(newspage_id=page.pk).order_by("pk").values_list("opd_id", flat=True)
    )
    page_rows = page.related_pages.order_by().values_list("sort_order", "page_id")
    return tags, opd_ids, [page_id for _order, page_id in sorted(page_rows, key=lambda row: (row[0] or 0, row[1]))]


def timed(label, reads, read):
    with CaptureQueriesContext(connection) as queries:
        read()
    times = []
    for _ in range(reads):
        start = time.perf_counter()
        read()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"{label:<44} median {statistics.median(times):6.3f} ms   p95 {p95:6.3f} ms   {len(queries)} queries")
    return statistics.median(times)


def build():
    home_page()
    room = news_factories.newsroom(news_factories.opd("dlh", "DLH"))
    article = news_factories.news_page(room, "Artikel", "Article", tags=[f"tag {n}" for n in range(6)])
    area = heritage_index()
    for number in range(6):
        article.co_opds.add(news_factories.opd(f"opd-{number}"))
        article.related_pages.add(NewsRelatedPage(page=heritage_site(area, f"Situs {number}", f"Site {number}")))
    article.save()
    return NewsPage.objects.get(pk=article.pk)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=1000)
    options = parser.parse_args()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        article = build()
        print(f"{connection.vendor}, {options.reads} reads of one article's links (6 tags, 6 OPDs, 6 pages)")
        assert union_rows(article) == orm_rows(article), "the two reads disagree"
        union = timed("link ids, one UNION ALL (news.links)", options.reads, lambda: union_rows(article))
        orm = timed("link ids, three ORM queries", options.reads, lambda: orm_rows(article))
        timed("links_from_database (with the pages' titles)", options.reads, lambda: links.links_from_database(article))
        print(f"the ORM costs {orm - union:+.3f} ms per read after a content change")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


if __name__ == "__main__":
    main()
