"""Security headers on every answer: Content-Security-Policy (django-csp) and Permissions-Policy.

Both sit near the top of ``MIDDLEWARE``, above the page cache, so an answer from the cache gets them too
and stored pages never carry a stale policy. Public pages use no nonce (no inline script at all: only
files under /static/ and ``application/json`` data blocks, which browsers never run), so the policy is the
same for every visitor and safe to serve from a shared cache; it is built once per worker, and a cached
page costs a dictionary lookup and two header assignments more (``benchmarks/security_headers.py``).

The Wagtail admin (and the preview it shows in a same-origin frame) gets its own, looser policy: Wagtail
7.4 writes inline scripts and style attributes, so it needs ``'unsafe-inline'`` there; everything else
(other origins for scripts, connections, frames, plugins, ``<base>``, form targets) stays locked.
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from csp.utils import build_policy, default_config


def _is_admin(request):
    return request.path_info.startswith(tuple(getattr(settings, "CSP_ADMIN_URL_PREFIXES", ("/admin/",))))


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware with a second policy for the admin, and the fixed policies built once.

    The usual answer (no per-view policy) takes the fast path: prepared header values, no policy building,
    no settings lookups. A view that sets its own policy (django-csp's decorators) goes through django-csp.
    """

    _fixed = {}  # admin? -> [(header, value)], and "exclusions"; emptied when a test changes the settings
    async_capable = False  # __call__ below is synchronous; under ASGI Django adapts it

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None and _is_admin(request):
            name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
            if getattr(settings, name, None):
                parts.config = default_config(settings.CSP_ADMIN_DIRECTIVES)
        return parts

    def __init__(self, get_response):
        super().__init__(get_response)
        self.admin_prefixes = tuple(getattr(settings, "CSP_ADMIN_URL_PREFIXES", ("/admin/",)))

    def __call__(self, request):
        # No request.csp_nonce: our policies use no nonce (a nonce in a page the cache serves to everyone
        # proves nothing), so django-csp's per-request nonce object is not made.
        response = self.get_response(request)
        if (
            getattr(response, "_csp_config", None) is not None
            or getattr(response, "_csp_update", None) is not None
            or getattr(response, "_csp_replace", None) is not None
            or getattr(response, "_csp_exempt", False)
            or getattr(response, "_csp_config_ro", None) is not None
            or getattr(response, "_csp_update_ro", None) is not None
            or getattr(response, "_csp_replace_ro", None) is not None
            or getattr(response, "_csp_exempt_ro", False)
            or self._has_exclusions()
        ):
            return self.process_response(request, response)
        admin = request.path_info.startswith(self.admin_prefixes)
        headers = self._fixed.get(admin)
        if headers is None:
            headers = self._fixed[admin] = self._fixed_headers(request, admin)
        for header, value in headers:
            if header not in response:
                response[header] = value
        return response

    def _has_exclusions(self):
        """Whether a policy exempts some paths (``EXCLUDE_URL_PREFIXES``): then django-csp decides per request."""
        found = self._fixed.get("exclusions")
        if found is None:
            found = self._fixed["exclusions"] = any(
                (getattr(settings, name, None) or {}).get("EXCLUDE_URL_PREFIXES")
                for name in ("CONTENT_SECURITY_POLICY", "CONTENT_SECURITY_POLICY_REPORT_ONLY")
            )
        return found

    def _fixed_headers(self, request, admin):
        headers = []
        for report_only, header in ((False, HEADER), (True, HEADER_REPORT_ONLY)):
            name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
            if not getattr(settings, name, None):
                continue
            config = default_config(settings.CSP_ADMIN_DIRECTIVES) if admin else None
            value = build_policy(**vars(PolicyParts(config=config)), report_only=report_only)
            if value:
                headers.append((header, value))
        return headers


@receiver(setting_changed)
def _forget_fixed_policies(**kwargs):
    CSPMiddleware._fixed.clear()


class PermissionsPolicyMiddleware:
    """``Permissions-Policy``: the features no page of the site uses are off (the map needs none of them)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.value = ", ".join(f"{feature}=()" for feature in settings.PERMISSIONS_POLICY_DISABLED)

    def __call__(self, request):
        response = self.get_response(request)
        if self.value and "Permissions-Policy" not in response:
            response["Permissions-Policy"] = self.value
        return response
