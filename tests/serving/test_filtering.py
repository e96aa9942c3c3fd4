"""One filter mechanism for every public listing (serving/filtering.py): hostile or unknown values are ignored
by each listing, and each export lists exactly the rows of its HTML listing for the same filters."""

import csv
import datetime
import io
import json

from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from heritage_pages.filters import HeritageSiteFilterSet
from heritage_pages.models import Category, HeritageSitePage, LegalStatus
from jdih.models import DocumentType
from ppid.models import Category as DIPCategory
from smartcity.choices import Dimension, Horizon, Status
from tests.factories.heritage_pages import heritage_index, heritage_site
from tests.factories.jdih import jdih_index, legal_document
from tests.factories.news import news_index, news_page, newsroom
from tests.factories.news import opd as news_opd
from tests.factories.pages import home_page
from tests.factories.ppid import dip_entry, dip_register
from tests.factories.smartcity import all_dimensions, masterplan, programme

# Values that a naive parser turns into a 500 or a wrong filter: non-ASCII digits, huge and signed numbers,
# NUL and other control characters, markup, SQL, very long strings, unknown choices.
HOSTILE_VALUES = [
    "\u00b2",
    "\u0661\u0662",
    "9" * 400,
    "-1",
    "1.5",
    "%00",
    "a%00b",
    "%0A",
    "<script>alert(1)</script>",
    "'%20OR%201=1--",
    "x" * 5000,
    "no-such-value",
    "",
]

# Each listing (path under /id/), the context variable holding its page of rows, and the parameters it reads.
LISTINGS = {
    "news": ("/id/berita/", "news_page_obj", ["type", "opd", "tag", "year", "month"]),
    "news per OPD": ("/id/berita/opd/diskominfo/", "news_page_obj", ["type", "opd", "tag", "year", "month"]),
    "heritage": ("/id/warisan-budaya/", "sites", ["kategori", "status", "tingkat", "kecamatan", "kawasan"]),
    "smart city": ("/id/kota-cerdas/", "programmes", ["dimension", "horizon", "status", "opd", "source"]),
    "ppid": ("/id/ppid/dip/", "entries", ["kategori", "opd", "tahun"]),
    "jdih": ("/id/jdih/", "documents", ["jenis", "tahun", "status", "subjek"]),
}


def row_ids(response, name):
    return [row if isinstance(row, int) else row.pk for row in response.context[name].object_list]


class ListingFilterSetTests(SimpleTestCase):
    def test_a_refused_value_drops_only_its_own_filter(self):
        """django-filter alone would refuse the whole form; here the valid filters stay in use."""
        filterset = HeritageSiteFilterSet(
            {"kategori": "situs", "status": "nope", "kawasan": "7"},
            HeritageSitePage.objects.none(),
            choices={"kawasan": [(7, "Penyengat")]},
        )
        self.assertEqual(filterset.active, {"kategori": "situs", "kawasan": 7})
        self.assertEqual(filterset.querystring(page=2), "kategori=situs&kawasan=7&page=2")

    def test_no_known_parameter_filters_nothing_without_a_form(self):
        """With none of its parameters in the query string (only unknown or hostile ones), a FilterSet answers
        the unfiltered rows and no active filter without building a form."""
        queryset = HeritageSitePage.objects.order_by("pk")
        for params in ({}, {"utm_source": "x", "kategori": "situs\x00", "page": "2"}):
            with self.subTest(params=params):
                filterset = HeritageSiteFilterSet(params, queryset, choices={"kawasan": [(7, "Penyengat")]})
                self.assertEqual(filterset.active, {})
                self.assertEqual(filterset.querystring(page=2), "page=2")
                self.assertEqual(str(filterset.qs.query), str(queryset.all().query))
                self.assertFalse(hasattr(filterset, "_form"))

    def test_hostile_input_never_reaches_the_form(self):
        """What ``serving.params`` cannot read is not handed to the form at all."""
        filterset = HeritageSiteFilterSet(
            {"kategori": "situs\x00", "kawasan": "\u0661", "tingkat": "x" * 5000},
            HeritageSitePage.objects.none(),
        )
        self.assertEqual(filterset.data, {})
        self.assertEqual(filterset.active, {})


class EveryListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = home_page()
        # News: two items of two OPDs, of different types and years.
        diskominfo = news_opd("diskominfo")
        dlh = news_opd("dlh")
        index = news_index(home)
        news_page(newsroom(diskominfo, index), "Berita pertama", "First news", tags=["pajak"])
        news_page(
            newsroom(dlh, index),
            "Bimtek kedua",
            "Second workshop",
            news_type="bimtek",
            publication_date=timezone.now() - datetime.timedelta(days=400),
        )
        # Heritage: an area with one site, and a site elsewhere.
        register = heritage_index(home)
        area = heritage_site(register, "Kawasan Penyengat", "Penyengat Area", category=Category.KAWASAN)
        heritage_site(register, "Masjid Raya", "Grand Mosque", parent_area=area)
        heritage_site(
            register, "Situs Kota Rebah", "Kota Rebah", category=Category.SITUS, legal_status=LegalStatus.ODCB
        )
        # Smart city: two programmes under two dimensions.
        plan = masterplan(home)
        dimensions = all_dimensions(plan)
        programme(dimensions[Dimension.BRANDING], "Kota Pusaka", "Heritage City", horizon=Horizon.QUICK_WIN)
        programme(dimensions[Dimension.ENVIRONMENT], "Kampung Iklim", "Climate Village", status=Status.PLANNED)
        # PPID: two entries of two categories and years.
        dip_register()
        dip_entry("anggaran", category=DIPCategory.BERKALA, made_on=datetime.date(2025, 1, 10))
        dip_entry("darurat", category=DIPCategory.SERTA_MERTA, opd_slug="dlh", made_on=datetime.date(2026, 2, 1))
        # JDIH: two documents of two types, years and subjects.
        jdih = jdih_index(home)
        legal_document(jdih, "Perda Pajak", doc_type=DocumentType.PERDA, number="1", year=2020, subjects="Pajak")
        legal_document(jdih, "Perwali Sampah", doc_type=DocumentType.PERWALI, number="2", year=2023, subjects="Sampah")

    def test_unknown_and_hostile_values_are_ignored(self):
        """Every listing, given junk in any parameter it reads, answers 200 with the rows it lists without it."""
        for listing, (path, rows, names) in LISTINGS.items():
            response = self.client.get(path)
            self.assertEqual(response.status_code, 200, listing)
            everything = row_ids(response, rows)
            self.assertGreaterEqual(len(everything), 1, listing)
            for name in names:
                for value in HOSTILE_VALUES:
                    with self.subTest(listing=listing, name=name, value=value[:20]):
                        response = self.client.get(f"{path}?{name}={value}")
                        self.assertEqual(response.status_code, 200)
                        self.assertEqual(row_ids(response, rows), everything)

    def test_each_listing_is_narrowed_by_a_known_value(self):
        """The same mechanism applies the known values (one per listing)."""
        for listing, query in {
            "news": "type=bimtek",
            "news per OPD": "tag=pajak",
            "heritage": "kategori=situs",
            "smart city": "status=planned",
            "ppid": "tahun=2026",
            "jdih": "subjek=PAJAK",
        }.items():
            path, rows, _names = LISTINGS[listing]
            with self.subTest(listing=listing):
                self.assertEqual(len(row_ids(self.client.get(f"{path}?{query}"), rows)), 1)

    def test_exports_list_the_rows_of_the_html_listing(self):
        """For the same filters, each export (CSV, JSON, GeoJSON) has exactly the rows of its HTML listing."""

        def csv_ids(response, column):
            reader = csv.DictReader(io.StringIO(response.content.decode("utf-8-sig")))
            return sorted(int(row[column]) for row in reader)

        cases = [
            ("/id/warisan-budaya/", "sites", "kategori=situs", "csv/", lambda r: csv_ids(r, "ID")),
            (
                "/id/warisan-budaya/",
                "sites",
                "kategori=situs",
                "geojson/",
                lambda r: sorted(feature["id"] for feature in json.loads(r.content)["features"]),
            ),
            ("/id/warisan-budaya/", "sites", "kawasan=AREA", "csv/", lambda r: csv_ids(r, "ID")),
            (
                "/id/kota-cerdas/",
                "programmes",
                "horizon=quick-win",
                "export/programmes/csv/",
                lambda r: csv_ids(r, "programme_id"),
            ),
            (
                "/id/kota-cerdas/",
                "programmes",
                "status=planned",
                "export/json/",
                lambda r: sorted(item["programme_id"] for item in json.loads(r.content)["programmes"]),
            ),
            ("/id/ppid/dip/", "entries", "kategori=serta-merta", "csv/", lambda r: csv_ids(r, "ID")),
            (
                "/id/ppid/dip/",
                "entries",
                "tahun=2025",
                "json/",
                lambda r: sorted(entry["id"] for entry in json.loads(r.content)["entries"]),
            ),
        ]
        area = HeritageSitePage.objects.get(category=Category.KAWASAN)
        for path, rows, query, export, exported in cases:
            query = query.replace("AREA", str(area.pk))
            with self.subTest(path=path, query=query, export=export):
                listed = sorted(row_ids(self.client.get(f"{path}?{query}"), rows))
                everything = row_ids(self.client.get(path), rows)
                self.assertTrue(0 < len(listed) < len(everything) or len(everything) == 1, listed)
                response = self.client.get(f"{path}{export}?{query}")
                self.assertEqual(response.status_code, 200)
                self.assertEqual(exported(response), listed)
