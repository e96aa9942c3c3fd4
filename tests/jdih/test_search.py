"""Site search finds legal documents by what people type: type abbreviation, number and year, subject, abstract."""

from django.test import TestCase

from jdih.models import DocumentType, LegalDocumentPage
from search.query import site_search
from search.registry import content_type_keys
from tests.factories.jdih import jdih_index, legal_document


def slugs(query, language="id"):
    return [result.page.slug_ind for result in site_search(query, language).page.object_list]


class SearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()
        cls.rpjmd = legal_document(
            title_ind="Rencana Pembangunan Jangka Menengah Daerah Tahun 2018–2023",
            title_en="Medium-Term Development Plan 2018–2023",
            number="5",
            year=2019,
            subjects="RPJMD, perencanaan pembangunan",
            abstract_ind="Visi, misi dan program pembangunan lima tahun.",
            abstract_en="The five-year vision, missions and programmes.",
        )
        legal_document(title_ind="Retribusi Pasar", number="5", year=2020)
        legal_document(title_ind="Tata Naskah Dinas", doc_type=DocumentType.PERWALI, number="5", year=2019)
        cls.masterplan = legal_document(
            title_ind="Masterplan Kota Cerdas",
            doc_type=DocumentType.PERWALI,
            number="84",
            year=2020,
            subjects="smart city",
        )
        legal_document(title_ind="Draf Pajak Hiburan", number="9", year=2025, live=False)

    def test_the_page_type_joins_site_search(self):
        self.assertIn("jdih.legaldocumentpage", content_type_keys())

    def test_perda_number_year(self):
        """ "perda 5 2019" finds Perda 5/2019 first, in both languages."""
        self.assertEqual(slugs("perda 5 2019")[0], "perda-5-2019")
        self.assertEqual(slugs("perda 5 2019", "en")[0], "perda-5-2019")
        self.assertEqual(slugs("Perda 5/2019")[0], "perda-5-2019")

    def test_local_abbreviations_and_full_names(self):
        """Perwako (Tanjungpinang's usage) and the full type name find a Perwali."""
        self.assertEqual(slugs("perwako 84 2020")[0], "perwali-84-2020")
        self.assertEqual(slugs("peraturan wali kota nomor 84 tahun 2020")[0], "perwali-84-2020")

    def test_subject_title_and_abstract(self):
        self.assertIn("perda-5-2019", slugs("rpjmd"))
        self.assertIn("perwali-84-2020", slugs("smart city"))
        self.assertIn("perda-5-2019", slugs("development plan", "en"))
        self.assertIn("perda-5-2019", slugs("programmes", "en"))

    def test_drafts_are_not_found(self):
        self.assertEqual(slugs("pajak hiburan"), [])

    def test_unpublished_document_leaves_the_index(self):
        LegalDocumentPage.objects.get(pk=self.masterplan.pk).unpublish()
        self.assertNotIn("perwali-84-2020", slugs("perwako 84 2020"))
