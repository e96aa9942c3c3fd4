"""modeltranslation registration for every model jdih/ owns (Page subclasses included).

The official text (title, number, metadata) is Indonesian and shared; the English title, abstract,
status note and attachment titles are optional translations.
"""

from modeltranslation.translator import TranslationOptions, register

from jdih.models import JDIHIndexPage, LegalDocumentAttachment, LegalDocumentPage, LegalDocumentRelation


@register(JDIHIndexPage)
class JDIHIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(LegalDocumentPage)
class LegalDocumentPageTR(TranslationOptions):
    fields = ("abstract", "status_note")


@register(LegalDocumentRelation)
class LegalDocumentRelationTR(TranslationOptions):
    fields = ()


@register(LegalDocumentAttachment)
class LegalDocumentAttachmentTR(TranslationOptions):
    fields = ("title",)
