"""RSS 2.0 and Atom feeds of the newsroom: all news, per OPD and per news type, in the visitor's language.

Served as routes of NewsIndexPage, so they live under /id/… and /en/…. They hold only live, public
news whose publication time has come. The English feeds hold only news written in English: a feed
declares one language, and Indonesian-only items would be mislabelled there (docs/news.md).

``news.models`` imports this module (the newsroom's routes serve the feeds from here), so it never imports the
models: the newsroom page it is given queries its own items, and the tag model comes from the app registry.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from modeltranslation.utils import build_localized_fieldname

from news.choices import NewsType

FEED_SIZE = 20
FEED_KINDS = {"rss": ("application/rss+xml", "RSS"), "atom": ("application/atom+xml", "Atom")}


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, opd=None, news_type=""):
        super().__init__()
        self.index = index
        self.opd = opd
        self.news_type = news_type or ""

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return feed_title(self.index, self.opd, self.news_type)

    def description(self):
        return self.index.intro or _("News from the Tanjungpinang City Government.")

    def subtitle(self):
        return self.description()

    def link(self):
        return self.request.build_absolute_uri(listing_url(self.index, self.opd, self.news_type, self.request))

    def feed_url(self):
        return self.request.build_absolute_uri(self.request.path)

    def author_name(self):
        return _("Tanjungpinang City Government")

    def items(self):
        queryset = self.index.news_items()
        if self.opd is not None:
            queryset = queryset.filter(owner_opd=self.opd)
        if self.news_type:
            queryset = queryset.filter(news_type=self.news_type)
        language = translation.get_language()
        if language != settings.LANGUAGE_CODE:
            title_field = build_localized_fieldname("title", language)
            queryset = queryset.exclude(**{f"{title_field}__isnull": True}).exclude(**{title_field: ""})
        return queryset.select_related("owner_opd").prefetch_related(
            Prefetch("tagged_items", queryset=apps.get_model("news", "NewsPageTag").objects.select_related("tag"))
        )[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.publication_date

    def item_updateddate(self, item):
        return max(item.publication_date, item.last_published_at or item.publication_date)

    def item_author_name(self, item):
        return item.owner_opd.name if item.owner_opd else self.author_name()

    def item_categories(self, item):
        return [item.get_news_type_display()] + [tagged.tag.name for tagged in item.tagged_items.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed


def feed_for(kind, index, opd=None, news_type=""):
    return (NewsAtomFeed if kind == "atom" else NewsRssFeed)(index, opd=opd, news_type=news_type)


def serve_feed(index, request, kind, opd=None, news_type=None):
    """The response of one of ``index``'s feed routes (``NewsIndexPage``'s feed routes call it)."""
    return feed_for(kind, index, opd=opd, news_type=news_type)(request)


def feed_title(index, opd=None, news_type=""):
    parts = [index.title]
    if opd is not None:
        parts.append(opd.name)
    if news_type:
        parts.append(str(NewsType(news_type).label))
    return " – ".join(parts)


def listing_url(index, opd=None, news_type="", request=None):
    """The HTML listing a feed mirrors."""
    url = index.get_url(request)
    if opd is not None:
        url += index.reverse_subpage("opd_view", args=[opd.slug])
    if news_type:
        url += f"?type={news_type}"
    return url


def feed_links(index, request, opd=None, news_type=""):
    """The feeds to announce in a listing's ``<head>``: all news, then this OPD's, then this type's."""
    base = index.get_url(request)
    scopes = [(None, "", "")]
    if opd is not None:
        scopes.append((opd, "opd_", [opd.slug]))
    if news_type:
        scopes.append((None, "type_", [news_type]))
    links = []
    for scope_opd, prefix, args in scopes:
        scope_type = news_type if prefix == "type_" else ""
        for kind, (mime, label) in FEED_KINDS.items():
            links.append(
                {
                    "type": mime,
                    "title": f"{feed_title(index, scope_opd, scope_type)} ({label})",
                    "href": base + index.reverse_subpage(prefix + kind, args=args or None),
                }
            )
    return links
