"""Template helpers for heritage pages: schema.org JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

register = template.Library()

# The same escapes as Django's json_script: the JSON cannot close the <script> element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def site_json_ld(context, page):
    """A ``<script type="application/ld+json">`` describing a heritage site (schema.org)."""
    request = context["request"]
    url = request.build_absolute_uri(page.get_url(request))
    data = {
        "@context": "https://schema.org",
        "@type": page.schema_type,
        "name": page.title,
        "description": strip_tags(page.summary),
        "url": url,
        "geo": {"@type": "GeoCoordinates", "latitude": float(page.latitude), "longitude": float(page.longitude)},
        "address": {
            "@type": "PostalAddress",
            "streetAddress": page.address,
            "addressLocality": "Tanjungpinang",
            "addressRegion": "Kepulauan Riau",
            "addressCountry": "ID",
        },
        "hasMap": page.map_url,
    }
    if page.official_name or page.local_names:
        names = [page.official_name, *page.local_names.split(";")]
        data["alternateName"] = [name.strip() for name in names if name.strip() and name.strip() != page.title]
    image = context.get("og_image_url")
    if image:
        data["image"] = image
    parent_area = context.get("parent_area")
    if parent_area is not None:
        data["containedInPlace"] = {
            "@type": "LandmarksOrHistoricalBuildings",
            "name": parent_area.title,
            "url": request.build_absolute_uri(parent_area.url),
        }
    children = context.get("child_sites") or []
    if children:
        data["containsPlace"] = [
            {"@type": child.schema_type, "name": child.title, "url": request.build_absolute_uri(child.url)}
            for child in children
        ]
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{body}</script>')
