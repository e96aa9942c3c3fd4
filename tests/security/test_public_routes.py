"""Hostile query strings and paths never make a public route answer 500 (property-based, with hypothesis).

The demo site is built once; every public route (each page type in both languages, the listings' filters,
exports, feeds, search and its suggestions, sitemap, robots.txt, the plaque redirect) gets generated query
strings (known parameter names with hostile values, unknown names, raw percent-encoded bytes) and generated
path tails. Over 2,000 requests each run; the answer must always be below 500.
"""

from urllib.parse import quote

from django.test import Client
from django.utils import translation

from wagtail.models import Page

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from heritage_pages.models import HeritageIndexPage, HeritageSitePage
from home import bilingual
from news.models import NewsIndexPage
from ppid.models import DIPRegisterPage
from smartcity.models import SmartCityIndexPage
from tests.factories.demo import seed_demo

# Every query parameter a public view reads, and a few it does not.
PARAMETER_NAMES = [
    "page",
    "kawasan",
    "kategori",
    "status",
    "tingkat",
    "kecamatan",
    "type",
    "opd",
    "tag",
    "year",
    "month",
    "dimension",
    "horizon",
    "source",
    "jenis",
    "tahun",
    "subjek",
    "q",
    "mode",
    "format",
    "lang",
    "x",
]
# Values that broke or could break a naive parser: non-ASCII digits, huge numbers, signs, NUL, surrogates'
# neighbours, very long strings, SQL and template syntax.
NASTY_VALUES = [
    "\u00b2",  # superscript two: str.isdigit() is true, int() fails
    "\u0661\u0662",  # Arabic-Indic digits: int() reads them
    "１２",  # full-width digits
    "9" * 400,
    "-1",
    "+1",
    "0",
    "1e3",
    "1.5",
    " 1",
    "\x00",
    "a\x00b",
    "%00",
    "' OR 1=1 --",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    '=HYPERLINK("http://bad.example/")',
    "x" * 5000,
    "",
]
values = st.one_of(st.sampled_from(NASTY_VALUES), st.text(max_size=40), st.integers(-(10**30), 10**30).map(str))
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETER_NAMES), st.text(max_size=10)), values), max_size=5)


def encode(items):
    return "&".join(f"{quote(name, safe='')}={quote(value, safe='')}" for name, value in items)


raw_bytes = st.binary(max_size=30).map(lambda data: "".join(f"%{byte:02x}" for byte in data))
query_strings = st.one_of(
    pairs.map(encode), raw_bytes.map(lambda raw: f"page={raw}&kawasan={raw}"), st.text(max_size=30).map(quote)
)
path_tails = st.one_of(
    st.just(""),
    st.text(min_size=1, max_size=20).map(lambda text: quote(text, safe="") + "/"),
    st.sampled_from(["rss/", "atom/", "opd/%C2%B2/", "type/xx/rss/", "csv/", "geojson/", "%00/", "..%2F..%2F"]),
)


def public_routes():
    """The routes to attack: one page of each type per language, plus every route of the routable pages."""
    routes, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        if type(page) in seen:
            continue
        seen.add(type(page))
        routes.extend(bilingual.page_url(page, language) for language in bilingual.translated_languages(page))
    subpages = {
        HeritageIndexPage: ["geojson", "csv"],
        NewsIndexPage: ["rss", "atom"],
        DIPRegisterPage: ["csv", "json"],
        SmartCityIndexPage: [
            "export_programmes_csv",
            "export_budget_csv",
            "export_indicators_csv",
            "export_json",
        ],
    }
    for model, names in subpages.items():
        page = model.objects.live().first()
        for language in bilingual.LANGUAGE_CODES:
            with translation.override(language):
                base = page.get_url()
                routes.extend(base + page.reverse_subpage(name) for name in names)
    news = NewsIndexPage.objects.live().first()
    with translation.override("id"):
        routes += [
            news.get_url() + news.reverse_subpage("type_rss", args=["berita"]),
            news.get_url() + "opd/diskominfo/",
        ]
    site = HeritageSitePage.objects.live().first()
    with translation.override("id"):
        routes.append(site.get_url() + site.reverse_subpage("plaque"))
    routes += [
        f"/cagar-budaya/{site.pk}/",
        "/id/search/",
        "/en/search/",
        "/id/search/suggest/",
        "/en/search/suggest/",
        "/sitemap.xml",
        "/robots.txt",
        "/",
    ]
    return sorted(set(routes))


class PublicRouteFuzzTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        seed_demo()
        cls.routes = public_routes()

    def setUp(self):
        self.visitor = Client(raise_request_exception=False)
        self.answers = 0

    def get(self, url):
        response = self.visitor.get(url, HTTP_ACCEPT_LANGUAGE="id")
        self.answers += 1
        self.assertLess(response.status_code, 500, url)
        return response

    def test_the_route_list_covers_every_kind_of_public_route(self):
        """The attack reaches listings, exports and feeds of each area (a test that could pass by skipping them)."""
        joined = " ".join(self.routes)
        for expected in ("/warisan-budaya/csv/", "/geojson/", "/rss/", "/atom/", "export/json/", "/search/"):
            self.assertIn(expected, joined)
        self.assertGreaterEqual(len(self.routes), 30)
        for route in self.routes:
            self.assertLess(self.get(route).status_code, 400, route)

    @settings(max_examples=1600, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(data=st.data(), query=query_strings)
    def test_generated_query_strings(self, data, query):
        route = data.draw(st.sampled_from(self.routes))
        self.get(f"{route}?{query}")

    @settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
    @given(data=st.data(), tail=path_tails, query=query_strings)
    def test_generated_paths(self, data, tail, query):
        route = data.draw(st.sampled_from([route for route in self.routes if route.endswith("/")]))
        self.get(f"{route}{tail}?{query}")

    def test_the_reported_attack_is_no_error(self):
        """The issue's example: a superscript two as the area filter, on the listing, GeoJSON and CSV."""
        for url in ("/id/warisan-budaya/", "/id/warisan-budaya/geojson/", "/id/warisan-budaya/csv/"):
            self.assertEqual(self.get(f"{url}?kawasan=%C2%B2").status_code, 200)
