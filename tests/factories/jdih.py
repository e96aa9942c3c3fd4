"""Legal documents register pages built through Wagtail's tree API, with both languages' fields."""

from django.utils import translation

from jdih.models import DocumentType, JDIHIndexPage, LegalDocumentPage
from jdih.pdf import placeholder_document
from tests.factories.pages import home_page, publish


def jdih_index(parent=None, **fields):
    existing = JDIHIndexPage.objects.first()
    if existing:
        return existing
    fields.setdefault("intro_ind", "Produk hukum Kota Tanjungpinang.")
    fields.setdefault("intro_en", "Tanjungpinang's legal documents.")
    page = JDIHIndexPage(
        title_ind="JDIH", title_en="Legal documents", slug="jdih", slug_ind="jdih", slug_en="legal-documents", **fields
    )
    return publish(parent or home_page(), page)


def pdf_document(title="Dokumen uji", filename="dokumen-uji.pdf"):
    return placeholder_document(title, filename, [title])


def legal_document(
    index=None,
    title_ind="Rencana Pembangunan Jangka Menengah Daerah",
    title_en=None,
    doc_type=DocumentType.PERDA,
    number="5",
    year=2019,
    *,
    live=True,
    relations=(),
    **fields,
):
    """A published (or, with ``live=False``, draft-only) legal document under the register."""
    index = index or jdih_index()
    slug = fields.pop("slug", None) or f"{doc_type}-{number}-{year}".replace("/", "-").replace(".", "-").lower()
    page = LegalDocumentPage(
        title_ind=title_ind,
        title_en=title_en,
        slug=slug,
        slug_ind=slug,
        slug_en=slug if title_en else None,
        doc_type=doc_type,
        number=number,
        year=year,
        **fields,
    )
    page.relations = list(relations)
    if live:
        return publish(index, page)
    page.live = False
    with translation.override("id"):
        index.add_child(instance=page)
        page.save_revision()
    page.refresh_from_db()
    return page
