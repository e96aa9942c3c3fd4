"""The demo register: real-shaped documents marked as demo, no invented numbers, PDFs, links; idempotent."""

from django.test import TestCase
from django.utils import translation

from wagtail.documents import get_document_model

from jdih.models import LegalDocumentPage, Status
from news.models import NewsPage
from smartcity.models import SmartCityProgrammePage
from tests.factories.demo import seed_demo


class DemoTests(TestCase):
    def test_demo_documents(self):
        seed_demo()
        documents = list(LegalDocumentPage.objects.live().order_by("year"))
        self.assertEqual(len(documents), 4)
        for document in documents:
            self.assertTrue(document.is_demo)
            self.assertIn("contoh", document.number)
            self.assertIsNone(document.date_enacted)
            self.assertTrue(document.pdf.file_size)
            self.assertEqual(document.pdf.file.read()[:5], b"%PDF-")
        masterplan = LegalDocumentPage.objects.get(slug_ind="perwali-contoh-masterplan-smart-city")
        self.assertEqual(masterplan.status, Status.DIUBAH)
        with translation.override("en"):
            self.assertEqual([str(label) for label, _docs in masterplan.relation_groups()], ["Amended by"])
        self.assertIn(
            masterplan, SmartCityProgrammePage.objects.get(slug_ind="aplikasi-tanjak").legal_basis_documents.all()
        )
        news = NewsPage.objects.get(slug_ind="bimtek-tahap-iv-komitmen-bersama-masterplan-smart-city")
        self.assertEqual([doc.slug_ind for doc in news.cited_regulations.all()], ["perda-contoh-rpjmd-2018-2023"])
        with translation.override("id"):
            url = masterplan.get_url()
        response = self.client.get(url)
        self.assertContains(response, "bukan dokumen hukum resmi")

        counts = (LegalDocumentPage.objects.count(), get_document_model().objects.count())
        seed_demo()
        self.assertEqual((LegalDocumentPage.objects.count(), get_document_model().objects.count()), counts)
