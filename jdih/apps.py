from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JdihConfig(AppConfig):
    name = "jdih"
    verbose_name = _("Legal documents (JDIH)")

    def ready(self):
        from jdih import listing
        from jdih.models import JDIHIndexPage

        # The register's listing queries the JDIH models, so models.py cannot import it: it is attached to
        # the register page here, as the method its get_context() calls.
        JDIHIndexPage.listing_context = listing.listing_context
