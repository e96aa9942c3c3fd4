"""Who is logging in from where: the client address django-axes counts failed log-ins by.

Behind our TLS proxy (``DJANGO_BEHIND_TLS_PROXY``) every request comes from the proxy, so the client's
address is taken from ``X-Forwarded-For``, counting from the right: the proxy appends the address it saw,
and anything to the left of it was written by the client and can be forged. Without the proxy setting
the header is ignored (a client could otherwise pick a new address for every guess).
"""

from django.conf import settings


def client_ip(request):
    """The address of the client, for django-axes (``AXES_CLIENT_IP_CALLABLE``)."""
    proxies = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def lockout_viewset():
    """The admin's list of locked-out log-ins (Settings menu, administrators only); deleting one unlocks it.

    Built in a function so this module imports without the app registry (django-axes' models).
    """
    from django.utils.translation import gettext_lazy as _

    from wagtail.admin.viewsets.model import ModelViewSet
    from wagtail.permission_policies import ModelPermissionPolicy

    from axes.models import AccessAttempt

    class UnlockOnlyPolicy(ModelPermissionPolicy):
        """Attempts are recorded by django-axes: administrators may look at and delete them, nothing else."""

        def user_has_permission(self, user, action):
            return action in ("view", "delete") and super().user_has_permission(user, action)

        def user_has_any_permission(self, user, actions):
            return any(self.user_has_permission(user, action) for action in actions)

    class LockoutViewSet(ModelViewSet):
        model = AccessAttempt
        permission_policy = UnlockOnlyPolicy(AccessAttempt)
        icon = "lock"
        menu_label = _("Locked-out log-ins")
        add_to_settings_menu = True
        name = "lockouts"
        list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
        list_filter = []
        search_fields = ["username", "ip_address"]
        form_fields = ["username"]
        inspect_view_enabled = True

    return LockoutViewSet()


PASSWORD_RESET_PREFIX = "/admin/password_reset/"


class PasswordResetThrottleMiddleware:
    """django-axes' throttling extended to the admin's password reset (axes itself watches log-ins only).

    Each password reset request (the form's POST, and setting a new password from the e-mailed link) counts as
    a failed attempt for the address and the e-mail given, so the reset form cannot be used to send
    mail in bulk or to guess tokens; a locked-out address or e-mail gets the lockout page there too.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.AXES_ENABLED and request.method == "POST" and request.path_info.startswith(PASSWORD_RESET_PREFIX):
            from django.contrib.auth.signals import user_login_failed

            from axes.handlers.proxy import AxesProxyHandler
            from axes.helpers import get_lockout_response

            credentials = {"username": request.POST.get("email", "")[:254]}
            if not AxesProxyHandler.is_allowed(request, credentials):
                return get_lockout_response(request, None, credentials)
            user_login_failed.send(sender=__name__, credentials=credentials, request=request)
            if getattr(request, "axes_locked_out", False):
                return get_lockout_response(request, None, credentials)
        return self.get_response(request)
