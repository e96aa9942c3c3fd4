"""The city's image model: alt text in both languages and a photo credit, from the first migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CityImage(AbstractImage):
    """An uploaded image with per-language alt text (``alt_text_ind``/``alt_text_en``) and a credit."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty only for decorative images."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True, help_text=_("Photographer or source."))

    admin_form_fields = Image.admin_form_fields + ("alt_text_ind", "alt_text_en", "credit")

    @property
    def default_alt_text(self):
        # ``alt_text`` follows the active language, falling back to Indonesian.
        return self.alt_text or self.description or self.title

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class CityRendition(AbstractRendition):
    image = models.ForeignKey(CityImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
