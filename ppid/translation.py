"""modeltranslation registration for every model ppid/ owns (Page subclasses included).

Prose is translated; codes, dates, OPDs and files are shared. Requests, objections and e-mails are
records in the requester's own language, not translated content.
"""

from modeltranslation.translator import TranslationOptions, register

from ppid.models import (
    DIPDocument,
    DIPEntryPage,
    DIPRegisterPage,
    Holiday,
    InformationRequestPage,
    PPIDContentPage,
    PPIDIndexPage,
    PPIDReportPage,
)


@register(PPIDIndexPage)
class PPIDIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(PPIDContentPage)
class PPIDContentPageTR(TranslationOptions):
    fields = ("summary", "body")


@register(DIPRegisterPage)
class DIPRegisterPageTR(TranslationOptions):
    fields = ("intro",)


@register(DIPEntryPage)
class DIPEntryPageTR(TranslationOptions):
    fields = ("summary", "legal_basis", "consequence_test", "period", "retention")


@register(DIPDocument)
class DIPDocumentTR(TranslationOptions):
    fields = ("title",)
    required_languages = ("id",)


@register(InformationRequestPage)
class InformationRequestPageTR(TranslationOptions):
    fields = ("intro", "privacy_notice")


@register(PPIDReportPage)
class PPIDReportPageTR(TranslationOptions):
    fields = ("summary", "body")


@register(Holiday)
class HolidayTR(TranslationOptions):
    fields = ("name",)
    required_languages = ("id",)
