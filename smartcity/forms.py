"""Admin forms for the smart city pages: checks that span a page and its inline rows."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm


def _kept_forms(formset):
    """The inline forms that will be saved: valid so far, filled in and not marked for deletion."""
    if formset is None:
        return []
    formset.is_valid()  # populates cleaned_data; cached, so the later validation pass reuses it
    return [
        form
        for form in formset.forms
        if hasattr(form, "cleaned_data") and form.has_changed() and not form.cleaned_data.get("DELETE")
    ]


class DimensionPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        dimension = cleaned_data.get("dimension")
        if dimension and self.parent_page is not None:
            siblings = type(self.instance).objects.child_of(self.parent_page).filter(dimension=dimension)
            if self.instance.pk:
                siblings = siblings.exclude(pk=self.instance.pk)
            if siblings.exists():
                self.add_error("dimension", _("This masterplan already has a page for this dimension."))
        return cleaned_data


class ProgrammePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        keys = set()
        for form in _kept_forms(self.formsets.get("indicators")):
            key = form.cleaned_data.get("key")
            if key in keys:
                form.add_error("key", _("Another indicator of this programme already uses this key."))
            keys.add(key)
        seen = set()
        for form in _kept_forms(self.formsets.get("indicator_values")):
            key, year = form.cleaned_data.get("indicator_key"), form.cleaned_data.get("year")
            if key and key not in keys:
                form.add_error("indicator_key", _("No indicator of this programme has this key."))
            elif (key, year) in seen:
                form.add_error("year", _("This indicator already has a value for this year."))
            seen.add((key, year))
        return cleaned_data
