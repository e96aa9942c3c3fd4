"""The city's image model: alt text in both languages and a photo credit, from the first migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


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

    def get_rendition(self, filter):
        """Wagtail's, except that a rendition found among the prefetched ones is not written back to the cache.

        Wagtail's ``get_renditions()`` already skips that write for prefetched renditions; ``get_rendition()``
        (what ``{% image %}`` calls) does not, which costs a cache round trip per image on every listing
        that prefetches its renditions (``images/prefetch.py``).
        """
        if isinstance(filter, str | Filter) and self._get_prefetched_renditions() is not None:
            return next(iter(self.get_renditions(filter).values()))
        return super().get_rendition(filter)

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
