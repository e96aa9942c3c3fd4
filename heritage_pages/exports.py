"""The register as open data: GeoJSON and CSV in the visitor's language, live public sites only.

Both honour the index page's filters (same query string), so a visitor can download what they see.
"""

import io
import json

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from heritage_pages.filters import filtered_sites
from home.exports import write_rows

# (key, column heading) in export order; GeoJSON uses the keys, CSV the translated headings.
COLUMNS = [
    ("id", _("ID")),
    ("title", _("Name")),
    ("official_name", _("Official name")),
    ("local_names", _("Local names")),
    ("category", _("Category")),
    ("legal_status", _("Legal status")),
    ("designation_level", _("Designation level")),
    ("ranking", _("Ranking")),
    ("decree_number", _("Decree number")),
    ("decree_date", _("Decree date")),
    ("decree_issuer", _("Decree issuer")),
    ("national_register_number", _("National register number")),
    ("local_inventory_number", _("Local inventory number")),
    ("kawasan", _("Area (kawasan)")),
    ("period", _("Period")),
    ("condition", _("Condition")),
    ("ownership", _("Ownership")),
    ("custodian", _("Custodian agency")),
    ("address", _("Address")),
    ("kelurahan", _("Kelurahan")),
    ("kecamatan", _("Kecamatan")),
    ("latitude", _("Latitude")),
    ("longitude", _("Longitude")),
    ("url", _("Web page")),
    ("summary", _("Summary")),
]


def site_record(site, request):
    """One site as a flat dict of strings and numbers, labels in the active language."""
    return {
        "id": site.pk,
        "title": site.title,
        "official_name": site.official_name,
        "local_names": site.local_names,
        "category": site.get_category_display(),
        "legal_status": site.get_legal_status_display(),
        "designation_level": site.get_designation_level_display(),
        "ranking": site.get_ranking_level_display(),
        "decree_number": site.decree_number,
        "decree_date": site.decree_date.isoformat() if site.decree_date else "",
        "decree_issuer": site.decree_issuer,
        "national_register_number": site.national_register_number,
        "local_inventory_number": site.local_inventory_number,
        "kawasan": site.parent_area.title if site.parent_area_id and site.parent_area.live else "",
        "period": site.period,
        "condition": site.get_condition_display(),
        "ownership": site.get_ownership_display(),
        "custodian": site.custodian_opd.name if site.custodian_opd_id else "",
        "address": site.address,
        "kelurahan": site.kelurahan,
        "kecamatan": site.get_kecamatan_display(),
        "latitude": float(site.latitude),
        "longitude": float(site.longitude),
        "url": request.build_absolute_uri(site.get_url(request)),
        "summary": site.summary,
    }


def records(index, request):
    sites, _active, _kawasan = filtered_sites(index, request.GET)
    return [site_record(site, request) for site in sites]


def feature_collection(rows):
    """A GeoJSON FeatureCollection (RFC 7946): Point geometries in [longitude, latitude] order."""
    features = []
    for row in rows:
        properties = {key: value for key, value in row.items() if key not in ("latitude", "longitude")}
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": {"type": "Point", "coordinates": [row["longitude"], row["latitude"]]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def geojson_response(index, request):
    body = json.dumps(feature_collection(records(index, request)), ensure_ascii=False)
    response = HttpResponse(body, content_type="application/geo+json; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"  # open data: other sites and tools may read it
    return response


def csv_text(rows):
    """CSV with a header row of translated column names (``home.exports``: a BOM, formulas neutralised)."""
    buffer = io.StringIO()
    write_rows(buffer, [str(heading) for _key, heading in COLUMNS], ([row[key] for key, _h in COLUMNS] for row in rows))
    return buffer.getvalue()


def csv_response(index, request):
    response = HttpResponse(csv_text(records(index, request)), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{index.slug}.csv"'
    return response
