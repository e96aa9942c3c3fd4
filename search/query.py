"""``site_search``: the one function behind the search page and the autocomplete endpoint."""

import datetime
import math
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.utils import timezone, translation
from django.utils.text import capfirst

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page

from home import bilingual
from home.models import OPD
from home.querysets import pages_of
from search import synonyms, text, vocabulary
from search.engines import engine, needs_fill
from search.models import SearchEntry, SearchWord
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
    detail: str = ""  # the event title (or other title text) when it says more than the title
    matched: list = field(default_factory=list)  # [(word found, word typed)] when found through a synonym


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
    correction: str = ""  # "Did you mean": the query with its unknown words corrected
    corrected: bool = False  # the results shown are the correction's (the query found nothing or little)


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


def _synonym_matches(concepts, entry_stems, analyzer):
    """``[(alternative found, words typed)]`` for the concepts the entry has only through a synonym."""
    found = []
    for concept in concepts:
        if not concept.alternatives or set(text.stem_words(concept.words, analyzer)) <= entry_stems:
            continue
        for words in concept.alternatives:
            if set(text.stem_words(words, analyzer)) <= entry_stems:
                found.append((" ".join(words), " ".join(concept.words)))
                break
    return found


def _results(ids_scores, language, concepts, request):
    """Load entries and pages for one page of results, in rank order, with snippets."""
    ids = [row[0] for row in ids_scores]
    entries = SearchEntry.objects.filter(pk__in=ids, page__live=True).select_related("page").in_bulk()
    words = [word for concept in concepts for alternative in concept.all for word in alternative]
    results = []
    for pk in ids:
        entry = entries.get(pk)
        if entry is None:
            continue
        page = entry.page
        stems = _stems(words, entry.analyzer)
        snippet = (
            text.highlight(entry.summary, stems, entry.analyzer)
            or text.highlight(entry.body, stems, entry.analyzer)
            or text.excerpt(entry.summary or entry.body)
        )
        model = ContentType.objects.get_for_id(entry.content_type_id).model_class()
        with translation.override(language):
            url = page.get_url(request)
        heading = entry.heading or entry.title
        matched = []
        if any(concept.alternatives for concept in concepts):
            entry_stems = _stems(list(set(text.words(f"{entry.title} {entry.summary} {entry.body}"))), entry.analyzer)
            matched = _synonym_matches(concepts, entry_stems, entry.analyzer)
        results.append(
            Result(
                page=page,
                url=url,
                title=text.highlight(heading, stems, entry.analyzer, length=1000) or text.excerpt(heading),
                snippet=snippet,
                language=entry.analyzer,
                is_fallback=entry.is_fallback,
                content_type=model._meta.verbose_name if model else "",
                year=entry.year,
                detail=(text.highlight(entry.detail, stems, entry.analyzer, length=1000) or text.excerpt(entry.detail))
                if entry.detail
                else "",
                matched=matched,
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


def corrected_query(query, fixes):
    """The visitor's query with each corrected word replaced, the other words kept as typed (folded)."""
    return " ".join(fixes.get(word, word) for word in text.words(text.normalize_query(query)))


def _corrected(terms, language, filters, limit, expand):
    """``(fixes, corrected terms, concepts, rows)`` when some words occur nowhere and their closest
    vocabulary words find pages; otherwise ``None``. Synonym list words (acronyms) count as occurring."""
    stems = text.stem_words(terms, language)
    listed = synonyms.known_terms(language)
    fixes = vocabulary.corrections(language, terms, {t for t, s in zip(terms, stems, strict=True) if s in listed})
    if not fixes:
        return None
    corrected_terms = [fixes.get(term, term) for term in terms]
    concepts = synonyms.expand(corrected_terms, language, enabled=expand)
    rows = engine().match(language, concepts, filters, limit)
    return (fixes, corrected_terms, concepts, rows) if rows else None


def site_search(
    query,
    language,
    filters=None,
    page=1,
    request=None,
    autocomplete=False,
    per_page=PER_PAGE,
    expand=True,
    correct=True,
):
    """Search live, public pages in ``language``.

    Full search: every word (stemmed for the text's language), or a synonym of it from the editors'
    list (``expand``), must match first, then pages matching any word fill the remaining slots; title
    ranks above summary above body; home and index pages come after content pages. English visitors
    also find pages that exist only in Indonesian, marked ``is_fallback``. When no page has every
    word and a word occurs nowhere in the index, the closest words that do occur make a correction
    (``correct``), whose results are shown instead when it finds any.
    ``autocomplete=True`` fills ``suggestions`` from titles in the visitor's language only.
    Bad input of any kind gives empty results, never an error.
    """
    language = language if language in bilingual.LANGUAGE_CODES else bilingual.DEFAULT_LANGUAGE
    cleaned_query = text.clean_text(query, text.MAX_QUERY_LENGTH)
    filters = clean_filters(filters)
    terms = text.query_terms(cleaned_query, language)
    results = SearchResults(query=cleaned_query, language=language, terms=terms, filters=filters)
    concepts = synonyms.expand(terms, language, enabled=expand)
    if autocomplete:
        return _autocomplete(results, concepts, request)
    # One more than is shown: it tells "200 results" from "more than 200" without counting every match.
    limit = MAX_RESULTS + 1
    # AND first: when no page has every word, a correction is looked for before the OR fill.
    search_engine = engine()
    rows = search_engine.match(language, concepts, filters, limit, stages=("and",)) if terms else []
    if terms and not rows:
        corrected = _corrected(terms, language, filters, limit, expand) if correct else None
        if corrected:
            results.correction = corrected_query(cleaned_query, corrected[0])
            results.corrected = True
            results.terms, concepts, rows = corrected[1], corrected[2], corrected[3]
        elif needs_fill(concepts):
            rows = search_engine.match(language, concepts, filters, limit, stages=("or",))
    elif len(rows) < limit and needs_fill(concepts):
        rows += search_engine.match(language, concepts, filters, limit - len(rows), stages=("or",), exclude=rows)
    results.more = len(rows) > MAX_RESULTS
    paginator = Paginator(rows[:MAX_RESULTS], per_page)
    results.page = paginator.get_page(page)
    results.page.object_list = _results(list(results.page.object_list), language, concepts, request)
    results.total = paginator.count
    if results.page.number == 1:
        results.promotions = promotions_for(cleaned_query, language, request)
    return results


# Autocomplete: how much a title starting with the word typed and a recent page count beside relevance
# (the mean of the engine's rank of the whole page and of how common the completed word is, each 0..1).
STARTS_WITH_BONUS = 0.5
RECENCY_WEIGHT = 0.25
RECENCY_DAYS = 365
AUTOCOMPLETE_CANDIDATES = 50


def _autocomplete(results, concepts, request):
    """Suggestions: candidates by relevance from the engine, re-ranked with title starts and recency."""
    if not results.terms:
        return results
    rows = engine().match(results.language, concepts, results.filters, AUTOCOMPLETE_CANDIDATES, autocomplete=True)
    entries = SearchEntry.objects.in_bulk([row[0] for row in rows])
    pages = Page.objects.live().in_bulk([entry.page_id for entry in entries.values()])
    best = max((row[1] or 0 for row in rows), default=0) or 1
    first, last = results.terms[0], results.terms[-1]
    # The word each title completes the last typed word with, and how many pages use that word: "mas"
    # is more likely "masjid" (many pages) than "masterplan" (one).
    completions = {}
    for pk, entry in entries.items():
        completions[pk] = next((w for w in text.words(entry.heading or entry.title) if w.startswith(last)), "")
    popularity = dict(
        SearchWord.objects.filter(language=results.language, word__in=set(completions.values())).values_list(
            "word", "entries"
        )
    )
    most = math.log1p(max(popularity.values(), default=0)) or 1
    now = timezone.now()
    scored = []
    for pk, score, _all in rows:
        entry = entries.get(pk)
        page = pages.get(entry.page_id) if entry else None
        if page is None:
            continue
        title_words = text.words(entry.heading or entry.title)
        starts = bool(title_words) and title_words[0].startswith(first)
        published = page.last_published_at or page.first_published_at
        age = (now - published).days if published else RECENCY_DAYS * 10
        recency = 1 / (1 + max(age, 0) / RECENCY_DAYS)
        relevance = ((score or 0) / best + math.log1p(popularity.get(completions[pk], 0)) / most) / 2
        total = relevance + STARTS_WITH_BONUS * starts + RECENCY_WEIGHT * recency
        scored.append((-total, pk, entry, page))
    scored.sort(key=lambda item: item[:2])
    with translation.override(results.language):
        for _total, _pk, entry, page in scored[:SUGGESTIONS]:
            results.suggestions.append({"title": entry.heading or entry.title, "url": page.get_url(request)})
    results.total = len(results.suggestions)
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
