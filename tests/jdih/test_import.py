"""manage.py import_jdih: create, re-run updates instead of duplicating, --dry-run writes nothing,
bad rows are reported (row number and reason) and skipped, PDFs are found by file name."""

import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.models import Revision

from jdih import importer
from jdih.models import LegalDocumentPage, Status
from jdih.pdf import placeholder_pdf
from tests.factories.jdih import jdih_index

HEADER = "jenis,nomor,tahun,judul,judul_en,tanggal_penetapan,tanggal_pengundangan,status,subjek,abstrak,file"
GOOD = [
    "Perda,5,2019,Rencana Pembangunan Jangka Menengah Daerah,Medium-Term Development Plan,2019-03-01,2019-03-04,"
    "berlaku,RPJMD,Visi dan misi lima tahun.,perda-5-2019.pdf",
    "Perwako,84,2020,Masterplan Kota Cerdas,,01/12/2020,02/12/2020,berlaku,smart city,,",
]


class ImportTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()

    def setUp(self):
        folder = tempfile.TemporaryDirectory()
        self.addCleanup(folder.cleanup)
        self.folder = Path(folder.name)
        self.files = self.folder / "pdf"
        self.files.mkdir()
        (self.files / "perda-5-2019.pdf").write_bytes(placeholder_pdf(["Perda 5 2019"]))
        # The imported PDFs are stored in a media folder of this test's own, so they are gone after it and no
        # later test on this worker finds their names taken.
        self.enterContext(override_settings(MEDIA_ROOT=str(self.folder / "media")))

    def csv(self, *rows, header=HEADER, name="daftar.csv"):
        path = self.folder / name
        path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
        return path

    def run_import(self, path, **kwargs):
        kwargs.setdefault("files_dir", self.files)
        with translation.override("en"):
            return importer.import_csv(path, **kwargs)

    def test_create(self):
        """Rows become published documents under the register, with their PDF and dates."""
        report = self.run_import(self.csv(*GOOD))
        self.assertEqual((len(report.created), report.errors), (2, []))
        perda = LegalDocumentPage.objects.get(doc_type="perda", number="5", year=2019)
        self.assertTrue(perda.live)
        self.assertEqual(perda.get_parent().pk, self.index.pk)
        self.assertEqual(perda.title_en, "Medium-Term Development Plan")
        self.assertEqual(perda.abstract_ind, "Visi dan misi lima tahun.")
        self.assertEqual(perda.pdf.file.read()[:5], b"%PDF-")
        self.assertEqual(str(perda.date_promulgated), "2019-03-04")
        perwali = LegalDocumentPage.objects.get(doc_type="perwali", number="84", year=2020)
        self.assertEqual(str(perwali.date_enacted), "2020-12-01")
        self.assertFalse(perwali.title_en)
        self.assertEqual(self.client.get("/id/jdih/perda-5-2019/").status_code, 200)
        self.assertEqual(self.client.get("/en/legal-documents/perda-5-2019/").status_code, 200)

    def test_rerun_changes_nothing_and_updates_what_changed(self):
        """The same file again creates no page, revision or document; a changed row updates its document."""
        path = self.csv(*GOOD)
        self.run_import(path)
        counts = (LegalDocumentPage.objects.count(), Revision.objects.count(), get_document_model().objects.count())
        report = self.run_import(path)
        self.assertEqual((len(report.created), len(report.updated), len(report.unchanged)), (0, 0, 2))
        self.assertEqual(
            (LegalDocumentPage.objects.count(), Revision.objects.count(), get_document_model().objects.count()),
            counts,
        )
        changed = GOOD[1].replace("Masterplan Kota Cerdas", "Masterplan Kota Cerdas 2020–2024")
        report = self.run_import(self.csv(GOOD[0], changed))
        self.assertEqual((len(report.updated), len(report.unchanged)), (1, 1))
        perwali = LegalDocumentPage.objects.get(doc_type="perwali", number="84", year=2020)
        self.assertEqual(perwali.title_ind, "Masterplan Kota Cerdas 2020–2024")
        self.assertEqual(LegalDocumentPage.objects.count(), 2)

    def test_withdrawn_document_stays_withdrawn(self):
        """Updating a document an editor unpublished saves a draft; it is not published again."""
        path = self.csv(*GOOD)
        self.run_import(path)
        perwali = LegalDocumentPage.objects.get(number="84")
        perwali.unpublish()
        self.run_import(self.csv(GOOD[0], GOOD[1].replace("smart city", '"smart city, masterplan"')))
        perwali.refresh_from_db()
        self.assertFalse(perwali.live)
        self.assertEqual(perwali.get_latest_revision_as_object().subjects, "smart city, masterplan")

    def test_dry_run_writes_nothing(self):
        """A dry run reports what would happen and leaves no page, revision or document behind."""
        before = (LegalDocumentPage.objects.count(), Revision.objects.count(), get_document_model().objects.count())
        report = self.run_import(self.csv(*GOOD, "Perda,x,20,Judul,,,,,,,"), dry_run=True)
        self.assertTrue(report.dry_run)
        self.assertEqual(len(report.created), 2)
        self.assertEqual([number for number, _reason in report.errors], [4])
        after = (LegalDocumentPage.objects.count(), Revision.objects.count(), get_document_model().objects.count())
        self.assertEqual(after, before)

    def test_bad_rows_are_reported_and_skipped(self):
        """Each bad row is named with its row number and reason; the good rows are still imported."""
        rows = [
            GOOD[0],
            "Perda,,2019,Tanpa nomor,,,,,,,",
            "Qanun,1,2019,Jenis asing,,,,,,,",
            "Perda,2,19,Tahun pendek,,,,,,,",
            "Perda,3,2019,Tanggal salah,,2019-13-45,,,,,",
            "Perda,4,2019,Tanggal terbalik,,2019-05-01,2019-04-01,,,,",
            "Perda,6,2019,Berkas hilang,,,,,,,tidak-ada.pdf",
            "perda,5,2019,Baris ganda,,,,,,,",
            "Perda,7,2019,Dicabut tanpa alasan,,,,dicabut,,,",
            "Perda,8,2019,Status asing,,,,hilang,,,",
            "Perda,9,2019,Jalan keluar,,,,,,,../daftar.csv",
            GOOD[1],
        ]
        report = self.run_import(self.csv(*rows))
        self.assertEqual(len(report.created), 2)
        reasons = dict(report.errors)
        self.assertEqual(sorted(reasons), list(range(3, 13)))
        self.assertIn("nomor", reasons[3])
        self.assertIn("Unknown document type “Qanun”", reasons[4])
        self.assertIn("four-digit year", reasons[5])
        self.assertIn("is not a date", reasons[6])
        self.assertIn("promulgation date cannot be before", reasons[7])
        self.assertIn("tidak-ada.pdf was not found", reasons[8])
        self.assertIn("already in row 2", reasons[9])
        self.assertIn("revoked document needs", reasons[10])
        self.assertIn("Unknown status", reasons[11])
        self.assertIn("was not found", reasons[12])
        self.assertEqual(LegalDocumentPage.objects.count(), 2)

    def test_a_refused_row_stores_no_file(self):
        """A row whose metadata is refused leaves no document (file) behind."""
        (self.files / "terbalik.pdf").write_bytes(placeholder_pdf(["Terbalik"]))
        report = self.run_import(self.csv("Perda,4,2019,Tanggal terbalik,,2019-05-01,2019-04-01,,,,terbalik.pdf"))
        self.assertEqual([number for number, _reason in report.errors], [2])
        self.assertEqual(get_document_model().objects.count(), 0)

    def test_a_new_pdf_updates_the_document(self):
        """Another file for the same document is stored and linked; the old file is not touched."""
        self.run_import(self.csv(*GOOD))
        old_pdf = LegalDocumentPage.objects.get(number="5").pdf_id
        (self.files / "perda-5-2019-v2.pdf").write_bytes(placeholder_pdf(["Perda 5 2019, naskah kedua"]))
        report = self.run_import(self.csv(GOOD[0].replace("perda-5-2019.pdf", "perda-5-2019-v2.pdf"), GOOD[1]))
        self.assertEqual((len(report.updated), len(report.unchanged)), (1, 1))
        self.assertNotEqual(LegalDocumentPage.objects.get(number="5").pdf_id, old_pdf)

    def test_duplicate_of_an_existing_document_updates_it(self):
        """A row for a document already in the register (added in the admin) updates it, never duplicates it."""
        self.run_import(self.csv(GOOD[0]))
        report = self.run_import(self.csv(GOOD[0].replace("berlaku", "diubah")))
        self.assertEqual(len(report.updated), 1)
        self.assertEqual(LegalDocumentPage.objects.get().status, Status.DIUBAH)

    def test_semicolon_separated_with_bom(self):
        """Spreadsheets saved in Indonesian locales use semicolons and often a BOM."""
        path = self.folder / "excel.csv"
        path.write_text("\ufeffjenis;nomor;tahun;judul\nPerwali;12;2021;Jam Kerja\n", encoding="utf-8")
        report = self.run_import(path)
        self.assertEqual(len(report.created), 1)
        self.assertEqual(LegalDocumentPage.objects.get().title_ind, "Jam Kerja")

    def test_command(self):
        """The command prints the summary and each bad row (in Indonesian, the site's default language)."""
        path = self.csv(GOOD[0], "Qanun,1,2019,Jenis asing,,,,,,,")
        out, err = StringIO(), StringIO()
        call_command("import_jdih", str(path), "--files-dir", str(self.files), "--dry-run", stdout=out, stderr=err)
        self.assertIn("Uji coba", out.getvalue())
        self.assertIn("Dibuat 1", out.getvalue())
        self.assertIn("Baris 3: Jenis dokumen “Qanun” tidak dikenal.", err.getvalue())
        self.assertEqual(LegalDocumentPage.objects.count(), 0)
        with self.assertRaises(CommandError):
            call_command("import_jdih", str(self.folder / "tidak-ada.csv"), stdout=out, stderr=err)
