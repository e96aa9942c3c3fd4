"""Deep pages of the newsroom: the same items as OFFSET paging, in the same order, at the cost of page 2.

The listing starts each page at the end of the archive month it falls in (a range on the publication date)
and skips only that month's items before the page; these tests check the pages a visitor gets against
plain OFFSET paging, and pin the cost by what the query reads: its OFFSET on every database, and the rows
the plan passes to its LIMIT under PostgreSQL's EXPLAIN ANALYZE.
"""

import datetime
import json
import re

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from news import listing
from news.models import NewsIndexPage, NewsType
from tests.factories import news as factories
from tests.factories.pages import home_page

WIB = datetime.timezone(datetime.timedelta(hours=7))
MONTHS = 14
PER_MONTH = 5  # 70 items: six pages of 12


def listing_query(queries):
    """The query that reads the ids of the listed page (the one with a LIMIT on the publication order)."""
    found = [
        query["sql"]
        for query in queries
        if query["sql"].startswith('SELECT "news_newspage"."page_ptr_id" AS "pk" FROM')
        and re.search(rf"LIMIT {listing.PAGE_SIZE}( OFFSET \d+)?$", query["sql"])
    ]
    assert len(found) == 1, found
    return found[0]


def offset_of(sql):
    match = re.search(r"OFFSET (\d+)", sql)
    return int(match.group(1)) if match else 0


class DeepPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home_page()
        cls.index = factories.news_index()
        cls.kominfo = factories.newsroom(factories.opd("diskominfo", "Diskominfo"))
        cls.dlh = factories.newsroom(factories.opd("dlh", "DLH"))
        for month in range(MONTHS):
            year, number = 2024 + (month // 12), month % 12 + 1
            for day in range(PER_MONTH):
                # One item a month at 23:00 WIB: still that month in Jakarta, the next day in UTC.
                moment = datetime.datetime(year, number, 28 - day * 5, 23 if day == 0 else 9, tzinfo=WIB)
                factories.news_page(
                    cls.kominfo if day % 2 else cls.dlh,
                    f"Berita {month}-{day}",
                    f"News {month}-{day}",
                    news_type=NewsType.BERITA if day % 3 else NewsType.BIMTEK,
                    publication_date=moment,
                )
        cls.index = NewsIndexPage.objects.get(pk=cls.index.pk)

    def expected(self, page, **scope):
        """The ids OFFSET paging lists on ``page``, for the newsroom narrowed by ``scope``."""
        items = self.index.news_items().filter(**scope).values_list("pk", flat=True)
        start = (page - 1) * listing.PAGE_SIZE
        return list(items[start : start + listing.PAGE_SIZE])

    def listed(self, url, page, **params):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url, {"page": page, **params})
        self.assertEqual(response.status_code, 200)
        return list(response.context["news_page_obj"].object_list), queries

    def test_every_page_lists_what_offset_paging_lists(self):
        """Each page of the city newsroom, its English twin and one OPD's view holds the same items in the same
        order as OFFSET paging, the last one included."""
        pages = -(-MONTHS * PER_MONTH // listing.PAGE_SIZE)
        for page in range(1, pages + 1):
            with self.subTest(page=page):
                self.assertEqual(self.listed("/id/berita/", page)[0], self.expected(page))
                self.assertEqual(self.listed("/en/news/", page)[0], self.expected(page))
        dlh = self.dlh.specific.opd
        for page in (1, 2, 3, 4):
            with self.subTest(opd_page=page):
                self.assertEqual(self.listed("/id/berita/opd/dlh/", page)[0], self.expected(page, owner_opd=dlh))

    def test_year_and_type_filters_list_what_offset_paging_lists(self):
        """A year's archive seeks too; a type filter (which the archive does not count) pages as before."""
        for page in (1, 2, 3, 4, 5):  # 60 items in 2024
            with self.subTest(page=page):
                ids, _queries = self.listed("/id/berita/", page, year="2024")
                self.assertEqual(ids, self.expected(page, publication_date__year=2024))
        for page in (1, 2, 3, 4):  # 42 news items of the type "berita"
            with self.subTest(type_page=page):
                ids, _queries = self.listed("/en/news/", page, type="berita")
                self.assertEqual(ids, self.expected(page, news_type=NewsType.BERITA))

    def test_a_deep_page_skips_no_more_rows_than_page_two(self):
        """The query of the last page skips at most one month's items, like page 2's: not the whole archive."""
        self.listed("/id/berita/", 1)  # the archive is counted and kept
        _ids, second = self.listed("/id/berita/", 2)
        _ids, last = self.listed("/id/berita/", 6)
        self.assertLess(offset_of(listing_query(second)), PER_MONTH)
        self.assertLess(offset_of(listing_query(last)), PER_MONTH)

    def test_the_plan_reads_as_many_rows_for_a_deep_page_as_for_page_two(self):
        """PostgreSQL's EXPLAIN ANALYZE: the rows the LIMIT reads through are at most a month and a page."""
        if connection.vendor != "postgresql":
            self.skipTest("EXPLAIN ANALYZE row counts are PostgreSQL's")
        self.listed("/id/berita/", 1)
        rows = {}
        for page in (2, 6):
            _ids, queries = self.listed("/id/berita/", page)
            with connection.cursor() as cursor:
                cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + listing_query(queries))
                plan = cursor.fetchone()[0]
            plan = json.loads(plan) if isinstance(plan, str) else plan
            limit = plan[0]["Plan"]
            self.assertEqual(limit["Node Type"], "Limit")
            rows[page] = limit["Plans"][0]["Actual Rows"]
        self.assertLessEqual(rows[6], PER_MONTH + listing.PAGE_SIZE, rows)
        self.assertLessEqual(rows[2], PER_MONTH + listing.PAGE_SIZE, rows)
        # OFFSET paging read every item before the last page: 60 rows and more.
        self.assertLess(rows[6], 5 * listing.PAGE_SIZE)
