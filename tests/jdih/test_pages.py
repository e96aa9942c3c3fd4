"""The register and document pages: the admin form, both languages, fallback, filters, JSON-LD, the sitemap,
and the pages elsewhere on the site that cite a document (and say so when it is revoked)."""

import json
import re
from datetime import date

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import translation

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from jdih.models import DocumentType, LegalDocumentPage, LegalDocumentRelation, RelationKind, Status
from tests.factories import news as news_factories
from tests.factories.heritage_pages import heritage_site
from tests.factories.jdih import jdih_index, legal_document, pdf_document
from tests.factories.smartcity import dimension, masterplan, programme


def document_form_data(**overrides):
    data = {
        "title_ind": "Rencana Pembangunan Jangka Menengah Daerah Tahun 2018–2023",
        "title_en": "Medium-Term Development Plan 2018–2023",
        "slug_ind": "perda-5-2019",
        "slug_en": "perda-5-2019",
        "doc_type": DocumentType.PERDA,
        "other_type_name": "",
        "other_type_abbreviation": "",
        "number": "5",
        "year": "2019",
        "teu_body": "Tanjungpinang (Kota)",
        "place_enacted": "Tanjungpinang",
        "date_enacted": "2019-03-01",
        "date_promulgated": "2019-03-04",
        "source": "Lembaran Daerah Kota Tanjungpinang Tahun 2019 Nomor 5",
        "status": Status.BERLAKU,
        "status_note_ind": "",
        "status_note_en": "",
        "subjects": "RPJMD, perencanaan pembangunan",
        "language": "Indonesia",
        "field_of_law": "Hukum Administrasi Negara",
        "call_number": "",
        "abstract_ind": "Visi, misi dan program pembangunan lima tahun.",
        "abstract_en": "The five-year vision, missions and programmes.",
        "relations": inline_formset([]),
        "attachments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data({key: value for key, value in data.items() if value is not None})


class EditorTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()
        cls.old = legal_document(title_ind="RPJMD 2013–2018", number="2", year=2014)

    def setUp(self):
        self.user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
        self.client.force_login(self.user)

    def add_url(self):
        return f"/admin/pages/add/jdih/legaldocumentpage/{self.index.pk}/"

    def test_create_document_through_the_admin_form_with_both_languages(self):
        """An editor fills the metadata, both languages and a relation in one form; it is published and shown."""
        pdf = pdf_document()
        data = document_form_data(
            pdf=pdf.pk,
            relations=inline_formset([{"kind": RelationKind.MENCABUT, "target": self.old.pk}]),
            attachments=inline_formset([{"title_ind": "Lampiran I", "title_en": "Annex I", "document": pdf.pk}]),
        )
        self.assertCanCreate(self.index, LegalDocumentPage, data)
        page = LegalDocumentPage.objects.get(slug_ind="perda-5-2019")
        self.assertTrue(page.live)
        self.assertEqual((page.doc_type, page.number, page.year), ("perda", "5", 2019))
        self.assertEqual(page.abstract_en, "The five-year vision, missions and programmes.")
        self.assertEqual(page.relations.get().target.specific, self.old)
        self.assertContains(self.client.get("/id/jdih/perda-5-2019/"), "Mencabut")
        self.assertContains(self.client.get("/en/legal-documents/perda-5-2019/"), "Annex I")
        self.assertContains(self.client.get("/id/jdih/perda-2-2014/"), "Dicabut oleh")

    def test_metadata_rules_are_form_errors(self):
        """Dates out of order, a duplicate number and an unexplained revocation give form errors, not a 500."""
        data = document_form_data(
            number="2", year="2014", date_promulgated="2019-02-01", status=Status.DICABUT, slug_ind="dup"
        )
        response = self.client.post(self.add_url(), data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        for field in ("number", "date_promulgated", "status"):
            self.assertIn(field, errors)
        self.assertFalse(LegalDocumentPage.objects.filter(slug_ind="dup").exists())

    def test_required_fields(self):
        """Type, number and year are required."""
        response = self.client.post(self.add_url(), document_form_data(doc_type="", number="", year=""))
        errors = response.context["form"].errors
        for field in ("doc_type", "number", "year"):
            self.assertIn(field, errors)

    def test_editable_and_previewable_in_both_languages(self):
        page = legal_document(title_en="Plan")
        self.assertPageIsEditable(page)
        self.assertPageIsPreviewable(page, mode="id")
        self.assertPageIsPreviewable(page, mode="en")
        self.assertPageIsRenderable(self.index)

    def test_admin_menu_opens_the_register(self):
        response = self.client.get("/admin/jdih/")
        self.assertRedirects(response, f"/admin/pages/{self.index.pk}/", fetch_redirect_response=False)


class RenderingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()
        cls.translated = legal_document(
            title_ind="Rencana Pembangunan Jangka Menengah Daerah",
            title_en="Medium-Term Development Plan",
            number="5",
            year=2019,
            date_enacted=date(2019, 3, 1),
            date_promulgated=date(2019, 3, 4),
            abstract_ind="Visi dan misi lima tahun.",
            subjects="RPJMD, perencanaan",
            pdf=pdf_document(),
        )
        cls.untranslated = legal_document(
            title_ind="Pajak Daerah",
            number="1",
            year=2011,
            status=Status.DICABUT,
            status_note_ind="Dicabut karena diganti peraturan baru.",
            relations=[LegalDocumentRelation(kind=RelationKind.MELAKSANAKAN, target=cls.translated)],
        )

    def test_document_in_both_languages(self):
        """The Indonesian and English pages show the title, citation form, status and PDF link with its size."""
        response = self.client.get("/id/jdih/perda-5-2019/")
        self.assertContains(response, "<h1>Rencana Pembangunan Jangka Menengah Daerah</h1>", html=True)
        self.assertContains(response, "Peraturan Daerah Nomor 5 Tahun 2019")
        self.assertContains(response, "Unduh naskah resmi")
        self.assertRegex(response.content.decode(), r"\(PDF, [0-9.,]+\s(KB|bytes)\)")
        self.assertContains(response, 'hreflang="en"')
        response = self.client.get("/en/legal-documents/perda-5-2019/")
        self.assertContains(response, "<h1>Medium-Term Development Plan</h1>", html=True)
        self.assertContains(response, "In force")
        self.assertContains(response, "Download the official text")
        # The abstract exists in Indonesian only: it is marked so on the English page.
        self.assertContains(response, '<p lang="id">Visi dan misi lima tahun.</p>', html=True)

    def test_untranslated_document_falls_back_to_indonesian(self):
        """With no English title, /en/ shows the Indonesian page with the notice, lang="id" and noindex."""
        response = self.client.get("/en/legal-documents/perda-1-2011/")
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<html lang="en">', html)
        self.assertIn("This page is only available in Indonesian.", html)
        self.assertRegex(html, r'<h1 lang="id">[^<]*Pajak Daerah')  # the Indonesian title says so itself
        self.assertIn("noindex", html)
        self.assertNotIn('hreflang="en"', html)
        self.assertIn("Pajak Daerah", html)
        self.assertIn("This regulation has been revoked.", html)

    def test_json_ld_legislation(self):
        """A schema.org Legislation block, escaped for embedding and with the legal force and relations."""
        html = self.client.get("/id/jdih/perda-1-2011/").content.decode()
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        self.assertEqual(len(blocks), 1)
        data = json.loads(blocks[0])
        self.assertEqual(data["@type"], "Legislation")
        self.assertEqual(data["legislationIdentifier"], "Peraturan Daerah Nomor 1 Tahun 2011")
        self.assertEqual(data["legislationType"], "Peraturan Daerah")
        self.assertEqual(data["legislationLegalForce"], "https://schema.org/NotInForce")
        self.assertEqual(data["isBasedOn"][0]["legislationIdentifier"], "Peraturan Daerah Nomor 5 Tahun 2019")
        data = json.loads(
            re.findall(
                r'<script type="application/ld\+json">(.*?)</script>',
                self.client.get("/id/jdih/perda-5-2019/").content.decode(),
                re.S,
            )[0]
        )
        self.assertEqual(data["legislationDate"], "2019-03-01")
        self.assertEqual(data["datePublished"], "2019-03-04")
        self.assertEqual(data["legislationLegalForce"], "https://schema.org/InForce")
        self.assertEqual(data["alternateName"], "Medium-Term Development Plan")

    def test_json_ld_cannot_break_out_of_its_script(self):
        """A title with </script> stays inside the JSON-LD block."""
        legal_document(title_ind="Judul </script><script>alert(1)</script>", number="66", year=2020)
        html = self.client.get("/id/jdih/perda-66-2020/").content.decode()
        head = html.split("</head>")[0]
        self.assertNotIn("<script>alert(1)", head)
        self.assertIn("\\u003C/script\\u003E", head)

    def test_register_lists_and_filters(self):
        """The register lists live documents; filters by type, year, status and subject narrow it."""
        legal_document(title_ind="Draf", number="77", year=2024, live=False)
        cases = {
            "": ["perda-5-2019", "perda-1-2011"],
            "?tahun=2019": ["perda-5-2019"],
            "?status=dicabut": ["perda-1-2011"],
            "?subjek=rpjmd": ["perda-5-2019"],
            "?jenis=perwali": [],
        }
        for query, expected in cases.items():
            for prefix in ("/id/jdih/", "/en/legal-documents/"):
                response = self.client.get(prefix + query)
                self.assertEqual(response.status_code, 200)
                slugs = [doc.slug_ind for doc in response.context["documents"]]
                self.assertEqual(slugs, expected, prefix + query)

    def test_unknown_filter_values_are_ignored(self):
        """Unknown or malformed filters and pages list everything instead of failing."""
        response = self.client.get("/id/jdih/?jenis=xx&tahun=19x9&status=%00&subjek=tidak-ada&page=abc")
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response.context["active_filters"], {})
        self.assertEqual(response.context["result_count"], 2)

    def test_both_in_the_sitemap(self):
        """The translated document is listed in both languages; the untranslated one in Indonesian only."""
        index = self.client.get("/sitemap.xml").content.decode()
        text = "".join(self.client.get(loc).content.decode() for loc in re.findall(r"<loc>(.*?)</loc>", index))
        self.assertIn("/id/jdih/perda-5-2019/", text)
        self.assertIn("/en/legal-documents/perda-5-2019/", text)
        self.assertIn("/id/jdih/perda-1-2011/", text)
        self.assertNotIn("/en/legal-documents/perda-1-2011/", text)


class CitationTests(TestCase):
    """A heritage site's decree, a programme's legal basis and a news item's cited regulations."""

    @classmethod
    def setUpTestData(cls):
        cls.index = jdih_index()
        cls.decree = legal_document(
            title_ind="Penetapan Gedung Mesiu sebagai Cagar Budaya",
            title_en="Designation of the Gunpowder Store as Cultural Heritage",
            doc_type=DocumentType.KEPWALI,
            number="188.45/10",
            year=2021,
        )
        cls.site = heritage_site(title_ind="Gedung Mesiu", title_en="Gunpowder Store", decree_jdih_document=cls.decree)
        room = news_factories.newsroom(news_factories.opd())
        cls.news = news_factories.news_page(room, title_ind="Berita cagar budaya", title_en="Heritage news")
        cls.programme = programme(dimension(masterplan()), "Program Tanjak", "Tanjak programme")
        with translation.override("id"):
            for page, name in ((cls.news, "cited_regulations"), (cls.programme, "legal_basis_documents")):
                getattr(page, name).set([cls.decree])
                page.save_revision().publish()

    def citing_urls(self):
        """Each citing page's URL in each language."""
        urls = []
        for page in (self.site, self.news, self.programme):
            for language in ("id", "en"):
                with translation.override(language):
                    urls.append(page.get_url())
        return urls

    def test_citing_pages_link_the_document_in_both_languages(self):
        urls = self.citing_urls()
        self.assertIn("/en/heritage/gunpowder-store/", urls)
        for url in urls:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertContains(response, "Keputusan Wali Kota Nomor 188.45/10 Tahun 2021", msg_prefix=url)
            language = url.split("/")[1]
            with translation.override(language):
                decree_url = self.decree.get_url()
            self.assertContains(response, f'href="{decree_url}"', msg_prefix=url)
            self.assertNotContains(response, "telah dicabut", msg_prefix=url)
            self.assertNotContains(response, "has been revoked", msg_prefix=url)

    def test_document_lists_the_pages_that_cite_it(self):
        response = self.client.get("/id/jdih/kepwali-188-45-10-2021/")
        self.assertContains(response, "Halaman yang merujuk dokumen ini")
        for page in (self.site, self.news, self.programme):
            self.assertContains(response, f'href="{page.get_url()}"')

    def test_revoked_document_is_flagged_on_the_citing_pages_in_both_languages(self):
        """Once the decree is revoked, each citing page says so in the visitor's language."""
        self.decree.status = Status.DICABUT
        self.decree.status_note_ind = "Dicabut dengan keputusan baru."
        with translation.override("id"):
            self.decree.save_revision().publish()
        texts = {"id": "Peraturan ini telah dicabut.", "en": "This regulation has been revoked."}
        for url in self.citing_urls():
            response = self.client.get(url)
            self.assertContains(response, texts[url.split("/")[1]], msg_prefix=url)

    def test_unpublished_document_is_not_linked(self):
        """An unpublished decree disappears from the pages that cite it (never serve what an editor withdrew)."""
        self.decree.unpublish()
        for url in self.citing_urls():
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotContains(response, "188.45/10", msg_prefix=url)
