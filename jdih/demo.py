"""Demo content for jdih/: the legal documents register and a few real-shaped example documents.

Every document here is marked as demo (``is_demo``) and has "contoh" in its number: the types and
subjects are real (the RPJMD Perda, the smart city masterplan Perwali, a heritage designation decree),
the numbers and dates are not, so none is invented as official. Each gets a small generated PDF.
Idempotent: pages are looked up by their Indonesian slug and left alone when they exist; links from
other pages are only added where none are set yet.
"""

from wagtail.documents import get_document_model

from home.demo import upsert_page
from jdih.models import DocumentType, JDIHIndexPage, LegalDocumentPage, LegalDocumentRelation, RelationKind, Status
from jdih.pdf import placeholder_document

DEMO_NOTE = "CONTOH - bukan dokumen resmi / EXAMPLE - not an official document"

DOCUMENTS = [
    {
        "slug": "perda-contoh-rpjmd-2018-2023",
        "doc_type": DocumentType.PERDA,
        "number": "contoh-1",
        "year": 2019,
        "title_ind": "Rencana Pembangunan Jangka Menengah Daerah Kota Tanjungpinang Tahun 2018–2023",
        "title_en": "Tanjungpinang Medium-Term Regional Development Plan (RPJMD) 2018–2023",
        "subjects": "RPJMD, perencanaan pembangunan",
        "field_of_law": "Hukum Administrasi Negara",
        "source": "Lembaran Daerah Kota Tanjungpinang (contoh)",
        "abstract_ind": (
            "Menetapkan visi, misi, tujuan, sasaran dan program pembangunan daerah Kota Tanjungpinang untuk lima "
            "tahun, yang menjadi acuan rencana strategis perangkat daerah dan rencana kerja tahunan."
        ),
        "abstract_en": (
            "Sets Tanjungpinang's vision, missions, goals, targets and development programmes for five years, "
            "which the agencies' strategic plans and the annual work plans follow."
        ),
    },
    {
        "slug": "perwali-contoh-masterplan-smart-city",
        "doc_type": DocumentType.PERWALI,
        "number": "contoh-2",
        "year": 2020,
        "title_ind": "Masterplan Kota Cerdas (Smart City) Kota Tanjungpinang",
        "title_en": "Tanjungpinang Smart City Masterplan",
        "subjects": "smart city, kota cerdas, masterplan",
        "field_of_law": "Hukum Administrasi Negara",
        "source": "Berita Daerah Kota Tanjungpinang (contoh)",
        "abstract_ind": (
            "Menetapkan masterplan kota cerdas yang disusun melalui Gerakan Menuju 100 Smart City: enam dimensi, "
            "program, quick win dan perangkat daerah penanggung jawabnya."
        ),
        "abstract_en": (
            "Sets the smart city masterplan drawn up in the Movement Towards 100 Smart Cities: six dimensions, "
            "programmes, quick wins and the agencies responsible for them."
        ),
    },
    {
        "slug": "perwali-contoh-perubahan-masterplan-smart-city",
        "doc_type": DocumentType.PERWALI,
        "number": "contoh-3",
        "year": 2022,
        "title_ind": "Perubahan atas Peraturan Wali Kota tentang Masterplan Kota Cerdas (Smart City) Kota Tanjungpinang",
        "title_en": "",
        "subjects": "smart city, kota cerdas, masterplan",
        "field_of_law": "Hukum Administrasi Negara",
        "source": "Berita Daerah Kota Tanjungpinang (contoh)",
        "abstract_ind": "Menyesuaikan daftar program dan quick win masterplan kota cerdas dengan hasil evaluasi tahunan.",
        "abstract_en": "",
    },
    {
        "slug": "kepwali-contoh-penetapan-cagar-budaya",
        "doc_type": DocumentType.KEPWALI,
        "number": "contoh-4",
        "year": 2021,
        "title_ind": "Penetapan Cagar Budaya Peringkat Kota Tanjungpinang",
        "title_en": "Designation of City-Level Cultural Heritage in Tanjungpinang",
        "subjects": "cagar budaya, kota pusaka",
        "field_of_law": "Hukum Administrasi Negara",
        "source": "",
        "abstract_ind": (
            "Menetapkan benda, bangunan, struktur dan situs yang direkomendasikan Tim Ahli Cagar Budaya sebagai "
            "cagar budaya peringkat kota, sesuai Undang-Undang Nomor 11 Tahun 2010."
        ),
        "abstract_en": (
            "Designates the objects, buildings, structures and sites recommended by the Cultural Heritage Expert "
            "Team as city-level cultural heritage, under Law 11/2010."
        ),
    },
]


def demo_pdf(spec):
    """The generated PDF of one demo document, looked up by title."""
    title = f"{spec['slug']} (contoh)"
    existing = get_document_model().objects.filter(title=title).first()
    if existing:
        return existing
    lines = ["KOTA TANJUNGPINANG", spec["title_ind"], f"Nomor {spec['number']} Tahun {spec['year']}", DEMO_NOTE]
    return placeholder_document(title, f"{spec['slug']}.pdf", lines)


def seed_index(home):
    return upsert_page(
        home,
        JDIHIndexPage,
        "jdih",
        title_ind="JDIH: Produk Hukum Daerah",
        title_en="Legal Documents (JDIH)",
        slug_en="legal-documents",
        intro_ind=(
            "Jaringan Dokumentasi dan Informasi Hukum Kota Tanjungpinang: peraturan daerah, peraturan dan keputusan "
            "wali kota beserta statusnya. Data ini juga dikirim ke JDIH Nasional."
        ),
        intro_en=(
            "Tanjungpinang's legal documentation and information network: regional regulations, the mayor's "
            "regulations and decrees, and whether they are in force. The same data feeds the national JDIH portal."
        ),
    )


def seed_documents(index):
    pages = {}
    for spec in DOCUMENTS:
        fields = {key: value for key, value in spec.items() if key != "slug" and value != ""}
        pages[spec["slug"]] = upsert_page(
            index, LegalDocumentPage, spec["slug"], is_demo=True, pdf=demo_pdf(spec), **fields
        )
    amendment = pages["perwali-contoh-perubahan-masterplan-smart-city"]
    masterplan = pages["perwali-contoh-masterplan-smart-city"]
    if not amendment.relations.exists():
        amendment.relations = [LegalDocumentRelation(kind=RelationKind.MENGUBAH, target=masterplan)]
        amendment.save_revision().publish()
    if masterplan.status == Status.BERLAKU:
        masterplan.status = Status.DIUBAH
        masterplan.save_revision().publish()
    return pages


def link_citing_pages(pages):
    """Point a programme's legal basis and a news item's cited regulations at the demo documents."""
    from news.models import NewsPage
    from smartcity.models import SmartCityProgrammePage

    programme = SmartCityProgrammePage.objects.filter(slug_ind="aplikasi-tanjak").first()
    if programme is not None and not programme.legal_basis_documents.exists():
        programme.legal_basis_documents = [pages["perwali-contoh-masterplan-smart-city"]]
        programme.save_revision().publish()
    news = NewsPage.objects.filter(slug_ind="bimtek-tahap-iv-komitmen-bersama-masterplan-smart-city").first()
    if news is not None and not news.cited_regulations.exists():
        news.cited_regulations = [pages["perda-contoh-rpjmd-2018-2023"]]
        news.save_revision().publish()


def seed(context):
    """The register under the home page, its demo documents, and links from a programme and a news item."""
    index = seed_index(context["home"])
    pages = seed_documents(index)
    link_citing_pages(pages)
    context["jdih_index"] = index
    return index
