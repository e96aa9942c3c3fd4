"""The register's filters: known values narrow the list, unknown values are ignored, never a 500."""

from django.http import QueryDict
from django.test import SimpleTestCase, TestCase

from wagtail.models import PageViewRestriction

from heritage_pages import filters
from heritage_pages.models import Category, Kecamatan, LegalStatus, Level
from tests.factories.heritage_pages import heritage_index, heritage_site


class ParseFiltersTests(SimpleTestCase):
    def test_known_values_are_kept(self):
        params = QueryDict("kategori=bangunan&status=odcb&tingkat=nasional&kecamatan=bukit-bestari&kawasan=7")
        self.assertEqual(
            filters.parse_filters(params, {7}),
            {
                "kategori": "bangunan",
                "status": "odcb",
                "tingkat": "nasional",
                "kecamatan": "bukit-bestari",
                "kawasan": 7,
            },
        )

    def test_unknown_values_are_dropped(self):
        """Values outside the choices, unknown kawasan ids and non-numbers are ignored."""
        params = QueryDict("kategori=candi&status=<script>&tingkat=&kecamatan=Bukit+Bestari&kawasan=8&x=1")
        self.assertEqual(filters.parse_filters(params, {7}), {})
        self.assertEqual(filters.parse_filters(QueryDict("kawasan=-7"), {7}), {})
        self.assertEqual(filters.parse_filters(QueryDict("kawasan=7.0"), {7}), {})

    def test_querystring_keeps_only_active_filters_in_a_stable_order(self):
        self.assertEqual(filters.filter_querystring({"kawasan": 3, "kategori": "situs"}), "kategori=situs&kawasan=3")
        self.assertEqual(filters.filter_querystring({}), "")


class FilterListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = heritage_index()
        cls.kawasan = heritage_site(
            cls.index,
            "Kawasan Pulau Penyengat",
            "Penyengat Island",
            category=Category.KAWASAN,
            legal_status=LegalStatus.DITETAPKAN,
            designation_level=Level.NASIONAL,
            kecamatan=Kecamatan.TANJUNGPINANG_KOTA,
        )
        cls.mosque = heritage_site(
            cls.index, "Masjid Raya", "Grand Mosque", parent_area=cls.kawasan, kecamatan=Kecamatan.TANJUNGPINANG_KOTA
        )
        cls.fort = heritage_site(
            cls.index, "Benteng Bukit Kursi", "Bukit Kursi Fort", category=Category.STRUKTUR, parent_area=cls.kawasan
        )
        cls.rebah = heritage_site(
            cls.index,
            "Situs Kota Rebah",
            "Kota Rebah",
            category=Category.SITUS,
            legal_status=LegalStatus.ODCB,
            kecamatan=Kecamatan.BUKIT_BESTARI,
        )

    def titles(self, query):
        sites, _active, _kawasan = filters.filtered_sites(self.index, QueryDict(query))
        return sorted(site.title_ind for site in sites)

    def test_each_filter_narrows_the_list(self):
        self.assertEqual(self.titles("kategori=situs"), ["Situs Kota Rebah"])
        self.assertEqual(self.titles("status=odcb"), ["Situs Kota Rebah"])
        self.assertEqual(self.titles("tingkat=nasional"), ["Kawasan Pulau Penyengat"])
        self.assertEqual(self.titles("kecamatan=bukit-bestari"), ["Situs Kota Rebah"])
        self.assertEqual(
            self.titles(f"kawasan={self.kawasan.pk}"), ["Benteng Bukit Kursi", "Kawasan Pulau Penyengat", "Masjid Raya"]
        )
        self.assertEqual(self.titles(f"kawasan={self.kawasan.pk}&kategori=struktur"), ["Benteng Bukit Kursi"])

    def test_bad_values_show_everything(self):
        everything = self.titles("")
        self.assertEqual(len(everything), 4)
        self.assertEqual(self.titles(f"kategori=zzz&kawasan={self.mosque.pk}&status="), everything)

    def test_bad_query_strings_never_500(self):
        """Nonsense filters and page numbers still render the page (200) with the full list."""
        for query in (
            "kategori=%00",
            "status[]=odcb",
            "kawasan=99999999999999999999",
            "page=abc",
            "page=-1",
            "page=9999",
            "kategori=situs&kategori=bangunan",
            "tingkat=" + "x" * 5000,
        ):
            with self.subTest(query=query):
                response = self.client.get(f"/id/warisan-budaya/?{query}")
                self.assertEqual(response.status_code, 200)
        self.assertContains(self.client.get("/id/warisan-budaya/?kategori=candi"), "Jumlah objek: 4")

    def test_filter_form_keeps_the_choice_and_narrows_the_page(self):
        response = self.client.get("/en/heritage/?kategori=situs")
        self.assertContains(response, '<option value="situs" selected>Site (situs)</option>', html=True)
        self.assertContains(response, "Sites found: 1")
        self.assertNotContains(response, "Grand Mosque")
        self.assertContains(response, 'href="/en/heritage/csv/?kategori=situs"')

    def test_private_kawasan_is_not_a_filter_option(self):
        PageViewRestriction.objects.create(page=self.kawasan, restriction_type="password", password="x")
        self.assertEqual(filters.kawasan_options(self.index), [])
        self.assertEqual(len(self.titles(f"kawasan={self.kawasan.pk}")), 3)

    def test_pagination_keeps_filters(self):
        """With more sites than a page holds, page links carry the active filters."""
        for number in range(filters.PAGE_SIZE):
            heritage_site(self.index, f"Rumah {number}", f"House {number}", category=Category.BANGUNAN)
        response = self.client.get("/en/heritage/?kategori=bangunan")
        self.assertContains(response, 'href="?kategori=bangunan&amp;page=2"')
        response = self.client.get("/en/heritage/?kategori=bangunan&page=2")
        self.assertContains(response, '<span aria-current="page">2</span>', html=True)
