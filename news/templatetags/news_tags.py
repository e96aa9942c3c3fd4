"""Template tags of news/: related news for heritage sites and programmes, and the article's JSON-LD."""

from django import template

from home import bilingual, identity
from news import structured_data
from news.related import related_news as related_news_for

register = template.Library()


@register.inclusion_tag("news/includes/related_news.html", takes_context=True)
def related_news(context, page, limit=5):
    """Live, public news linking to ``page``: ``{% related_news page %}`` on a heritage site or programme."""
    return {"items": list(related_news_for(page, limit=limit)), "request": context.get("request")}


@register.simple_tag(takes_context=True)
def news_json_ld(context, page):
    """schema.org NewsArticle (plus Event for event news) for ``page``."""
    request = context["request"]
    publisher = identity.for_request(request).city_name  # read once for the page's header too
    tags = context.get("tags")
    keywords = [tag["name"] for tag in tags] if tags is not None else None
    return structured_data.json_ld_script(structured_data.article_data(page, request, publisher, keywords))


@register.filter
def news_is_fallback(page):
    """True when ``page`` is listed in a language it is not written in."""
    return bilingual.is_fallback(page)
