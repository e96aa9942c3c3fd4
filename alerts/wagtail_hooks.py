from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from alerts.models import Alert


class AlertViewSet(SnippetViewSet):
    model = Alert
    icon = "warning"
    menu_label = _("Alert banner")
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["message", "severity", "starts_at", "ends_at"]
    list_filter = ["severity"]
    # A handful of rows: the admin searches them in the database, with no search index to keep.
    search_fields = ["message_ind", "message_en"]
    search_backend_name = None


register_snippet(AlertViewSet)
