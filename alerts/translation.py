"""modeltranslation registration for every model alerts/ owns."""

from modeltranslation.translator import TranslationOptions, register

from alerts.models import Alert


@register(Alert)
class AlertTR(TranslationOptions):
    fields = ("message", "link_text")
    required_languages = ("id",)
