"""modeltranslation registration for every model home/ owns (Page subclasses included)."""

from modeltranslation.translator import TranslationOptions, register

from home.models import OPD, HomePage, SiteSettings, StandardPage


@register(OPD)
class OPDTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("id",)


@register(SiteSettings)
class SiteSettingsTR(TranslationOptions):
    fields = ("city_name", "tagline", "address", "footer_text", "opening_hours")


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("hero_heading", "hero_text", "intro", "featured_sections")


@register(StandardPage)
class StandardPageTR(TranslationOptions):
    fields = ("summary", "body")
