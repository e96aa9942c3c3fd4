"""The JDIHN harvest feed at /jdih/integrasi.json: its shape (a JSON Schema), and published documents only."""

import json
from datetime import date
from pathlib import Path

from django.test import TestCase

import jsonschema

from jdih.models import DocumentType, Status
from tests.factories.jdih import jdih_index, legal_document, pdf_document

SCHEMA = json.loads((Path(__file__).with_name("jdihn.schema.json")).read_text(encoding="utf-8"))
URL = "/jdih/integrasi.json"


class FeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()
        cls.full = legal_document(
            title_ind="Rencana Pembangunan Jangka Menengah Daerah Tahun 2018–2023",
            title_en="Medium-term development plan 2018–2023",
            number="5",
            year=2019,
            date_enacted=date(2019, 3, 1),
            date_promulgated=date(2019, 3, 4),
            source="Lembaran Daerah Kota Tanjungpinang Tahun 2019 Nomor 5",
            subjects="RPJMD, perencanaan pembangunan",
            field_of_law="Hukum Administrasi Negara",
            abstract_ind="Visi, misi dan program pembangunan lima tahun.",
            abstract_en="The five-year vision, missions and programmes.",
            pdf=pdf_document("Perda 5 2019", "perda-5-2019.pdf"),
        )
        cls.bare = legal_document(
            title_ind="Surat Edaran tentang Jam Kerja",
            doc_type=DocumentType.SURAT_EDARAN,
            number="800/12",
            year=2024,
            status=Status.TIDAK_BERLAKU,
        )
        cls.draft = legal_document(title_ind="Rancangan yang belum terbit", number="99", year=2025, live=False)

    def feed(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Content-Type"], "application/json")
        return response.json()

    def test_feed_matches_the_schema(self):
        """Every record has every field, each a string, "-" where nothing applies."""
        data = self.feed()
        jsonschema.validate(data, SCHEMA)
        self.assertEqual(len(data), 2)

    def test_schema_refuses_a_broken_record(self):
        """The schema is strict enough to fail: a number value, a missing field or an empty string."""
        record = self.feed()[0]
        for broken in (
            {**record, "idData": 5},
            {k: v for k, v in record.items() if k != "judul"},
            {**record, "isbn": ""},
        ):
            with self.assertRaises(jsonschema.ValidationError):
                jsonschema.validate([broken], SCHEMA)

    def test_published_documents_only(self):
        """A draft is not listed; unpublishing a document removes it."""
        ids = [record["idData"] for record in self.feed()]
        self.assertNotIn(str(self.draft.pk), ids)
        self.bare.unpublish()
        self.assertEqual([record["idData"] for record in self.feed()], [str(self.full.pk)])

    def test_values(self):
        """The Indonesian metadata, absolute URLs, the PDF's file name, and "-" for what is missing."""
        records = {record["idData"]: record for record in self.feed()}
        full, bare = records[str(self.full.pk)], records[str(self.bare.pk)]
        self.assertEqual(full["jenis"], "Peraturan Daerah")
        self.assertEqual(full["singkatanJenis"], "PERDA")
        self.assertEqual(full["noPeraturan"], "5")
        self.assertEqual(full["judul"], "Rencana Pembangunan Jangka Menengah Daerah Tahun 2018–2023")
        self.assertEqual(full["tahun_pengundangan"], "2019")
        self.assertEqual(full["tanggal_pengundangan"], "2019-03-04")
        self.assertEqual(full["status"], "Berlaku")
        self.assertEqual(full["abstrak"], "Visi, misi dan program pembangunan lima tahun.")
        self.assertEqual(full["subjek"], "RPJMD, perencanaan pembangunan")
        self.assertEqual(full["teuBadan"], "Tanjungpinang (Kota)")
        self.assertEqual(full["fileDownload"], "perda-5-2019.pdf")
        self.assertTrue(full["urlDownload"].startswith("http://testserver/documents/"))
        self.assertEqual(full["urlDetailPeraturan"], "http://testserver/id/jdih/perda-5-2019/")
        self.assertEqual((full["operasi"], full["display"]), ("4", "1"))
        self.assertEqual(bare["status"], "Tidak Berlaku")
        self.assertEqual(bare["singkatanJenis"], "SE")
        for field in ("tanggal_pengundangan", "tahun_pengundangan", "sumber", "abstrak", "fileDownload", "urlDownload"):
            self.assertEqual(bare[field], "-", field)

    def test_outside_the_language_prefixes(self):
        """The national portal reads one fixed address: no redirect to /id/ or /en/, whatever the browser says."""
        response = self.client.get(URL, HTTP_ACCEPT_LANGUAGE="en")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.client.get("/id" + URL).status_code, 404)

    def test_only_get(self):
        self.assertEqual(self.client.post(URL).status_code, 405)
