"""The vocabulary kept with the index, and typo correction over it ("Maksud Anda: penyengat?").

Every word of every index entry is counted per language (``SearchWord``: the number of entries it
occurs in), kept in step by ``search.indexing`` whenever an entry is written or removed. Names of
places and people are words of the pages like any other, so they are part of it.

Correction: a query word is corrected only when it does not occur (neither as typed nor by its stem),
and only to a word of the visitor's language's vocabulary within a small edit distance. Candidates
come from trigram similarity: pg_trgm's ``%`` operator and GIN index on PostgreSQL; on SQLite the same
padded trigrams kept in ``search_word_trigram`` and counted in SQL. The best candidate is the closest
by Damerau-Levenshtein distance, then the one found in most entries.
"""

from collections import Counter

from django.db import connection, transaction
from django.db.models import F, Q
from django.db.models.functions import Length

from search import text

MIN_LENGTH, MAX_LENGTH = 3, 60
CANDIDATES = 30  # trigram-similar words examined per unknown word
SIMILARITY = 0.3  # pg_trgm's default similarity threshold, used on SQLite too
SHORT_WORD = 5  # words this long or shorter also get candidates by first letter and length
SHORT_CANDIDATES = 500


def _models():
    from search.models import SearchEntry, SearchWord

    return SearchEntry, SearchWord


def is_word(word):
    return MIN_LENGTH <= len(word) <= MAX_LENGTH and not word.isdigit()


def entry_words(title, summary, body, language=None):
    """The distinct vocabulary words of one entry's text (folded as the engines fold them). Stop words
    are left out: queries drop them, so they must not be corrections either ("fod" is "food", not "for")."""
    stop = text.STOP_WORDS.get(language, ())
    return {word for word in text.words(f"{title} {summary} {body}") if is_word(word) and word not in stop}


def trigrams(word):
    """The trigrams pg_trgm makes of one word: padded with two spaces before and one after."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a, b):
    """pg_trgm's ``similarity``: shared trigrams over all distinct trigrams of both words."""
    ta, tb = trigrams(a), trigrams(b)
    return len(ta & tb) / len(ta | tb) if ta and tb else 0.0


def distance(a, b):
    """Damerau-Levenshtein distance (optimal string alignment): a swap of neighbours costs one."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def allowed_distance(word):
    return 1 if len(word) <= 4 else 2


# Upkeep ---------------------------------------------------------------------------------------------


def tally(changes, counts=None):
    """Add ``diff()`` changes to ``counts``, ``{language: Counter(word: change in its number of entries)}``,
    so that the changes of many entries are applied at once (``apply_counts``)."""
    counts = {} if counts is None else counts
    for language, (removed, added) in changes.items():
        counter = counts.setdefault(language, Counter())
        counter.update(added)
        counter.subtract(removed)
    return counts


def apply(changes):
    """Apply ``{language: (removed words, added words)}`` to the counts, in the caller's transaction."""
    apply_counts(tally(changes))


def apply_counts(counts):
    """Apply ``tally()``'s ``{language: Counter(word: change)}`` to the counts, in the caller's transaction:
    one update per distinct change, however many entries it adds up."""
    _entry, SearchWord = _models()
    for language, counter in counts.items():
        added = sorted(word for word, change in counter.items() if change > 0)
        for chunk in _chunks(added):
            _create_missing(SearchWord, language, chunk)
        by_change = {}
        for word, change in counter.items():
            if change:
                by_change.setdefault(change, []).append(word)
        for change, words in sorted(by_change.items()):
            for chunk in _chunks(sorted(words)):
                SearchWord.objects.filter(language=language, word__in=chunk).update(entries=F("entries") + change)
        removed = sorted(word for word, change in counter.items() if change < 0)
        for chunk in _chunks(removed):
            gone = list(
                SearchWord.objects.filter(language=language, word__in=chunk, entries__lte=0).values_list(
                    "pk", flat=True
                )
            )
            if gone:
                _delete_trigrams(gone)
                SearchWord.objects.filter(pk__in=gone).delete()


def _chunks(words, size=500):
    """Lists of at most ``size`` words (SQLite limits the parameters of one statement)."""
    return [words[start : start + size] for start in range(0, len(words), size)]


def _create_missing(SearchWord, language, words):
    existing = set(SearchWord.objects.filter(language=language, word__in=words).values_list("word", flat=True))
    new = [word for word in words if word not in existing]
    if new:
        stems = text.stem_words(new, language)
        SearchWord.objects.bulk_create(
            [
                SearchWord(language=language, word=w, stem=s[:MAX_LENGTH], entries=0)
                for w, s in zip(new, stems, strict=True)
            ],
            ignore_conflicts=True,
        )
        if connection.vendor == "sqlite":
            ids = SearchWord.objects.filter(language=language, word__in=new).values_list("pk", "word")
            _insert_trigrams(ids)


def _insert_trigrams(id_words):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO search_word_trigram (word_id, trigram) VALUES (%s, %s)",
            [(pk, trigram) for pk, word in id_words for trigram in trigrams(word)],
        )


def _delete_trigrams(ids):
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM search_word_trigram WHERE word_id = %s", [(pk,) for pk in ids])


def words_of(entries):
    """``{language: set of words}`` over ``entries`` (objects or dicts with the text columns)."""
    found = {}
    for entry in entries:
        get = entry.get if isinstance(entry, dict) else lambda name, e=entry: getattr(e, name)
        language = get("language")
        found.setdefault(language, set()).update(entry_words(get("title"), get("summary"), get("body"), language))
    return found


def diff(before, after):
    """``{language: (removed, added)}`` between two ``words_of`` results."""
    changes = {}
    for language in set(before) | set(after):
        old, new = before.get(language, set()), after.get(language, set())
        if old != new:
            changes[language] = (old - new, new - old)
    return changes


def rebuild(SearchEntry=None, SearchWord=None, batch=2000):
    """Count every word of every entry again (``rebuild_site_search``, the migration, the benchmark)."""
    if SearchEntry is None:
        SearchEntry, SearchWord = _models()
    counts = {}
    rows = SearchEntry.objects.values_list("language", "title", "summary", "body").order_by().iterator(chunk_size=batch)
    for language, title, summary, body in rows:
        counts.setdefault(language, Counter()).update(entry_words(title, summary, body, language))
    with transaction.atomic():
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("DELETE FROM search_word_trigram")
        SearchWord.objects.all().delete()
        for language, counter in counts.items():
            words = sorted(counter)
            for start in range(0, len(words), batch):
                chunk = words[start : start + batch]
                stems = text.stem_words(chunk, language)
                created = SearchWord.objects.bulk_create(
                    [
                        SearchWord(language=language, word=w, stem=s[:MAX_LENGTH], entries=counter[w])
                        for w, s in zip(chunk, stems, strict=True)
                    ]
                )
                if connection.vendor == "sqlite":
                    if created and created[0].pk is None:
                        created = SearchWord.objects.filter(language=language, word__in=chunk)
                    _insert_trigrams([(word.pk, word.word) for word in created])
    return sum(len(counter) for counter in counts.values())


# Correction -----------------------------------------------------------------------------------------


def known(language, terms):
    """The ``terms`` that occur in the vocabulary of ``language``, as typed or by their stem."""
    _entry, SearchWord = _models()
    stems = dict(zip(terms, text.stem_words(terms, language), strict=True))
    rows = SearchWord.objects.filter(language=language).filter(Q(word__in=terms) | Q(stem__in=set(stems.values())))
    found_words, found_stems = set(), set()
    for word, stem in rows.values_list("word", "stem"):
        found_words.add(word)
        found_stems.add(stem)
    return {term for term in terms if term in found_words or stems[term] in found_stems}


def _candidates(language, word):
    """``[(candidate, entries)]``: vocabulary words sharing enough trigrams with ``word``."""
    if connection.vendor == "postgresql":
        sql = """
            SELECT word, entries FROM search_searchword
            WHERE language = %s AND word %% %s
            ORDER BY similarity(word, %s) DESC, entries DESC LIMIT %s
        """
        params = [language, word, word, CANDIDATES]
    else:
        grams = sorted(trigrams(word))
        sql = f"""
            SELECT w.word, w.entries FROM search_word_trigram t
            JOIN search_searchword w ON w.id = t.word_id
            WHERE t.trigram IN ({", ".join("%s" for _ in grams)}) AND w.language = %s
            AND length(w.word) BETWEEN %s AND %s
            GROUP BY w.id, w.word, w.entries
            ORDER BY count(*) DESC, w.entries DESC LIMIT %s
        """
        params = [*grams, language, len(word) - 2, len(word) + 2, CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [
            (candidate, entries)
            for candidate, entries in cursor.fetchall()
            if similarity(word, candidate) >= SIMILARITY
        ]


def _short_candidates(language, word):
    """Short words share too few trigrams with their typos ("kahs" and "khas" share one), so for them
    the most frequent words of about the same length and the same first letter are candidates too."""
    _entry, SearchWord = _models()
    # A range on the (language, word) index, with the next character as the bound (not LIKE 'k%', which
    # a btree serves only under the C collation); the Python check keeps any other collation exact.
    following = chr(ord(word[0]) + 1)
    rows = (
        SearchWord.objects.filter(language=language, word__gte=word[0], word__lt=following)
        .annotate(length=Length("word"))
        .filter(length__range=(len(word) - 1, len(word) + 1))
        .order_by("-entries")
        .values_list("word", "entries")[:SHORT_CANDIDATES]
    )
    return [(candidate, entries) for candidate, entries in rows if candidate.startswith(word[0])]


def closest(language, word):
    """The vocabulary word ``word`` was most likely meant to be, or ``None``."""
    best = None
    candidates = _candidates(language, word)
    if len(word) <= SHORT_WORD:
        candidates += _short_candidates(language, word)
    for candidate, entries in candidates:
        gap = distance(word, candidate)
        if gap == 0 or gap > allowed_distance(word):
            continue
        key = (gap, candidate[:1] != word[:1], -entries, -similarity(word, candidate), candidate)
        if best is None or key < best[0]:
            best = (key, candidate)
    return best[1] if best else None


def corrections(language, terms, also_known=()):
    """``{term: correction}`` for the terms that occur nowhere; empty when every term occurs."""
    candidates = [term for term in terms if is_word(term) and term not in also_known]
    if not candidates:
        return {}
    unknown = [term for term in candidates if term not in known(language, candidates)]
    fixes = {}
    for term in unknown:
        replacement = closest(language, term)
        if replacement:
            fixes[term] = replacement
    return fixes
