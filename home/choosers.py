"""Snippet choosers whose labels follow the editor's language.

Wagtail builds a snippet chooser widget once per process and formats its labels ("Choose OPD") when it
does, so the first language to build it wins: an English editor saw "Pilih OPD (perangkat daerah)". Here the
labels are formatted each time they are shown. Every SnippetViewSet of ours sets
``chooser_viewset_class = TranslatedSnippetChooserViewSet``.
"""

from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext

from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser


def _label(text, model):
    # gettext (not gettext_lazy): this runs when the label is shown, in the language of that request.
    return gettext(text) % {"object": model._meta.verbose_name}


_lazy_label = lazy(_label, str)


class TranslatedSnippetChooser(AdminSnippetChooser):
    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        self.choose_one_text = _lazy_label("Choose %(object)s", model)
        self.choose_another_text = _lazy_label("Choose another %(object)s", model)
        self.link_to_chosen_text = _lazy_label("Edit this %(object)s", model)


class TranslatedSnippetChooserViewSet(SnippetChooserViewSet):
    @cached_property
    def widget_class(self):
        return TranslatedSnippetChooser(model=self.model, icon=self.icon)
