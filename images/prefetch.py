"""Fetch the renditions a page shows at once: a listing's in one query for the items on the page only,
a single image's several sizes in one cache lookup."""

from django.db.models import Prefetch, prefetch_related_objects

from wagtail.images.models import Filter

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
    read and a write per ``{% image %}``), and the database only for those not in the cache."""
    rendition_model = image.get_rendition_model()
    filters = [image.clean_filter_for_svg(Filter(spec=spec)) for spec in filter_specs]
    keys = [rendition_model.construct_cache_key(image, item.get_cache_key(image), item.spec) for item in filters]
    cached = rendition_model.cache_backend.get_many(keys)
    if len(cached) == len(keys):
        renditions = list(cached.values())
        for rendition in renditions:
            rendition.image = image
            rendition._from_cache = True  # Wagtail's mark: found in the cache, not to be written back
    else:
        renditions = list(image.get_renditions(*filters).values())
    image.prefetched_renditions = renditions
