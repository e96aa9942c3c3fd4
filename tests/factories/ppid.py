"""The PPID section built through Wagtail's tree API: index, register, form page, entries and requests."""

from datetime import date

from django.core.files.base import ContentFile

from ppid.models import (
    Category,
    DIPDocument,
    DIPEntryPage,
    DIPRegisterPage,
    ExemptionGround,
    InformationRequest,
    InformationRequestPage,
    PPIDIndexPage,
)
from tests.factories.news import opd as make_opd
from tests.factories.pages import home_page, publish


def ppid_index():
    existing = PPIDIndexPage.objects.first()
    if existing:
        return existing
    page = PPIDIndexPage(
        title_ind="Layanan Informasi Publik",
        title_en="Public information",
        slug="ppid",
        slug_ind="ppid",
        slug_en="ppid",
        intro_ind="<p>Hak atas informasi.</p>",
        intro_en="<p>The right to information.</p>",
    )
    return publish(home_page(), page)


def dip_register():
    existing = DIPRegisterPage.objects.first()
    if existing:
        return existing
    page = DIPRegisterPage(
        title_ind="Daftar Informasi Publik",
        title_en="Public information list",
        slug="dip",
        slug_ind="dip",
        slug_en="dip",
    )
    return publish(ppid_index(), page)


def request_page():
    existing = InformationRequestPage.objects.first()
    if existing:
        return existing
    page = InformationRequestPage(
        title_ind="Permohonan Informasi",
        title_en="Request information",
        slug="permohonan",
        slug_ind="permohonan",
        slug_en="request",
        intro_ind="<p>Isi formulir.</p>",
        intro_en="<p>Fill in the form.</p>",
    )
    return publish(ppid_index(), page)


def dip_entry(slug="anggaran", category=Category.BERKALA, opd_slug="diskominfo", live=True, made_on=None, **fields):
    opd = make_opd(opd_slug)
    values = {
        "title_ind": f"Informasi {slug}",
        "title_en": f"Information {slug}",
        "summary_ind": f"Ringkasan {slug}",
        "summary_en": f"Summary of {slug}",
        "category": category,
        "opd": opd,
        "person_in_charge": "PPID Pembantu",
        "made_on": made_on or date(2026, 1, 15),
        "retention_ind": "5 tahun",
        "retention_en": "5 years",
    }
    if category == Category.DIKECUALIKAN:
        values.update(
            exemption_ground=ExemptionGround.PRIVACY,
            legal_basis_ind="Pasal 17 huruf h UU 14/2008",
            consequence_test_ind="Mengungkap rahasia pribadi.",
        )
    values["slug_en"] = slug
    values.update(fields)
    page = DIPEntryPage(slug=slug, slug_ind=slug, **values)
    register = dip_register()
    if live:
        return publish(register, page)
    page.live = False
    register.add_child(instance=page)
    page.save_revision()
    return page


def dip_document(entry, name="dokumen.pdf", content=b"%PDF-1.4 demo"):
    document = DIPDocument(entry=entry, title="Dokumen", title_ind="Dokumen", title_en="Document")
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def information_request(language="id", email="warga@example.org", **fields):
    """A saved request; returns ``(request, token)``."""
    values = {
        "language": language,
        "name": "Warga Contoh",
        "email": email,
        "address": "Jl. Merdeka 1",
        "identity_type": "ktp",
        "identity_last4": "1234",
        "information_requested": "Salinan APBD",
        "purpose": "Penelitian",
        "obtain_method": "salinan",
        "delivery_method": "email",
    }
    values.update(fields)
    return InformationRequest.create(**values)
