"""The city's image model: alt text and a photo credit in both languages, from the first migration."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


def optional_image(verbose_name, help_text):
    """A field for a picture from the image library that a page or snippet may go without: deleting the image
    leaves the field empty (never deletes what shows it), and images get no reverse accessor."""
    return models.ForeignKey(
        "images.CityImage",
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class CityImage(AbstractImage):
    """An uploaded image with alt text and a credit in each language (``alt_text_ind``/``alt_text_en``,
    ``credit_ind``/``credit_en``)."""

    alt_text = models.CharField(
        _("alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describe the image for people who cannot see it. Leave empty only for decorative images."),
    )
    credit = models.CharField(_("credit"), max_length=255, blank=True, help_text=_("Photographer or source."))

    admin_form_fields = Image.admin_form_fields + ("alt_text_ind", "alt_text_en", "credit_ind", "credit_en")

    # Wagtail 7.4 writes every rendition it finds back to the rendition cache, on every use: get_rendition()
    # (what {% image %} calls) always, and get_renditions() (what {% picture %} and {% srcset_image %} call)
    # for those it found in the cache itself, since only prefetched ones are marked as found there. A page
    # with a <picture> of nine renditions rewrote nine cache entries per view. Fixed upstream in
    # wagtail/wagtail#14541 (c1c39fe, after 7.4); these two overrides can go when our Wagtail has it.

    def clean_filter_for_svg(self, filter):
        """Every rendition of an SVG (a logo, which may also be chosen anywhere a photo is) stays SVG: the
        templates' ``format-webp`` and the like would otherwise be an error at render time."""
        if self.is_svg() and "preserve-svg" not in filter.spec.split("|"):
            filter = Filter(spec=f"{filter.spec}|preserve-svg")
        return super().clean_filter_for_svg(filter)

    def get_rendition(self, filter):
        """Wagtail's, through ``get_renditions()``, which writes to the cache only renditions it did not find
        there (created, or read from the database)."""
        if isinstance(filter, str | Filter):
            return next(iter(self.get_renditions(filter).values()))
        return super().get_rendition(filter)  # Wagtail's error for anything else

    def find_existing_renditions(self, *filters):
        """Wagtail's, except that renditions found in the cache are marked ``_from_cache`` (as prefetched ones
        are), so that ``get_renditions()`` does not write them back."""
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        rendition_model = self.get_rendition_model()
        by_spec = {item.spec: item for item in filters}
        keys = [
            rendition_model.construct_cache_key(self, item.get_cache_key(self), spec) for spec, item in by_spec.items()
        ]
        found = {}
        for rendition in rendition_model.cache_backend.get_many(keys).values():
            rendition.image = self  # this instance's alt text, in the visitor's language
            rendition._from_cache = True
            found[by_spec[rendition.filter_spec]] = rendition
        missing = [item for item in filters if item not in found]
        if missing:
            lookup = Q()
            for item in missing:
                lookup |= Q(filter_spec=item.spec, focal_point_key=item.get_cache_key(self))
            for rendition in self.renditions.filter(lookup):
                found[by_spec[rendition.filter_spec]] = rendition
        return found

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

    @property
    def attrs_dict(self):
        """Wagtail's, with whole-pixel sizes: an SVG's rendition is measured in fractions (56.0, 44.8), which
        HTML's ``width`` and ``height`` do not accept (the columns store them rounded)."""
        attrs = super().attrs_dict
        for name in ("width", "height"):
            if isinstance(attrs[name], float):
                attrs[name] = round(attrs[name])
        return attrs

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
