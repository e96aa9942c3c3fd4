"""What a news article shows beside its text: its tags, co-organising OPDs and related pages, its hero image's
sizes, the links to its newsroom and feeds; and the OPDs of a list of articles without a join.

news/models.py imports this module; it never imports the news models back. It reads the links through
the article's own model and relations (``tagged_items``, ``co_opds``, ``related_pages``).
"""

from django.db import connection

from wagtail.models import Page

from home.models import OPD
from images.prefetch import fetch_renditions
from news import feeds, structured_data
from serving.derived import remember

# The article's hero image as templates/news/news_page.html shows it.
HERO_IMAGE_SPEC = "width-1200|format-webp"

# What a link to a page reads: its URL (per language), its title (per language), whether it is live.
RELATED_LINK_FIELDS = ("path", "depth", "url_path", "title", "live", "content_type", "locale", "translation_key")


def opd_map():
    """Every OPD by id, kept with ``serving.derived.remember`` until the content changes.

    Not per language: an OPD instance carries its name in every language.
    """
    return remember("news:opds", lambda: {opd.pk: opd for opd in OPD.objects.all()})


def with_opds(items, *fields, opds=None):
    """Give ``items`` their OPDs (``fields``, ``owner_opd`` by default) from ``opds`` (by id; ``opd_map()``
    when not given): no join, no query per item, one instance per OPD. An OPD already fetched with an item
    is kept; one missing from ``opds`` is left to Django to fetch."""
    fields = fields or ("owner_opd",)
    for item in items:
        for name in fields:
            opd_id = getattr(item, f"{name}_id")
            if opd_id is None or item._meta.get_field(name).is_cached(item):
                continue
            opds = opds if opds is not None else opd_map()
            if opd_id in opds:
                setattr(item, name, opds[opd_id])


def link_rows(page):
    """``(kind, id, order, name, slug)`` of ``page``'s tags, co-organising OPDs and related pages, in one
    query: a UNION ALL of the three link tables, with their names read from the models.

    Written in SQL because the ORM does not keep annotated columns in the same order across a union, and the
    ORM's three separate queries cost much more: benchmarks/news_links.py measured a median of 0.30 and
    1.06 ms for this query against 8.3 and 13.0 ms for the three ORM queries (two runs; PostgreSQL, 6 tags,
    6 OPDs and 6 related pages, on a shared, busy 2-core machine). Every content change starts a new cache
    generation, so each article's first view after any edit reads its links again. tests/news/test_links.py
    checks that it returns what the ORM reads.
    """
    quote = connection.ops.quote_name
    tagged = page._meta.get_field("tagged_items").related_model._meta
    tag = tagged.get_field("tag").related_model._meta
    co_opds = type(page).co_opds.through._meta
    related = page._meta.get_field("related_pages").related_model._meta

    def column(meta, name):
        return f"{quote(meta.db_table)}.{quote(meta.get_field(name).column)}"

    sql = (
        f"SELECT 'tag', {column(tagged, 'tag')}, {column(tagged, 'id')}, {column(tag, 'name')}, {column(tag, 'slug')}"
        f" FROM {quote(tagged.db_table)} INNER JOIN {quote(tag.db_table)}"
        f" ON {column(tag, 'id')} = {column(tagged, 'tag')} WHERE {column(tagged, 'content_object')} = %s"
        f" UNION ALL SELECT 'opd', {column(co_opds, 'opd')}, {column(co_opds, 'id')}, '', ''"
        f" FROM {quote(co_opds.db_table)} WHERE {column(co_opds, 'newspage')} = %s"
        f" UNION ALL SELECT 'page', {column(related, 'page')}, {column(related, 'sort_order')}, '', ''"
        f" FROM {quote(related.db_table)} WHERE {column(related, 'news_page')} = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.pk] * 3)
        return cursor.fetchall()


def links_from_database(page):
    """The tags, co-organising OPDs and related pages ``page`` shows, in one query (two when it has related
    pages): their ids from the three link tables at once (``link_rows``, the tags' names with them), the
    OPDs from the cached OPD map, the related pages' titles and URLs in a second query."""
    tags, opd_ids, page_order = [], [], {}
    for row_kind, target_id, _order, name, slug in sorted(
        link_rows(page), key=lambda row: (row[0], row[2] or 0, row[1])
    ):
        if row_kind == "tag":
            tags.append({"name": name, "slug": slug})
        elif row_kind == "opd":
            opd_ids.append(target_id)
        else:
            page_order.setdefault(target_id, len(page_order))
    opds = opd_map() if opd_ids else {}
    co_opds = [opds[opd_id] for opd_id in opd_ids if opd_id in opds]
    if len(co_opds) < len(opd_ids):  # an OPD newer than the map: cannot happen, but never show less
        co_opds = list(OPD.objects.filter(pk__in=opd_ids))
    # Titles and URLs only: the generic pages will do, no query per link for its specific type.
    related = []
    if page_order:
        related = sorted(
            Page.objects.filter(pk__in=page_order, live=True).only(*RELATED_LINK_FIELDS),
            key=lambda linked: page_order[linked.pk],
        )
    return {"tags": tags, "co_opds": sorted(co_opds, key=lambda opd: opd.acronym), "related_links": related}


def links_in_memory(page):
    """The same for a preview: from the revision being previewed, not from the database."""
    return {
        "tags": [{"name": item.tag.name, "slug": item.tag.slug} for item in page.tagged_items.all()],
        "co_opds": sorted(page.co_opds.all(), key=lambda opd: opd.acronym),
        "related_links": [link.page for link in page.related_pages.all() if link.page.live],
    }


def article_links(page, request):
    """The links of ``page`` for its template: kept until the content changes, or the preview's own."""
    if getattr(request, "is_preview", False):
        return links_in_memory(page)
    # Saving this page (its tags, OPDs and links are saved with it), a linked page or an OPD makes a new
    # cache generation.
    return remember(f"news:links:{page.pk}", lambda: links_from_database(page))


def article_context(page, request):
    """What an article's template shows beside its fields: its publishing and organising OPDs (from the OPD
    map), its hero image's sizes (from the cache in one go), its links (``article_links``), and the links to
    its newsroom, its OPD's view there and the newsroom's feeds."""
    with_opds([page], "owner_opd", "event_organiser")
    if page.hero_image:
        fetch_renditions(page.hero_image, structured_data.SHARE_IMAGE_SPEC, HERO_IMAGE_SPEC)
    context = dict(article_links(page, request))
    newsroom = page.newsroom
    if newsroom is not None:
        newsroom_url = newsroom.get_url(request)
        context["newsroom_url"] = newsroom_url
        context["feed_links"] = feeds.feed_links(newsroom, request, opd=page.owner_opd)
        if page.owner_opd:
            context["opd_news_url"] = newsroom_url + newsroom.reverse_subpage("opd_view", args=[page.owner_opd.slug])
    return context
