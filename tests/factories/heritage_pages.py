"""Heritage register pages built through Wagtail's tree API, with both languages' fields."""

from decimal import Decimal

from django.utils import translation

from heritage_pages.models import Category, HeritageIndexPage, HeritageSitePage, LegalStatus
from tests.factories.pages import home_page, publish


def heritage_index(parent=None, **fields):
    existing = HeritageIndexPage.objects.first()
    if existing:
        return existing
    fields.setdefault("intro_ind", "<p>Daftar warisan budaya kota.</p>")
    fields.setdefault("intro_en", "<p>The city's heritage register.</p>")
    page = HeritageIndexPage(
        title_ind="Warisan Budaya",
        title_en="Heritage",
        slug="warisan-budaya",
        slug_ind="warisan-budaya",
        slug_en="heritage",
        **fields,
    )
    return publish(parent or home_page(), page)


def heritage_site(
    index=None,
    title_ind="Masjid Raya Sultan Riau",
    title_en="Sultan of Riau Grand Mosque",
    slug_ind=None,
    slug_en=None,
    *,
    live=True,
    **fields,
):
    """A published (or, with ``live=False``, draft-only) heritage site under the index."""
    index = index or heritage_index()
    slug_ind = slug_ind or title_ind.lower().replace(" ", "-")
    if title_en and slug_en is None:
        slug_en = title_en.lower().replace(" ", "-")
    fields.setdefault("summary_ind", f"Ringkasan {title_ind}.")
    if title_en:
        fields.setdefault("summary_en", f"Summary of {title_en}.")
    fields.setdefault("category", Category.BANGUNAN)
    fields.setdefault("legal_status", LegalStatus.TERDAFTAR)
    fields.setdefault("latitude", Decimal("0.926300"))
    fields.setdefault("longitude", Decimal("104.419500"))
    page = HeritageSitePage(
        title_ind=title_ind, title_en=title_en or None, slug=slug_ind, slug_ind=slug_ind, slug_en=slug_en, **fields
    )
    if live:
        return publish(index, page)
    page.live = False
    with translation.override("id"):
        index.add_child(instance=page)
        page.save_revision()
    page.refresh_from_db()
    return page
