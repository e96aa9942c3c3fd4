"""Legal documents: the metadata rules (revocation, dates, unique numbers) and relations shown both ways."""

from datetime import date

from django.core.exceptions import ValidationError
from django.test import TestCase
from django.utils import translation

from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from jdih.models import DocumentType, JDIHIndexPage, LegalDocumentPage, LegalDocumentRelation, RelationKind, Status
from tests.factories.jdih import jdih_index, legal_document


class TreeRulesTests(WagtailPageTestCase):
    def test_register_under_home_once_holding_documents(self):
        """The register lives under the home page, once; documents live only in it and have no children."""
        self.assertAllowedParentPageTypes(JDIHIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(JDIHIndexPage, {LegalDocumentPage})
        self.assertEqual(JDIHIndexPage.max_count, 1)
        self.assertAllowedParentPageTypes(LegalDocumentPage, {JDIHIndexPage})
        self.assertAllowedSubpageTypes(LegalDocumentPage, set())
        self.assertCanNotCreateAt(StandardPage, LegalDocumentPage)


class ValidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()

    def errors(self, page):
        with self.assertRaises(ValidationError) as caught:
            page.full_clean()
        return caught.exception.message_dict

    def test_revoked_document_needs_a_revoking_document_or_a_reason(self):
        """Marking a document revoked with neither a revoking document nor a reason is refused."""
        page = legal_document(number="1", year=2010)
        page.status = Status.DICABUT
        self.assertIn("status", self.errors(page))
        page.status_note_ind = "Dicabut karena tidak sesuai lagi dengan peraturan yang lebih tinggi."
        page.full_clean()

    def test_an_english_reason_alone_is_enough(self):
        """The reason may be written in either language."""
        page = legal_document(number="1", year=2010)
        page.status = Status.DICABUT
        page.status_note_en = "Revoked by a later regulation."
        page.full_clean()

    def test_revoked_document_with_its_revoking_document(self):
        """A "revokes" relation recorded on another document is enough, without a reason."""
        old = legal_document(number="1", year=2010)
        legal_document(number="2", year=2020, relations=[LegalDocumentRelation(kind=RelationKind.MENCABUT, target=old)])
        old.status = Status.DICABUT
        old.full_clean()

    def test_an_amending_document_does_not_count_as_revoking(self):
        """Only "revokes" counts: a document that amends it leaves the revocation unexplained."""
        old = legal_document(number="1", year=2010)
        legal_document(number="2", year=2020, relations=[LegalDocumentRelation(kind=RelationKind.MENGUBAH, target=old)])
        old.status = Status.DICABUT
        self.assertIn("status", self.errors(old))

    def test_promulgation_not_before_enactment(self):
        """The promulgation date cannot come before the enactment date; the same day is fine."""
        page = legal_document(date_enacted=date(2019, 3, 5))
        page.date_promulgated = date(2019, 3, 4)
        self.assertIn("date_promulgated", self.errors(page))
        page.date_promulgated = date(2019, 3, 5)
        page.full_clean()

    def test_number_and_year_unique_per_type(self):
        """Two Perda 5/2019 are refused (whatever the case of the number); Perwali 5/2019 and Perda 5/2020 are not."""
        legal_document(number="5A", year=2019)
        duplicate = LegalDocumentPage(
            title_ind="Lain", slug="lain", doc_type=DocumentType.PERDA, number="5a", year=2019
        )
        errors = self.errors(duplicate)
        self.assertIn("number", errors)
        with translation.override("en"):
            self.assertIn("is already in the register", " ".join(self.errors(duplicate)["number"]))
        legal_document(doc_type=DocumentType.PERWALI, number="5A", year=2019)
        legal_document(number="5A", year=2020)

    def test_saving_a_duplicate_is_refused(self):
        """The rule holds on save too (imports and code), not only in the admin form."""
        legal_document(number="5", year=2019)
        with self.assertRaises(ValidationError):
            legal_document(number="5", year=2019, slug="perda-5-2019-lagi")

    def test_other_types_are_told_apart_by_name(self):
        """Two "other" documents 1/2019 of different kinds are not duplicates; of the same kind they are."""
        legal_document(doc_type=DocumentType.LAINNYA, other_type_name="Peraturan Bersama", number="1")
        legal_document(doc_type=DocumentType.LAINNYA, other_type_name="Keputusan Bersama", number="1", slug="kb-1")
        duplicate = LegalDocumentPage(
            title_ind="Lain",
            slug="lain",
            doc_type=DocumentType.LAINNYA,
            other_type_name="peraturan bersama",
            number="1",
            year=2019,
        )
        self.assertIn("number", self.errors(duplicate))

    def test_other_type_needs_its_name(self):
        """The type "other" needs its official name, for the register and the JDIHN feed."""
        page = legal_document(doc_type=DocumentType.LAINNYA, other_type_name="Peraturan Bersama", number="1")
        self.assertEqual(page.type_name, "Peraturan Bersama")
        page.other_type_name = ""
        self.assertIn("other_type_name", self.errors(page))

    def test_a_document_cannot_act_on_itself(self):
        page = legal_document()
        relation = LegalDocumentRelation(source=page, kind=RelationKind.MENGUBAH, target=page)
        with self.assertRaises(ValidationError):
            relation.clean()

    def test_identifiers(self):
        """The citation form and the short form, from the type's official name and abbreviation."""
        page = legal_document(number="5", year=2019)
        self.assertEqual(page.identifier, "Peraturan Daerah Nomor 5 Tahun 2019")
        self.assertEqual(page.short_identifier, "Perda 5/2019")


class RelationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()
        cls.old = legal_document(
            title_ind="Retribusi Pasar", title_en="Market fees", number="3", year=2011, status=Status.DIUBAH
        )
        cls.rule = legal_document(
            title_ind="Pelaksanaan Retribusi Pasar",
            doc_type=DocumentType.PERWALI,
            number="12",
            year=2012,
            relations=[LegalDocumentRelation(kind=RelationKind.MELAKSANAKAN, target=cls.old)],
        )
        cls.new = legal_document(
            title_ind="Perubahan Retribusi Pasar",
            title_en="Amendment of market fees",
            number="7",
            year=2021,
            relations=[LegalDocumentRelation(kind=RelationKind.MENGUBAH, target=cls.old)],
        )

    def test_both_directions_in_the_page_context(self):
        """The amending document lists what it amends; the amended one lists what amends and implements it."""
        with translation.override("en"):
            self.assertEqual(
                [(str(label), docs) for label, docs in self.new.relation_groups()], [("Amends", [self.old])]
            )
            self.assertEqual(
                [(str(label), docs) for label, docs in self.old.relation_groups()],
                [("Amended by", [self.new]), ("Implemented by", [self.rule])],
            )

    def test_both_directions_on_the_pages_in_both_languages(self):
        """Each page links the other, with the relation named in the visitor's language."""
        cases = [
            ("/id/jdih/perda-7-2021/", "Mengubah", "/id/jdih/perda-3-2011/"),
            ("/en/legal-documents/perda-7-2021/", "Amends", "/en/legal-documents/perda-3-2011/"),
            ("/id/jdih/perda-3-2011/", "Diubah oleh", "/id/jdih/perda-7-2021/"),
            ("/en/legal-documents/perda-3-2011/", "Amended by", "/en/legal-documents/perda-7-2021/"),
            ("/id/jdih/perda-3-2011/", "Dilaksanakan oleh", "/id/jdih/perwali-12-2012/"),
            ("/id/jdih/perwali-12-2012/", "Melaksanakan", "/id/jdih/perda-3-2011/"),
        ]
        for url, label, link in cases:
            response = self.client.get(url)
            self.assertContains(response, f"<dt>{label}</dt>", msg_prefix=url)
            self.assertContains(response, f'href="{link}"', msg_prefix=url)

    def test_a_draft_document_does_not_show_on_the_other(self):
        """A relation from an unpublished document is not shown on the published one."""
        legal_document(
            title_ind="Pencabutan (draf)",
            number="9",
            year=2024,
            live=False,
            relations=[LegalDocumentRelation(kind=RelationKind.MENCABUT, target=self.old)],
        )
        response = self.client.get("/id/jdih/perda-3-2011/")
        self.assertNotContains(response, "Dicabut oleh")
        self.assertNotContains(response, "perda-9-2024")
