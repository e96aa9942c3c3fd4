"""The admin screen's upload form."""

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from home.models import OPD
from news.importing import importer

MAX_UPLOAD = 200 * 1024 * 1024


def max_upload():
    return getattr(settings, "NEWS_IMPORT_MAX_UPLOAD_SIZE", MAX_UPLOAD)


class UploadForm(forms.Form):
    export = forms.FileField(
        label=_("Export file"),
        help_text=_("Blogger: Settings → Back up content (or a Google Takeout .atom file). WordPress: Tools → Export."),
    )
    opd = forms.ModelChoiceField(
        label=_("Newsroom"),
        queryset=OPD.objects.filter(active=True).order_by("acronym"),
        help_text=_("The OPD whose newsroom receives the posts, unless a post's label names another OPD."),
    )
    label_map = forms.FileField(
        label=_("Label map (optional)"),
        required=False,
        help_text=_("A CSV file of label,target lines: the target is an OPD, a news type, or empty to drop the label."),
    )
    fetch_media = forms.BooleanField(
        label=_("Download the images"),
        required=False,
        initial=True,
        help_text=_("Download the posts' images from their addresses into the image library."),
    )

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if upload.size > max_upload():
            raise forms.ValidationError(
                gettext("The file is larger than %(size)s.") % {"size": filesizeformat(max_upload())}
            )
        return upload

    def clean_label_map(self):
        upload = self.cleaned_data.get("label_map")
        if not upload:
            return {}
        if upload.size > 1024 * 1024:
            raise forms.ValidationError(gettext("The label map is larger than 1 MB."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(gettext("The label map must be a UTF-8 text file.")) from error
        try:
            return importer.read_label_map(text)
        except importer.ImportConfigError as error:
            raise forms.ValidationError(str(error)) from error
