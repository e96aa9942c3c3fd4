"""The newsroom listing: query-string filters (``NewsFilterSet``, news/filters.py), archive, featured items and pagination.

Every filter is checked against known values; anything unknown is ignored (never a 500).
The number of queries does not depend on the number of items (see tests/news/test_index.py). What every
visitor of a view sees alike is kept in the shared cache until the content changes (``serving.derived``): the
archive and the filter choices (``sidebar()``), the sidebar's HTML per filters, and each news card's HTML
per language (``news_cards()``), so that a listing reads only the ids of the items on its page.

``news.models`` imports this module (the newsroom's routes build their context here), so it never imports the
models: it queries through the newsroom page it is given, and reaches the other news models through the app
registry (``news_model()``).
"""

import datetime
from dataclasses import dataclass
from itertools import groupby
from urllib.parse import urlencode

from django.apps import apps
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.db.models.functions import TruncMonth
from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.dates import MONTHS
from django.utils.formats import date_format
from django.utils.safestring import mark_safe

from taggit.models import Tag

from home.models import OPD
from images.prefetch import prefetch_renditions
from news import feeds
from news.choices import NewsType
from news.filters import NewsFilterSet
from news.links import with_opds
from serving import params as query_params
from serving.derived import MISSING, keep, keep_many, recall, recall_many, remember

PAGE_SIZE = 12
FEATURED_COUNT = 3


def news_model(name):
    """The news app's model ``name`` (``"NewsPage"``, ``"NewsPageTag"``), from the app registry."""
    return apps.get_model("news", name)


@dataclass(frozen=True)
class Filters:
    news_type: str = ""
    opd: OPD | None = None
    tag: Tag | None = None
    year: int | None = None
    month: int | None = None
    opd_fixed: bool = False  # the per-OPD view: the OPD comes from the URL, not the form

    @property
    def active(self):
        return bool(self.news_type or self.opd or self.tag or self.year)

    def query(self):
        """The active filters as a query string (without the page number)."""
        params = {}
        if self.news_type:
            params["type"] = self.news_type
        if self.opd and not self.opd_fixed:
            params["opd"] = self.opd.slug
        if self.tag:
            params["tag"] = self.tag.slug
        if self.year:
            params["year"] = self.year
        if self.month:
            params["month"] = self.month
        return urlencode(params)


def filter_news(base, params, opd=None):
    """``(items, filters)``: ``base`` narrowed by the query string's filters (``NewsFilterSet``), and the
    filters in use; in one OPD's view (``opd``) the OPD is fixed."""
    filterset = NewsFilterSet(params, base, opd=opd)
    active = filterset.active
    filters = Filters(
        news_type=active.get("type", ""),
        opd=opd if opd is not None else active.get("opd"),
        tag=active.get("tag"),
        year=active.get("year"),
        month=active.get("month"),
        opd_fixed=opd is not None,
    )
    return filterset.qs, filters


# The rendition a news card shows (templates/news/includes/news_card.html).
CARD_IMAGE_SPEC = "fill-640x360|format-webp"

# The columns a news card reads (a news page has about a hundred, with one per language for each
# translated field; naming a translated field here brings its per-language columns too).
CARD_FIELDS = (
    # Its URL, title (with the fallback badge) and type:
    "path",
    "depth",
    "url_path",
    "title",
    "content_type",
    "live",
    "locale",
    "translation_key",
    "publication_date",
    "news_type",
    "summary",
    "featured",
    "owner_opd",
    "hero_image",
    # The hero image's, for its rendition's lookup and alt text:
    *(
        f"hero_image__{name}"
        for name in (
            "collection",
            "title",
            "file",
            "width",
            "height",
            "focal_point_x",
            "focal_point_y",
            "focal_point_width",
            "focal_point_height",
            "description",
            "alt_text",
            "credit",
        )
    ),
)


def with_card_data(queryset):
    """What a news card shows, in the same query: only the columns it reads (OPDs: ``sidebar()["opds"]``)."""
    return queryset.select_related("hero_image").only(*CARD_FIELDS)


CARD_TEMPLATE = "news/includes/news_card.html"


def news_cards(pks, request, opds=None):
    """``{pk: HTML}``: the cards of the news items ``pks`` (an item gone meanwhile has none).

    A card is the same wherever it is listed (it depends on the item, its OPD and image, and the
    language), so each is rendered once per language and kept with ``serving.derived`` until the content
    changes: a listing then reads its cards in one cache read, and only the items it lists have to come
    from the database (by id). Cards not kept yet are built in one query (two with their renditions),
    whatever their number. ``opds``: the OPDs by id, when the caller has them (``sidebar()["opds"]``).
    """
    language = translation.get_language()
    keys = {pk: f"news:card:{language}:{pk}" for pk in pks}
    cards = recall_many(keys.values())
    missing = [pk for pk, key in keys.items() if key not in cards]
    if missing:
        items = list(with_card_data(news_model("NewsPage").objects.filter(pk__in=missing)))
        with_opds(items, opds=opds)
        prefetch_renditions(items, "hero_image", CARD_IMAGE_SPEC)
        template = get_template(CARD_TEMPLATE)
        # A plain context (no context processors): the card needs only the request, for relative URLs.
        rendered = {keys[item.pk]: template.render({"item": item, "request": request}) for item in items}
        keep_many(rendered)
        cards.update(rendered)
    return {pk: mark_safe(cards[key]) for pk, key in keys.items() if key in cards}


def archive_months(queryset, now=None):
    """``([(year, [month, …])], total, next_due)``, newest year first, each month with news newest first as
    ``{"year": 2025, "month": 8, "label": "Agustus 2025", "count": 4}`` (the label in the active language).

    ``queryset`` may hold items dated in the future: only those dated up to ``now`` are archived and
    counted, and ``next_due`` is the earliest date still to come (None when there is none).
    One query, which also counts the news, so an unfiltered listing needs no count query of its own.
    """
    now = now or timezone.now()
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth("publication_date", tzinfo=timezone.get_current_timezone()))
        .values("month")
        .annotate(
            count=Count("pk", filter=Q(publication_date__lte=now)),
            next_due=Min("publication_date", filter=Q(publication_date__gt=now)),
        )
        .order_by("-month")
    )
    rows = list(rows)
    months = [
        {
            "year": row["month"].year,
            "month": row["month"].month,
            "label": date_format(row["month"], "F Y"),
            "count": row["count"],
        }
        for row in rows
        if row["count"]
    ]
    archive = [(year, list(group)) for year, group in groupby(months, key=lambda month: month["year"])]
    next_due = min((row["next_due"] for row in rows if row["next_due"]), default=None)
    return archive, sum(row["count"] for row in rows), next_due


def _sidebar_data(index, opd):
    """What ``sidebar()`` keeps: three queries (archive, OPDs, tags)."""
    now = timezone.now()
    everything = index.news_items(include_future=True)  # the archive query tells the next date to come
    current = everything.filter(publication_date__lte=now)
    if opd:
        everything = everything.filter(owner_opd=opd)
    archive, total, next_due = archive_months(everything, now)
    # Semi-joins on ids (no DISTINCT over joined rows): cheap whatever the number of news.
    scoped = current.filter(owner_opd=opd) if opd else current
    tagged = news_model("NewsPageTag").objects.filter(content_object__in=scoped.order_by().values("pk"))
    # The OPDs publishing here: the OPD filter's choices, and the cards' OPDs (``with_opds``).
    opds = list(OPD.objects.filter(pk__in=scoped.order_by().values("owner_opd_id")).order_by("acronym"))
    return {
        "archive": archive,
        "archive_total": total,
        "next_due": next_due,
        "opds": {choice.pk: choice for choice in opds},
        # The per-OPD view has no OPD filter, so it needs no OPD choices.
        "opd_choices": []
        if opd
        else [
            {"pk": choice.pk, "slug": choice.slug, "acronym": choice.acronym, "name": choice.name} for choice in opds
        ],
        "tag_choices": list(
            Tag.objects.filter(pk__in=tagged.values("tag_id")).order_by("name").values("pk", "slug", "name")
        ),
    }


SIDEBAR_STEPS = 5
NEXT_PUBLICATION_KEY = "news:next-publication"


def next_publication():
    """The next moment a live news item's publication date passes, or None (a ``serving.clock`` source).

    At that moment the item joins the newsroom, the OPD views, the feeds, related news and search, with
    nobody saving anything; so no cached page or derived value may be kept past it. Kept as derived data
    (a save makes a new generation), and asked again once it has passed: one query per date to come.
    """
    now = timezone.now()
    moment = recall(NEXT_PUBLICATION_KEY)
    if moment is MISSING or (moment is not None and moment <= now):
        upcoming = news_model("NewsPage").objects.live().filter(publication_date__gt=now).order_by("publication_date")
        moment = upcoming.values_list("publication_date", flat=True).first()
        keep(NEXT_PUBLICATION_KEY, moment)
    return moment


def sidebar(index, opd=None):
    """``(key, data)``: the archive (with the number of items it covers), the filter choices as plain data
    (dicts, which templates read without trying other lookups first) and the OPDs publishing in this view,
    by id; ``key`` names this data (for what is derived from it in turn, such as its HTML).

    Kept with ``serving.derived.remember`` until the content changes, per language, newsroom and OPD view.
    They depend on the clock too: an item dated in the future joins them when its time comes. So the data
    carries the earliest date still to come, and once that has passed, the data is taken (or computed)
    under a key naming that date instead; no query is needed to know it.
    """
    key = f"news:sidebar:{translation.get_language()}:{index.pk}:{opd.pk if opd else 0}"
    for _step in range(SIDEBAR_STEPS):
        data = remember(key, lambda: _sidebar_data(index, opd))
        next_due = data["next_due"]
        if next_due is None or timezone.now() < next_due:
            return key, data
        key = f"{key}:{next_due.timestamp()}"
    return None, _sidebar_data(index, opd)


SIDEBAR_TEMPLATE = "news/includes/news_sidebar.html"


def month_end(month):
    """The first instant after an archive month, in the site's time zone (the archive's months are)."""
    year, number = (month["year"] + 1, 1) if month["month"] == 12 else (month["year"], month["month"] + 1)
    return timezone.make_aware(datetime.datetime(year, number, 1), timezone.get_current_timezone())


def seek_page(ids, months, offset, size=PAGE_SIZE):
    """The ids of one page of the listing, read without skipping over the newer months: or None.

    ``OFFSET n`` makes the database read and throw away ``n`` rows, so page 167 of the archive cost five
    times page 2. The archive already counts the items of each month (``months``, newest first, exactly the
    items ``ids`` lists), so the month a page starts in is known: the query starts at that month's end
    (``publication_date`` below it: a range on the index, a keyset) and skips only the items of that one
    month before the page. A deep page then reads at most a month's items plus a page, whatever the depth.
    None when the page starts in the first month (a plain ``OFFSET`` is as cheap) or past the archive.
    """
    before = 0
    for month in months:
        count = month.get("count")
        if count is None:  # data kept by an older version of this module
            return None
        if before + count > offset:
            if not before:
                return None
            skip = offset - before
            return ids.filter(publication_date__lt=month_end(month))[skip : skip + size]
        before += count
    return None


def months_listed(archive, filters):
    """The archive months holding exactly the items a listing with ``filters`` shows, newest first; or None
    when a filter (type, tag, an OPD chosen in the form) narrows the items below what the archive counts."""
    if filters.news_type or filters.tag or (filters.opd and not filters.opd_fixed):
        return None
    return [
        month
        for _year, months in archive
        for month in months
        if (not filters.year or month["year"] == filters.year)
        and (not filters.month or month["month"] == filters.month)
    ]


def build(index, request, opd=None):
    """The template context of the newsroom (or of one OPD's view of it)."""
    base = index.news_items()
    items, filters = filter_news(base, request.GET, opd=opd)
    side_key, side = sidebar(index, opd)
    # The listing needs only the ids of its items: their cards are kept already rendered (``news_cards()``).
    paginator = Paginator(items.values_list("pk", flat=True), PAGE_SIZE)
    months = months_listed(side["archive"], filters)
    if months is not None:
        # The archive counted these very items: no COUNT query.
        paginator.count = side["archive_total"] if not filters.year else sum(month["count"] for month in months)
    page_obj = paginator.get_page(query_params.page_number(request.GET))
    if months is not None:
        seek = seek_page(paginator.object_list, months, page_obj.start_index() - 1)
        if seek is not None:
            page_obj.object_list = seek
    featured = []
    if not filters.active and page_obj.number == 1:
        featured = list(base.filter(featured=True).values_list("pk", flat=True)[:FEATURED_COUNT])
    page_obj.object_list = list(page_obj.object_list)
    cards = news_cards([*featured, *page_obj.object_list], request, opds=side["opds"])
    context = {
        "filters": filters,
        "news_page_obj": page_obj,
        "page_numbers": list(paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)),
        "ellipsis": Paginator.ELLIPSIS,
        "month_choices": sorted(MONTHS.items()),
        # An item may be both featured and in the list.
        "featured_cards": [cards[pk] for pk in featured if pk in cards],
        "news_cards": [cards[pk] for pk in page_obj.object_list if pk in cards],
        "archive": side["archive"],
        "type_choices": NewsType.choices,
        "opd_choices": side["opd_choices"],
        "tag_choices": side["tag_choices"],
        "opd": opd,
        "feed_links": feeds.feed_links(index, request, opd=opd, news_type=filters.news_type),
    }

    # The sidebar (filter form, archive, feeds) shows the same for every visitor of this view with these
    # filters: rendered once, then kept with the data it is made of. Filters hold only known values, so
    # the number of such entries is bounded, and they expire with the cache generation.
    def render_sidebar():
        return get_template(SIDEBAR_TEMPLATE).render(context)

    html = remember(f"{side_key}:html:{filters.query()}", render_sidebar) if side_key else render_sidebar()
    context["sidebar"] = mark_safe(html)
    return context
