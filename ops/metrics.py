"""``/metrics`` for Prometheus (django-prometheus), only when DJANGO_METRICS is on, and never public.

A scrape is allowed with ``Authorization: Bearer <DJANGO_METRICS_TOKEN>`` when a token is set; without a
token only from the loopback address and not through a proxy (a request relayed by nginx carries
X-Forwarded-For, and nginx's own address is loopback). Everything else gets a 404, as if there were no page.
With several gunicorn workers set PROMETHEUS_MULTIPROC_DIR (docs/deploy.md).
"""

import hmac
import ipaddress

from django.conf import settings
from django.http import HttpResponseForbidden
from django.views.decorators.cache import never_cache


def scrape_allowed(request):
    token = settings.METRICS_TOKEN
    if token:
        given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(given.encode(), token.encode())
    if "X-Forwarded-For" in request.headers:
        return False
    try:
        return ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False


@never_cache
def metrics(request):
    if not settings.METRICS_ENABLED or not scrape_allowed(request):
        return HttpResponseForbidden("Metrics are not public.", content_type="text/plain")
    from django_prometheus.exports import ExportToDjangoView

    return ExportToDjangoView(request)
