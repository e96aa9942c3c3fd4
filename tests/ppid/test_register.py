"""The DIP register: pages in both languages, filters, CSV and JSON, documents, and exempt entries' documents
never public; site search finds entries."""

import csv
import io
import json
from datetime import date

from django.test import TestCase

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from ppid.exports import safe_cell
from ppid.models import (
    Category,
    DIPEntryPage,
    DIPRegisterPage,
    InformationRequestPage,
    PPIDContentPage,
    PPIDIndexPage,
    PPIDReportPage,
)
from tests.factories.news import opd as make_opd
from tests.factories.ppid import dip_document, dip_entry, dip_register, ppid_index


class TreeRuleTests(WagtailPageTestCase):
    def test_tree_rules(self):
        self.assertAllowedParentPageTypes(PPIDIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(
            PPIDIndexPage, {PPIDContentPage, DIPRegisterPage, InformationRequestPage, PPIDReportPage}
        )
        self.assertAllowedSubpageTypes(DIPRegisterPage, {DIPEntryPage})
        self.assertAllowedParentPageTypes(DIPEntryPage, {DIPRegisterPage})


class RegisterPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.register = dip_register()
        cls.budget = dip_entry("anggaran", Category.BERKALA, "bappelitbang")
        cls.flood = dip_entry("banjir", Category.SERTA_MERTA, "diskominfo", made_on=date(2025, 5, 1))
        cls.exempt = dip_entry("pengaduan", Category.DIKECUALIKAN, "diskominfo")
        cls.draft = dip_entry("rancangan", Category.SETIAP_SAAT, "diskominfo", live=False)
        cls.budget_doc = dip_document(cls.budget, "apbd.pdf")
        cls.exempt_doc = dip_document(cls.exempt, "berkas-tertutup.pdf", b"%PDF secret")
        cls.draft_doc = dip_document(cls.draft, "draf.pdf")

    def test_register_in_both_languages(self):
        response = self.client.get("/id/ppid/dip/")
        self.assertContains(response, "Informasi anggaran")
        self.assertContains(response, '<html lang="id">')
        self.assertNotContains(response, "Informasi rancangan")
        response = self.client.get("/en/ppid/dip/")
        self.assertContains(response, "Information anggaran")
        self.assertContains(response, '<html lang="en">')
        self.assertContains(response, 'hreflang="id"')

    def test_filters_and_unknown_values(self):
        response = self.client.get("/id/ppid/dip/?kategori=serta-merta")
        self.assertContains(response, "Informasi banjir")
        self.assertNotContains(response, "Informasi anggaran")
        response = self.client.get("/id/ppid/dip/?opd=bappelitbang")
        self.assertContains(response, "Informasi anggaran")
        self.assertNotContains(response, "Informasi banjir")
        response = self.client.get("/id/ppid/dip/?tahun=2025")
        self.assertContains(response, "Informasi banjir")
        self.assertNotContains(response, "Informasi anggaran")
        response = self.client.get("/id/ppid/dip/?kategori=%3Cscript%3E&opd=x&tahun=abc&page=zz")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Informasi anggaran")

    def test_entry_page_in_both_languages(self):
        response = self.client.get("/id/ppid/dip/anggaran/")
        self.assertContains(response, "Informasi anggaran")
        self.assertContains(response, f"/id/ppid/dip/anggaran/dokumen/{self.budget_doc.pk}/")
        response = self.client.get("/en/ppid/dip/anggaran/")
        self.assertContains(response, "Responsible OPD")

    def test_public_document_downloads(self):
        response = self.client.get(f"/id/ppid/dip/anggaran/dokumen/{self.budget_doc.pk}/")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(b"".join(response.streaming_content), b"%PDF-1.4 demo")

    def test_exempt_documents_are_never_public(self):
        """Not linked, not in the exports, not downloadable through any entry's address."""
        response = self.client.get("/id/ppid/dip/pengaduan/")
        self.assertContains(response, "Pasal 17 huruf h")
        self.assertNotContains(response, "/dokumen/")
        for path in (
            f"/id/ppid/dip/pengaduan/dokumen/{self.exempt_doc.pk}/",
            f"/en/ppid/dip/pengaduan/dokumen/{self.exempt_doc.pk}/",
            f"/id/ppid/dip/anggaran/dokumen/{self.exempt_doc.pk}/",  # through another entry
        ):
            self.assertEqual(self.client.get(path).status_code, 404, path)
        for export in ("csv", "json"):
            body = self.client.get(f"/id/ppid/dip/{export}/").content.decode("utf-8-sig")
            self.assertNotIn(f"dokumen/{self.exempt_doc.pk}/", body)
            self.assertNotIn("berkas-tertutup", body)

    def test_exempt_files_are_outside_media(self):
        from django.conf import settings

        self.assertFalse(self.exempt_doc.file.path.startswith(str(settings.MEDIA_ROOT)))
        with self.assertRaises(ValueError):
            self.exempt_doc.file.url  # noqa: B018  (no public URL exists)

    def test_draft_entry_documents_are_not_public(self):
        self.assertEqual(self.client.get("/id/ppid/dip/rancangan/").status_code, 404)
        self.assertEqual(self.client.get(f"/id/ppid/dip/rancangan/dokumen/{self.draft_doc.pk}/").status_code, 404)

    def test_json_export(self):
        data = json.loads(self.client.get("/en/ppid/dip/json/?kategori=berkala").content)
        self.assertEqual([entry["title"] for entry in data["entries"]], ["Information anggaran"])
        self.assertEqual(len(data["entries"][0]["documents"]), 1)
        exempt = json.loads(self.client.get("/en/ppid/dip/json/?kategori=dikecualikan").content)["entries"][0]
        self.assertEqual(exempt["documents"], [])
        self.assertTrue(exempt["legal_basis"])

    def test_csv_export_is_safe_for_spreadsheets(self):
        DIPEntryPage.objects.filter(pk=self.budget.pk).update(summary_ind='=HYPERLINK("http://evil")')
        body = self.client.get("/id/ppid/dip/csv/").content.decode("utf-8-sig")
        rows = list(csv.reader(io.StringIO(body)))
        self.assertEqual(rows[0][0], "ID")
        cells = [cell for row in rows for cell in row]
        self.assertIn('\'=HYPERLINK("http://evil")', cells)
        self.assertFalse(any(cell.startswith(("=", "+", "@")) for cell in cells))

    def test_safe_cell(self):
        for dangerous in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
            self.assertEqual(safe_cell(dangerous), "'" + dangerous)
        self.assertEqual(safe_cell("Anggaran"), "Anggaran")
        self.assertEqual(safe_cell(-5), -5)

    def test_search_finds_entries(self):
        """Published entries are in site search in both languages; drafts are not."""
        response = self.client.get("/id/search/?q=anggaran")
        self.assertContains(response, "/id/ppid/dip/anggaran/")
        response = self.client.get("/en/search/?q=information+anggaran")
        self.assertContains(response, "/en/ppid/dip/anggaran/")
        response = self.client.get("/id/search/?q=rancangan")
        self.assertNotContains(response, "/id/ppid/dip/rancangan/")


class IndexAndReportPageTests(TestCase):
    def test_index_lists_its_sections(self):
        ppid_index()
        dip_register()
        response = self.client.get("/id/ppid/")
        self.assertContains(response, "Daftar Informasi Publik")
        response = self.client.get("/en/ppid/")
        self.assertContains(response, "Public information list")
        self.assertContains(response, 'href="/en/ppid/dip/"')


class AdminFormTests(WagtailPageTestCase):
    """Creating entries through the real admin form, with both languages' fields."""

    @classmethod
    def setUpTestData(cls):
        from django.contrib.auth import get_user_model

        cls.register = dip_register()
        cls.opd = make_opd("diskominfo")
        cls.admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "pw")

    def entry_data(self, **overrides):
        data = {
            "title_ind": "Rekaman rapat tertutup",
            "title_en": "Recordings of closed meetings",
            "slug_ind": "rekaman-rapat",
            "slug_en": "meeting-recordings",
            "summary_ind": "Rekaman rapat.",
            "summary_en": "Meeting recordings.",
            "category": Category.DIKECUALIKAN,
            "opd": self.opd.pk,
            "person_in_charge": "Sekretaris Dinas",
            "made_on": "2026-02-01",
            "info_format": "softcopy",
            "retention_ind": "5 tahun",
            "retention_en": "5 years",
            "action-publish": "publish",
        }
        data.update(overrides)
        return data

    def test_exempt_entry_needs_legal_basis_and_consequence_test(self):
        self.client.force_login(self.admin)
        url = f"/admin/pages/add/ppid/dipentrypage/{self.register.pk}/"
        response = self.client.post(url, self.entry_data())
        self.assertEqual(response.status_code, 200)
        self.assertFalse(DIPEntryPage.objects.filter(slug_ind="rekaman-rapat").exists())
        response = self.client.post(
            url,
            self.entry_data(
                exemption_ground="17i",
                legal_basis_ind="Pasal 17 huruf i UU 14/2008",
                consequence_test_ind="Membuka rekaman menghambat musyawarah.",
            ),
        )
        self.assertEqual(response.status_code, 302)
        entry = DIPEntryPage.objects.get(slug_ind="rekaman-rapat")
        self.assertTrue(entry.live)
        self.assertEqual(self.client.get("/en/ppid/dip/meeting-recordings/").status_code, 200)

    def test_entry_without_english_falls_back_with_a_notice(self):
        entry = dip_entry("hanya-indonesia", title_en=None, summary_en=None, slug_en=None)
        response = self.client.get("/en/ppid/dip/hanya-indonesia/")
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "This page is only available in Indonesian.")
        self.assertContains(response, f'<h1 lang="id">{entry.title_ind}</h1>', html=True)


class QueryCountTests(TestCase):
    def queries_for(self, path):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for _warm_up in range(2):  # the site's derived caches (site, routing) fill over the first requests
            self.client.get(path)
        with CaptureQueriesContext(connection) as captured:
            self.assertEqual(self.client.get(path).status_code, 200)
        return len(captured)

    def test_listing_and_exports_do_not_grow_with_entries(self):
        """No N+1: the register page and its JSON cost the same with 2 entries as with 6."""
        for number in range(2):
            dip_entry(f"awal-{number}")
        few = [self.queries_for(path) for path in ("/id/ppid/dip/", "/id/ppid/dip/json/")]
        for number in range(4):
            dip_entry(f"lagi-{number}", opd_slug="dlh")
        many = [self.queries_for(path) for path in ("/id/ppid/dip/", "/id/ppid/dip/json/")]
        self.assertEqual(few, many)
