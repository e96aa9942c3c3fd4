from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.choosers import TranslatedSnippetChooserViewSet
from home.models import OPD


class OPDViewSet(SnippetViewSet):
    model = OPD
    icon = "group"
    chooser_viewset_class = TranslatedSnippetChooserViewSet
    menu_label = _("OPDs")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["acronym", "name", "opd_type", "active"]
    list_filter = ["opd_type", "active"]
    search_fields = ["name", "acronym"]


register_snippet(OPDViewSet)
