"""Smart city pages built through Wagtail's tree API, with both languages' fields."""

from django.utils import translation

from home.models import OPD
from smartcity.choices import Dimension, Horizon, Status
from smartcity.models import (
    ProgrammeBudgetLine,
    ProgrammeIndicator,
    ProgrammeIndicatorValue,
    SmartCityDimensionPage,
    SmartCityIndexPage,
    SmartCityProgrammePage,
)
from tests.factories.pages import home_page, publish


def opd(slug="diskominfo", acronym="Diskominfo", name_ind="Dinas Komunikasi dan Informatika", name_en=None):
    found = OPD.objects.filter(slug=slug).first()
    if found:
        return found
    return OPD.objects.create(
        slug=slug, acronym=acronym, name=name_ind, name_ind=name_ind, name_en=name_en or f"{acronym} agency"
    )


def masterplan(parent=None, **fields):
    parent = parent or home_page()
    defaults = dict(
        title_ind="Masterplan Kota Cerdas",
        title_en="Smart City Masterplan",
        slug="kota-cerdas",
        slug_ind="kota-cerdas",
        slug_en="smart-city",
        summary_ind="Ringkasan masterplan.",
        summary_en="Masterplan summary.",
        vision_ind="Visi kota",
        vision_en="City vision",
        period_start=2019,
        period_end=2023,
    )
    defaults.update(fields)
    return publish(parent, SmartCityIndexPage(**defaults))


DIMENSION_SLUGS = {
    Dimension.GOVERNANCE: ("tata-kelola", "governance", "Tata Kelola Cerdas", "Smart Governance"),
    Dimension.BRANDING: ("branding", "branding", "Branding Cerdas", "Smart Branding"),
    Dimension.ECONOMY: ("ekonomi", "economy", "Ekonomi Cerdas", "Smart Economy"),
    Dimension.LIVING: ("kehidupan", "living", "Kehidupan Cerdas", "Smart Living"),
    Dimension.SOCIETY: ("masyarakat", "society", "Masyarakat Cerdas", "Smart Society"),
    Dimension.ENVIRONMENT: ("lingkungan", "environment", "Lingkungan Cerdas", "Smart Environment"),
}


def dimension(index, code=Dimension.GOVERNANCE):
    slug_ind, slug_en, title_ind, title_en = DIMENSION_SLUGS[code]
    page = SmartCityDimensionPage(
        dimension=code,
        title_ind=title_ind,
        title_en=title_en,
        slug=slug_ind,
        slug_ind=slug_ind,
        slug_en=slug_en,
        summary_ind=f"Ringkasan {title_ind}",
        summary_en=f"Summary of {title_en}",
    )
    return publish(index, page)


def all_dimensions(index):
    return {code: dimension(index, code) for code in Dimension.values}


def programme(
    parent,
    title_ind,
    title_en=None,
    *,
    lead=None,
    horizon=Horizon.SHORT,
    status=Status.RUNNING,
    budget=(),
    indicators=(),
    values=(),
    live=True,
    **fields,
):
    """A programme under ``parent``; ``budget`` is ``[(year, source, amount, kind)]``, ``indicators``
    ``[(key, name_ind, name_en, unit, baseline, baseline_year)]`` and ``values`` ``[(key, year, target, real)]``."""
    slug = fields.pop("slug_ind", None) or title_ind.lower().replace(" ", "-")
    page = SmartCityProgrammePage(
        title_ind=title_ind,
        title_en=title_en,
        slug=slug,
        slug_ind=slug,
        slug_en=(title_en or "").lower().replace(" ", "-") or None,
        summary_ind=f"Ringkasan {title_ind}",
        summary_en=f"Summary of {title_en}" if title_en else None,
        horizon=horizon,
        status=status,
        lead_opd=lead or opd(),
        budget_lines=[ProgrammeBudgetLine(fiscal_year=y, source=s, amount=a, kind=k) for y, s, a, k in budget],
        indicators=[
            ProgrammeIndicator(
                key=key, name_ind=n_id, name_en=n_en, unit_ind=unit, unit_en=unit, baseline=b, baseline_year=by
            )
            for key, n_id, n_en, unit, b, by in indicators
        ],
        indicator_values=[
            ProgrammeIndicatorValue(indicator_key=key, year=y, target=t, realisation=r) for key, y, t, r in values
        ],
        **fields,
    )
    if live:
        return publish(parent, page)
    page.live = False  # a draft: saved with a revision, never published
    with translation.override("id"):
        parent.add_child(instance=page)
        page.save_revision()
    page.refresh_from_db()
    return page
