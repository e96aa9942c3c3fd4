"""Open data and visibility: GeoJSON and CSV in the visitor's language; drafts and private sites nowhere."""

import csv
import io
import json
import re

from django.test import TestCase

from wagtail.models import PageViewRestriction

from heritage_pages.exports import COLUMNS, csv_text, feature_collection
from heritage_pages.models import Category, LegalStatus
from tests.factories.heritage_pages import heritage_index, heritage_site


def assert_valid_geojson(test, data):
    """The RFC 7946 rules our feed relies on: a FeatureCollection of Point features, [lon, lat] in range."""
    test.assertEqual(data["type"], "FeatureCollection")
    test.assertIsInstance(data["features"], list)
    for feature in data["features"]:
        test.assertEqual(feature["type"], "Feature")
        test.assertEqual(feature["geometry"]["type"], "Point")
        lon, lat = feature["geometry"]["coordinates"]
        test.assertTrue(-180 <= lon <= 180 and -90 <= lat <= 90)
        test.assertIsInstance(feature["properties"], dict)


class ExportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = heritage_index()
        cls.kawasan = heritage_site(
            cls.index, "Kawasan Pulau Penyengat", "Penyengat Island", slug_en="penyengat", category=Category.KAWASAN
        )
        cls.mosque = heritage_site(
            cls.index,
            "Masjid Raya Sultan Riau",
            "Sultan of Riau Grand Mosque",
            parent_area=cls.kawasan,
            legal_status=LegalStatus.ODCB,
            local_names='Masjid "Putih Telur", Penyengat',
        )
        cls.draft = heritage_site(cls.index, "Istana Kantor", "Office Palace", live=False)
        cls.private = heritage_site(cls.index, "Gedung Rahasia", "Secret Building")
        PageViewRestriction.objects.create(page=cls.private, restriction_type="password", password="x")

    def test_geojson_is_valid_with_lon_lat_order_in_the_visitors_language(self):
        response = self.client.get("/en/heritage/geojson/")
        self.assertEqual(response["Content-Type"], "application/geo+json; charset=utf-8")
        data = json.loads(response.content)
        assert_valid_geojson(self, data)
        mosque = next(f for f in data["features"] if f["id"] == self.mosque.pk)
        self.assertEqual(mosque["geometry"]["coordinates"], [104.4195, 0.9263])
        self.assertEqual(mosque["properties"]["title"], "Sultan of Riau Grand Mosque")
        self.assertEqual(mosque["properties"]["legal_status"], "Suspected cultural heritage object (ODCB)")
        self.assertEqual(mosque["properties"]["kawasan"], "Penyengat Island")
        self.assertEqual(mosque["properties"]["url"], "http://testserver/en/heritage/sultan-of-riau-grand-mosque/")
        data = json.loads(self.client.get("/id/warisan-budaya/geojson/").content)
        mosque = next(f for f in data["features"] if f["id"] == self.mosque.pk)
        self.assertEqual(mosque["properties"]["title"], "Masjid Raya Sultan Riau")
        self.assertEqual(mosque["properties"]["legal_status"], "Objek Diduga Cagar Budaya (ODCB)")

    def test_csv_round_trips(self):
        """Parsing the CSV with the csv module gives back exactly the exported records, quotes and commas included."""
        response = self.client.get("/id/warisan-budaya/csv/")
        self.assertEqual(response["Content-Type"], "text/csv; charset=utf-8")
        self.assertEqual(response["Content-Disposition"], 'attachment; filename="warisan-budaya.csv"')
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        header, body = rows[0], rows[1:]
        self.assertEqual(header[:3], ["ID", "Nama", "Nama resmi"])
        self.assertEqual(len(body), 2)
        geojson = json.loads(self.client.get("/id/warisan-budaya/geojson/").content)
        by_id = {feature["id"]: feature for feature in geojson["features"]}
        keys = [key for key, _heading in COLUMNS]
        for row in body:
            record = dict(zip(keys, row, strict=True))
            feature = by_id[int(record["id"])]
            self.assertEqual(float(record["latitude"]), feature["geometry"]["coordinates"][1])
            for key, value in feature["properties"].items():
                self.assertEqual(record[key], str(value), key)
        mosque = next(row for row in body if row[0] == str(self.mosque.pk))
        self.assertEqual(mosque[keys.index("local_names")], 'Masjid "Putih Telur", Penyengat')

    def test_csv_text_round_trips_awkward_values(self):
        """Newlines, quotes, commas and non-Latin text survive a write and read."""
        row = {key: "" for key, _heading in COLUMNS}
        row.update(id=1, title='Makam "Raja", Ali\nHaji', local_names="مسجد", latitude=0.5, longitude=104.4)
        parsed = list(csv.reader(io.StringIO(csv_text([row]).removeprefix("\ufeff"))))
        self.assertEqual(parsed[1][1], 'Makam "Raja", Ali\nHaji')
        self.assertEqual(parsed[1][3], "مسجد")

    def test_feature_collection_of_nothing_is_valid(self):
        assert_valid_geojson(self, feature_collection([]))

    def test_exports_follow_the_filters(self):
        data = json.loads(self.client.get("/en/heritage/geojson/?kategori=kawasan").content)
        self.assertEqual([f["id"] for f in data["features"]], [self.kawasan.pk])

    def test_drafts_and_private_sites_are_absent_everywhere(self):
        """Not in the listing, the map data, the GeoJSON, the CSV nor a kawasan's list."""
        for url in ("/id/warisan-budaya/", "/id/warisan-budaya/geojson/", "/id/warisan-budaya/csv/"):
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, 200)
                self.assertContains(response, "Masjid Raya Sultan Riau")
                self.assertNotContains(response, "Istana Kantor")
                self.assertNotContains(response, "Gedung Rahasia")
        listing = self.client.get("/en/heritage/")
        script = re.search(
            r'<script id="heritage-map-data" type="application/json">(.*?)</script>', listing.content.decode()
        )
        map_data = json.loads(script.group(1))
        self.assertEqual(sorted(f["title"] for f in map_data), ["Penyengat Island", "Sultan of Riau Grand Mosque"])
        self.assertNotContains(listing, "Office Palace")
        self.assertNotContains(listing, "Secret Building")
