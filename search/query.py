"""``site_search``: the one function behind the search page and the autocomplete endpoint."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils import translation
from django.utils.text import capfirst

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from home import bilingual
from home.models import OPD
from home.querysets import pages_of
from search import text
from search.engines import engine
from search.models import SearchEntry
from search.registry import content_type_keys
from serving import derived

MAX_RESULTS = 200
PER_PAGE = 10
SUGGESTIONS = 8
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass
class Result:
    page: Page
    url: str
    title: str
    snippet: str
    language: str  # the language the result is written in
    is_fallback: bool
    content_type: str
    year: int | None


@dataclass
class SearchResults:
    query: str
    language: str
    terms: list
    filters: dict
    page: object = None  # a Paginator page of Result
    total: int = 0  # results found, at most MAX_RESULTS
    more: bool = False  # more than MAX_RESULTS pages matched (the visitor is told "more than 200")
    promotions: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)


def clean_filters(raw):
    """Keep only filter values we know; anything else is ignored, never an error.

    ``raw`` maps ``type`` (``app_label.model``), ``opd`` (an OPD slug) and ``year`` to strings.
    """
    raw = raw or {}
    cleaned = {}
    type_key = text.clean_text(raw.get("type", ""), 100).lower()
    model = content_type_keys().get(type_key)
    if model is not None:
        cleaned["type"] = type_key
        cleaned["content_type_id"] = ContentType.objects.get_for_model(model).pk
    opd_slug = text.clean_text(raw.get("opd", ""), 60)
    if opd_slug:
        opd = OPD.objects.filter(slug=opd_slug).only("pk").first()
        if opd is not None:
            cleaned["opd"] = opd_slug
            cleaned["opd_id"] = opd.pk
    year = text.clean_text(raw.get("year", ""), 4)
    if year.isdigit() and year.isascii() and MIN_YEAR <= int(year) <= MAX_YEAR:
        cleaned["year"] = int(year)
    return cleaned


def _stems(terms, analyzer):
    return set(text.stem_words(terms, analyzer))


def _results(ids_scores, language, terms, request):
    """Load entries and pages for one page of results, in rank order, with snippets."""
    ids = [row[0] for row in ids_scores]
    entries = SearchEntry.objects.filter(pk__in=ids, page__live=True).select_related("page").in_bulk()
    results = []
    for pk in ids:
        entry = entries.get(pk)
        if entry is None:
            continue
        page = entry.page
        stems = _stems(terms, entry.analyzer)
        snippet = (
            text.highlight(entry.summary, stems, entry.analyzer)
            or text.highlight(entry.body, stems, entry.analyzer)
            or text.excerpt(entry.summary or entry.body)
        )
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        with translation.override(language):
            url = page.get_url(request)
        results.append(
            Result(
                page=page,
                url=url,
                title=text.highlight(entry.title, stems, entry.analyzer, length=1000) or text.excerpt(entry.title),
                snippet=snippet,
                language=entry.analyzer,
                is_fallback=entry.is_fallback,
                content_type=model._meta.verbose_name if model else "",
                year=entry.year,
            )
        )
    return results


def promotions_for(query, language, request=None):
    """Editors' promoted results for this query in this language, language-specific ones first.

    Wagtail's search promotions are not language-aware, so the query string carries the
    language: "en: heritage" promotes only for English visitors, "id: cagar budaya" only for
    Indonesian ones, and a query without a prefix promotes in both languages.
    """
    normalized = text.normalize_query(query)
    if not normalized:
        return []
    keys = [f"{language}: {normalized}", f"{language}:{normalized}", normalized]
    if not promoted_query_strings().intersection(keys):
        return []  # most searches: nothing promoted, no query
    promotions = SearchPromotion.objects.filter(query__query_string__in=keys).select_related("query", "page")
    promotions = sorted(promotions, key=lambda p: (keys.index(p.query.query_string), p.sort_order or 0, p.pk))
    page_ids = [p.page_id for p in promotions if p.page_id]
    public_ids = (
        set(pages_of(Page).live().public().filter(pk__in=page_ids).values_list("pk", flat=True)) if page_ids else set()
    )
    items, seen = [], set()
    for promotion in promotions:
        if promotion.page_id:
            if promotion.page_id not in public_ids or promotion.page_id in seen:
                continue
            seen.add(promotion.page_id)
            page = promotion.page.specific_deferred
            with translation.override(language):
                items.append(
                    {
                        "url": page.get_url(request),
                        "title": page.title,
                        "description": promotion.description,
                        "is_fallback": bilingual.is_fallback(page, language),
                    }
                )
        elif promotion.external_link_url:
            items.append(
                {
                    "url": promotion.external_link_url,
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "description": promotion.description,
                    "is_fallback": False,
                }
            )
    return items


def promoted_query_strings():
    """Every query string with at least one promotion, kept until the content changes (saving or deleting
    a promotion makes a new cache generation, ``serving.derived``): a search nobody promoted costs no query."""
    return derived.remember(
        "search:promoted-queries",
        lambda: frozenset(SearchPromotion.objects.order_by().values_list("query__query_string", flat=True).distinct()),
    )


def site_search(query, language, filters=None, page=1, request=None, autocomplete=False, per_page=PER_PAGE):
    """Search live, public pages in ``language``.

    Full search: every word (stemmed for the text's language) must match first, then pages
    matching any word fill the remaining slots; title ranks above summary above body. English
    visitors also find pages that exist only in Indonesian, marked ``is_fallback``.
    ``autocomplete=True`` matches title words by prefix in the visitor's language only and
    fills ``suggestions``. Bad input of any kind gives empty results, never an error.
    """
    language = language if language in bilingual.LANGUAGE_CODES else bilingual.DEFAULT_LANGUAGE
    cleaned_query = text.clean_text(query, text.MAX_QUERY_LENGTH)
    filters = clean_filters(filters)
    terms = text.query_terms(cleaned_query, language)
    results = SearchResults(query=cleaned_query, language=language, terms=terms, filters=filters)
    # One more than is shown: it tells "200 results" from "more than 200" without counting every match.
    limit = SUGGESTIONS if autocomplete else MAX_RESULTS + 1
    rows = engine().match(language, terms, filters, limit, autocomplete=autocomplete) if terms else []
    if autocomplete:
        entries = SearchEntry.objects.in_bulk([row[0] for row in rows])
        pages = Page.objects.live().in_bulk([entry.page_id for entry in entries.values()])
        with translation.override(language):
            for pk, _score, _all in rows:
                entry = entries.get(pk)
                if entry and entry.page_id in pages:
                    results.suggestions.append({"title": entry.title, "url": pages[entry.page_id].get_url(request)})
        results.total = len(results.suggestions)
        return results
    results.more = len(rows) > MAX_RESULTS
    paginator = Paginator(rows[:MAX_RESULTS], per_page)
    results.page = paginator.get_page(page)
    results.page.object_list = _results(list(results.page.object_list), language, terms, request)
    results.total = paginator.count
    if results.page.number == 1:
        results.promotions = promotions_for(cleaned_query, language, request)
    return results


def available_filters(language):
    """The choices the search form offers: indexed content types, OPDs with indexed pages, years.

    Kept with ``serving.derived.remember`` until the content changes: the year list alone is a scan of
    every index entry of the language.
    """

    def compute():
        entries = SearchEntry.objects.filter(language=language)
        with translation.override(language):
            types = [(key, str(capfirst(model._meta.verbose_name))) for key, model in content_type_keys().items()]
        opds = list(OPD.objects.filter(pk__in=entries.exclude(opd=None).values("opd_id")).order_by("acronym"))
        years = sorted(
            {year for year in entries.exclude(year=None).values_list("year", flat=True).distinct()}, reverse=True
        )
        return {"types": types, "opds": opds, "years": years}

    return {**derived.remember(f"search-filters:{language}", compute), "current_year": datetime.date.today().year}
