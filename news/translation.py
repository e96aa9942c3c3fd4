"""modeltranslation registration for every model news/ owns (Page subclasses included)."""

from modeltranslation.translator import TranslationOptions, register

from news.models import NewsIndexPage, NewsPage, NewsPageTag, NewsRelatedPage, OPDNewsroomPage


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(OPDNewsroomPage)
class OPDNewsroomPageTR(TranslationOptions):
    fields = ()


@register(NewsPage)
class NewsPageTR(TranslationOptions):
    fields = (
        "summary",
        "hero_caption",
        "body",
        "event_title",
        "event_series",
        "venue_name",
        "event_partners",
        "target_participants",
        "speakers",
        "agenda",
        "materials",
        "outcomes",
    )


@register(NewsRelatedPage)
class NewsRelatedPageTR(TranslationOptions):
    fields = ()


@register(NewsPageTag)
class NewsPageTagTR(TranslationOptions):
    fields = ()
