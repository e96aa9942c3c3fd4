"""modeltranslation registration for every model heritage_pages/ owns (Page subclasses included).

Prose is translated; codes, dates, numbers, coordinates and links are shared.
"""

from modeltranslation.translator import TranslationOptions, register

from heritage_pages.models import (
    HeritageIndexPage,
    HeritageSiteDocument,
    HeritageSiteGalleryImage,
    HeritageSitePage,
    HeritageSiteSource,
)


@register(HeritageIndexPage)
class HeritageIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(HeritageSitePage)
class HeritageSitePageTR(TranslationOptions):
    fields = (
        "summary",
        "period",
        "significance",
        "history",
        "physical_description",
        "opening_hours",
        "fee",
        "getting_there",
        "accessibility",
        "dress_code",
    )


@register(HeritageSiteGalleryImage)
class HeritageSiteGalleryImageTR(TranslationOptions):
    fields = ("caption",)


@register(HeritageSiteDocument)
class HeritageSiteDocumentTR(TranslationOptions):
    fields = ("title",)


@register(HeritageSiteSource)
class HeritageSiteSourceTR(TranslationOptions):
    fields = ()
