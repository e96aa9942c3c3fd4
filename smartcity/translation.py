"""modeltranslation registration for every model smartcity/ owns (Page subclasses included)."""

from modeltranslation.translator import TranslationOptions, register

from smartcity.models import (
    ProgrammeBudgetLine,
    ProgrammeIndicator,
    ProgrammeIndicatorValue,
    ProgrammePartner,
    ProgrammeStatusChange,
    SmartCityDimensionPage,
    SmartCityIndexPage,
    SmartCityProgrammePage,
)


@register(SmartCityIndexPage)
class SmartCityIndexPageTR(TranslationOptions):
    fields = ("summary", "vision", "legal_basis", "rpjmd_alignment")


@register(SmartCityDimensionPage)
class SmartCityDimensionPageTR(TranslationOptions):
    fields = ("summary", "description")


@register(SmartCityProgrammePage)
class SmartCityProgrammePageTR(TranslationOptions):
    fields = (
        "summary",
        "problem_statement",
        "description",
        "beneficiaries",
        "location",
        "rpjmd_mission",
        "rpjmd_programme",
    )


@register(ProgrammeStatusChange)
class ProgrammeStatusChangeTR(TranslationOptions):
    fields = ("note",)


@register(ProgrammePartner)
class ProgrammePartnerTR(TranslationOptions):
    fields = ("role",)  # the partner's name is a proper name, shared


@register(ProgrammeBudgetLine)
class ProgrammeBudgetLineTR(TranslationOptions):
    fields = ()  # year, source, amount and kind are shared values


@register(ProgrammeIndicator)
class ProgrammeIndicatorTR(TranslationOptions):
    fields = ("name", "unit", "data_source")


@register(ProgrammeIndicatorValue)
class ProgrammeIndicatorValueTR(TranslationOptions):
    fields = ()  # numbers are shared
