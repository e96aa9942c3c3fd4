"""The JDIHN harvest endpoint (``/jdih/integrasi.json``, outside the language prefixes)."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from jdih.feed import feed


@require_GET
def jdihn_feed(request):
    """The published legal documents as a JSON array for the national JDIH network (JDIHN)."""
    response = JsonResponse(feed(request), safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"  # harvested by the national portal and its tools
    return response
