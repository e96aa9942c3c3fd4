"""Security headers on every answer: Content-Security-Policy (django-csp) and Permissions-Policy.

Both sit near the top of ``MIDDLEWARE``, above the page cache, so an answer from the cache gets them too
and stored pages never carry a stale policy. Public pages use no nonce (no inline script at all: only
files under /static/ and ``application/json`` data blocks, which browsers never run), so the policy is the
same for every visitor and safe to serve from a shared cache; it is built once per worker, and a cached
page costs one dictionary lookup and two header assignments more.

The Wagtail admin (and the preview it shows in a same-origin frame) gets its own, looser policy: Wagtail
7.4 writes inline scripts and style attributes, so it needs ``'unsafe-inline'`` there; everything else
(other origins for scripts, connections, frames, plugins, ``<base>``, form targets) stays locked.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.middleware import PolicyParts
from csp.utils import build_policy, default_config


def _is_admin(request):
    return request.path_info.startswith(tuple(getattr(settings, "CSP_ADMIN_URL_PREFIXES", ("/admin/",))))


class CSPMiddleware(BaseCSPMiddleware):
    """django-csp's middleware with a second policy for the admin, and each fixed policy built only once."""

    _built = {}

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if parts.config is None and _is_admin(request):
            name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
            if getattr(settings, name, None):
                parts.config = default_config(settings.CSP_ADMIN_DIRECTIVES)
        return parts

    def process_response(self, request, response):
        parts = self.get_policy_parts(request, response)
        if parts.nonce or parts.update or parts.replace or (parts.config and not _is_admin(request)):
            return super().process_response(request, response)  # a per-answer policy: django-csp builds it
        # A fixed policy (public or admin): the same string every time, so build it once per worker.
        # The settings objects are part of the key, so a test's override_settings gets its own entry.
        admin = _is_admin(request)
        for report_only, header in ((False, "Content-Security-Policy"), (True, "Content-Security-Policy-Report-Only")):
            name = "CONTENT_SECURITY_POLICY_REPORT_ONLY" if report_only else "CONTENT_SECURITY_POLICY"
            policy_setting = getattr(settings, name, None)
            if not policy_setting or header in response:
                continue
            if getattr(response, "_csp_exempt_ro" if report_only else "_csp_exempt", False):
                continue
            if request.path_info.startswith(tuple(policy_setting.get("EXCLUDE_URL_PREFIXES") or ())):
                continue
            key = (id(policy_setting), id(getattr(settings, "CSP_ADMIN_DIRECTIVES", None)), admin, report_only)
            policy = self._built.get(key)
            if policy is None:
                config = default_config(settings.CSP_ADMIN_DIRECTIVES) if admin else None
                policy = self._built[key] = build_policy(**vars(PolicyParts(config=config)), report_only=report_only)
            if policy:
                response[header] = policy
        return response


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
