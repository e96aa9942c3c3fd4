"""The register and a document page render in the same number of queries however much they list."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from jdih.models import DocumentType, LegalDocumentAttachment, LegalDocumentRelation, RelationKind
from tests.factories import news as news_factories
from tests.factories.jdih import jdih_index, legal_document, pdf_document

MAX_QUERIES = 12


class QueryCountTests(TestCase):
    def count(self, url):
        self.client.get(url)  # warm-up, as on a running server
        self.client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200)
        return len(queries)

    def test_document_page(self):
        """Relations both ways, attachments and citing pages cost no query per item."""
        index = jdih_index()
        target = legal_document(index, number="1", year=2010, title_en="Base")
        page = legal_document(
            index,
            number="2",
            year=2020,
            title_en="Main",
            pdf=pdf_document(),
            relations=[LegalDocumentRelation(kind=RelationKind.MENGUBAH, target=target)],
        )
        urls = ["/id/jdih/perda-2-2020/", "/en/legal-documents/perda-2-2020/"]
        few = [self.count(url) for url in urls]
        for number in range(3, 6):
            other = legal_document(index, number=str(number), year=2011)
            legal_document(
                index,
                doc_type=DocumentType.PERWALI,
                number=str(number),
                year=2021,
                relations=[LegalDocumentRelation(kind=RelationKind.MELAKSANAKAN, target=page)],
            )
            page.relations.add(LegalDocumentRelation(kind=RelationKind.MENCABUT, target=other))
            page.attachments.add(LegalDocumentAttachment(title_ind=f"Lampiran {number}", document=pdf_document()))
        room = news_factories.newsroom(news_factories.opd())
        for number in range(3):
            news = news_factories.news_page(room, title_ind=f"Berita {number}", title_en=f"News {number}")
            news.cited_regulations.set([page])
            news.save_revision().publish()
        page.save_revision().publish()
        many = [self.count(url) for url in urls]
        self.assertEqual(few, many)
        self.assertLessEqual(max(many), MAX_QUERIES)

    def test_register(self):
        """The register's listing and filter options cost the same with 2 or 30 documents."""
        index = jdih_index()
        for number in range(2):
            legal_document(index, number=str(number), year=2019, subjects="a, b", pdf=pdf_document())
        urls = ["/id/jdih/", "/en/legal-documents/?tahun=2019&subjek=a"]
        few = [self.count(url) for url in urls]
        for number in range(2, 30):
            legal_document(
                index, number=str(number), year=2000 + number % 20, subjects=f"s{number}", pdf=pdf_document()
            )
        many = [self.count(url) for url in urls]
        self.assertEqual(few, many)
        self.assertLessEqual(max(many), MAX_QUERIES)
