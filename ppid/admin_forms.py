"""The admin's model form for register documents.

It names the translated title columns (``title_ind``, ``title_en``), which exist only once
``ppid/translation.py`` has registered them, so the admin imports it when it builds the form, never
``ppid.models`` while the models load.
"""

from wagtail.admin.forms import WagtailAdminModelForm

from ppid.forms import validate_upload
from ppid.models import DIPDocument, DIPEntryPage
from ppid.permissions import editable_opds


class DIPDocumentAdminForm(WagtailAdminModelForm):
    """A register document: the upload rules, and an OPD contributor picks only their OPD's entries."""

    class Meta:
        model = DIPDocument
        fields = ["entry", "title_ind", "title_en", "file", "sort_order"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_upload)
        entries = DIPEntryPage.objects.order_by("title")
        allowed = editable_opds(self.for_user) if self.for_user is not None else None
        if allowed is not None:
            entries = entries.filter(opd__in=allowed)
        self.fields["entry"].queryset = entries
