"""Fetch the renditions a page shows at once: a listing's in one query for the items on the page only,
a single image's several sizes in one cache lookup."""

from django.db.models import Prefetch, prefetch_related_objects

from images.models import CityImage


def prefetch_renditions(items, image_field, filter_spec):
    """Prefetch ``filter_spec`` renditions (as ``{% image %}`` writes it, e.g. ``"fill-480x270|format-webp"``)
    of ``item.<image_field>`` for every item that has an image; one query, none when no item has one."""
    renditions = CityImage.get_rendition_model().objects.filter(filter_spec=filter_spec)
    prefetch_related_objects(
        [item for item in items if getattr(item, f"{image_field}_id", None)],
        Prefetch(f"{image_field}__renditions", queryset=renditions),
    )


def fetch_renditions(image, *filter_specs):
    """Get the ``filter_specs`` renditions of ``image`` together and keep them on the image, so that
    ``{% image %}`` and ``get_rendition()`` find them there: one read of the rendition cache (instead of a
    read and a write per ``{% image %}``), and the database only for those not in the cache
    (``CityImage.get_renditions`` writes back only what it did not find there)."""
    image.prefetched_renditions = list(image.get_renditions(*filter_specs).values())
