"""modeltranslation registration for the image model."""

from modeltranslation.translator import TranslationOptions, register

from images.models import CityImage


@register(CityImage)
class CityImageTR(TranslationOptions):
    fields = ("alt_text", "credit")
