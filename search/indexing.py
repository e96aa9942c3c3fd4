"""Keep the search index current: one SearchEntry per live, public page and language."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.html import strip_tags
from django.utils.safestring import SafeString

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageViewRestriction

from home import bilingual
from search import text, vocabulary
from search.models import SearchEntry
from serving import bulk

MAX_FIELD_LENGTH = 200_000  # far below PostgreSQL's 1 MB tsvector limit
LANGUAGES = [code for code, _name in settings.LANGUAGES]
# Inside ``serving.bulk.deferring()`` (a bulk import), published and unpublished pages are indexed once
# at the end of the batch by ``index_pages`` (``search.signals`` notes them).
BULK = "search.site"


def _translated_fields(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def field_text(page, name, language):
    """The text of one declared field in ``language``: its own column, never modeltranslation's fallback."""
    column = build_localized_fieldname(name, language) if name in _translated_fields(type(page)) else name
    value = getattr(page, column, None)
    if callable(value):
        value = value(language)
    if value is None:
        return ""
    try:
        model_field = page._meta.get_field(column)
    except Exception:  # a plain attribute or property
        model_field = None
    if isinstance(model_field, (StreamField, RichTextField)):
        value = " ".join(str(part) for part in model_field.get_searchable_content(value))
    elif isinstance(value, SafeString):
        value = strip_tags(value)
    return text.clean_text(value, MAX_FIELD_LENGTH)


def is_indexable(page, restricted_paths=None):
    """Live, public, not excluded from site search, and of a type that declares its fields.
    ``restricted_paths``: the paths of every page with a view restriction, read once for many pages
    (``index_pages``); otherwise the page's ancestors' restrictions are asked for."""
    if not getattr(page, "site_search_fields", None) or not page.live:
        return False
    if getattr(page, "exclude_from_site_search", False):
        return False
    if restricted_paths is not None:  # a page's ancestors are the pages whose path begins its own
        return not any(page.path.startswith(path) for path in restricted_paths)
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def _year(page):
    field = getattr(page, "site_search_date_field", None) or "first_published_at"
    value = getattr(page, field, None)
    return getattr(value, "year", None)


def entry_values(page, language):
    """The column values of ``page``'s entry in ``language`` (Indonesian text when English is missing)."""
    fallback = not bilingual.has_translation(page, language)
    analyzer = bilingual.DEFAULT_LANGUAGE if fallback else language
    structural = bool(getattr(page, "site_search_structural", False))
    columns = {"A": [], "B": [], "C": []}
    heading, extra = "", []
    for field in page.site_search_fields:
        if structural and field.weight != "A":
            continue  # home and index pages are found by their title alone
        value = field_text(page, field.name, analyzer)
        if value:
            columns[field.weight].append(value)
            if field.weight == "A":
                if field.name == "title" or not heading:
                    extra += [heading] if heading else []
                    heading = value
                else:
                    extra.append(value)
    opd_field = getattr(page, "site_search_opd_field", None)
    return {
        "heading": heading,
        "detail": detail_line(heading, extra),
        "is_structural": structural,
        "analyzer": analyzer,
        "is_fallback": fallback,
        "title": " ".join(columns["A"]),
        "summary": " ".join(columns["B"]),
        "body": " ".join(columns["C"]),
        "content_type": ContentType.objects.get_for_model(type(page)),
        "opd_id": getattr(page, f"{opd_field}_id", None) if opd_field else None,
        "year": _year(page),
    }


def detail_line(heading, others):
    """The other title-weight texts (an event title) that say more than ``heading``, joined; "" when each
    one's words are all in the heading already (the result heading then shows the title once)."""
    seen = set(text.words(heading))
    kept = []
    for other in others:
        other_words = set(text.words(other))
        if other_words and not other_words <= seen:
            kept.append(other)
            seen |= other_words
    return " · ".join(kept)


def _write_fts(entries):
    if connection.vendor != "sqlite" or not entries:
        return
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_entry_fts WHERE rowid = %s", [(entry.pk,) for entry in entries])
        cursor.executemany(
            "INSERT INTO search_entry_fts (rowid, title, summary, body, title_words) VALUES (%s, %s, %s, %s, %s)",
            [
                (
                    entry.pk,
                    text.stemmed_text(entry.title, entry.analyzer),
                    text.stemmed_text(entry.summary, entry.analyzer),
                    text.stemmed_text(entry.body, entry.analyzer),
                    entry.title,
                )
                for entry in entries
            ],
        )


def delete_fts(entry_ids):
    if connection.vendor != "sqlite" or not entry_ids:
        return
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_entry_fts WHERE rowid = %s", [(pk,) for pk in entry_ids])


def _count_words(changes, counts):
    """Apply vocabulary ``changes`` now, or add them to ``counts`` for ``vocabulary.apply_counts`` later."""
    if counts is None:
        vocabulary.apply(changes)
    else:
        vocabulary.tally(changes, counts)


def unindex_page(page_id, counts=None):
    """Remove a page from the index in every language."""
    entries = SearchEntry.objects.filter(page_id=page_id)
    old = list(entries.values("pk", "language", "title", "summary", "body"))
    if old:
        entries.delete()
        delete_fts([row["pk"] for row in old])
        _count_words(vocabulary.diff(vocabulary.words_of(old), {}), counts)


@transaction.atomic
def index_page(page, counts=None):
    """Index ``page`` (any Page instance) in every language, or remove it when it is not indexable. The
    vocabulary's counts change at once, or are added to ``counts`` (see ``index_pages``)."""
    page = page.specific_deferred if type(page) is Page else page
    if not is_indexable(page):
        unindex_page(page.pk, counts)
        return []
    old = list(SearchEntry.objects.filter(page_id=page.pk).values("language", "title", "summary", "body"))
    entries = []
    for language in LANGUAGES:
        entry, _created = SearchEntry.objects.update_or_create(
            page_id=page.pk, language=language, defaults=entry_values(page, language)
        )
        entries.append(entry)
    _write_fts(entries)
    _count_words(vocabulary.diff(vocabulary.words_of(old), vocabulary.words_of(entries)), counts)
    return entries


@transaction.atomic
def index_pages(page_ids):
    """Index (or unindex) the pages with these ids, as ``index_page`` does for each, with one read of the view
    restrictions and of the entries already there, one insert, one update and one update of the vocabulary
    for all of them; ids of pages gone since are skipped."""
    counts = {}
    restricted_paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    pages = []
    for page in bulk.specific_pages(page_ids):
        if is_indexable(page, restricted_paths):
            pages.append(page)
        else:
            unindex_page(page.pk, counts)
    old = {}  # page id -> {language: the entry's id and text columns}
    for row in SearchEntry.objects.filter(page_id__in=[page.pk for page in pages]).values(
        "pk", "page_id", "language", "title", "summary", "body"
    ):
        old.setdefault(row["page_id"], {})[row["language"]] = row
    new, changed, columns = [], [], []
    for page in pages:
        before = old.get(page.pk, {})
        entries = []
        for language in LANGUAGES:
            row = before.get(language)
            values = entry_values(page, language)
            columns = list(values)
            entry = SearchEntry(pk=row["pk"] if row else None, page_id=page.pk, language=language, **values)
            (changed if row else new).append(entry)
            entries.append(entry)
        _count_words(vocabulary.diff(vocabulary.words_of(before.values()), vocabulary.words_of(entries)), counts)
    SearchEntry.objects.bulk_create(new)
    if new and new[0].pk is None:  # a database that does not return the new rows' ids
        ids = SearchEntry.objects.filter(page_id__in=[entry.page_id for entry in new]).values_list(
            "page_id", "language", "pk"
        )
        ids = {(page_id, language): pk for page_id, language, pk in ids}
        for entry in new:
            entry.pk = ids[(entry.page_id, entry.language)]
    if changed:
        SearchEntry.objects.bulk_update(changed, columns)
    _write_fts(new + changed)
    vocabulary.apply_counts(counts)


def index_subtree(page):
    """Re-index ``page`` and its descendants (after a move or a privacy change)."""
    for each in Page.objects.descendant_of(page, inclusive=True).specific():
        index_page(each)


def rebuild():
    """Rebuild the whole index from the page tree; returns the number of entries written."""
    with transaction.atomic():
        ids = list(SearchEntry.objects.values_list("pk", flat=True))
        SearchEntry.objects.all().delete()
        delete_fts(ids)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_entry_fts")
        count, counts = 0, {}
        vocabulary.rebuild()  # empty now; the words of every entry are counted, then written once
        for model in _searchable():
            for page in model.objects.live().exact_type(model).iterator():
                count += len(index_page(page, counts))
        vocabulary.apply_counts(counts)
    # Inside a bulk block, the pages published so far need no indexing at its end: they were just indexed.
    bulk.discard(BULK)
    return count


def _searchable():
    from search.registry import searchable_models

    return searchable_models()
