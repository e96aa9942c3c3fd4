"""Language-aware text handling shared by both engines: cleaning, tokens, stemming, snippets.

Stemming uses the same Snowball algorithms as PostgreSQL's ``indonesian`` and
``english`` configurations (PyStemmer), so SQLite and PostgreSQL agree.
"""

import re
import threading
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

import Stemmer

MAX_QUERY_LENGTH = 200
MAX_TERMS = 10
STEMMER_NAMES = {"id": "indonesian", "en": "english"}
WORD_RE = re.compile(r"[^\W_]+")

# Query-side stop words: they carry no meaning on their own, and AND-matching would
# otherwise require them. PostgreSQL's english configuration drops the English ones
# at index time too; its indonesian configuration has no stop-word list.
STOP_WORDS = {
    "id": set(
        "dan di ke dari yang untuk pada dengan atau ini itu adalah dalam oleh akan juga serta bagi "
        "sebagai tentang kepada para tersebut".split()
    ),
    # PostgreSQL's english.stop (Snowball), so both engines drop the same English words.
    "en": set(
        "i me my myself we our ours ourselves you your yours yourself yourselves he him his himself "
        "she her hers herself it its itself they them their theirs themselves what which who whom "
        "this that these those am is are was were be been being have has had having do does did "
        "doing a an the and but if or because as until while of at by for with about against "
        "between into through during before after above below to from up down in out on off over "
        "under again further then once here there when where why how all any both each few more "
        "most other some such no nor not only own same so than too very s t can will just don "
        "should now".split()
    ),
}

_local = threading.local()


def stemmer(analyzer):
    """A per-thread Snowball stemmer (PyStemmer objects are not thread-safe)."""
    cache = getattr(_local, "stemmers", None)
    if cache is None:
        cache = _local.stemmers = {}
    if analyzer not in cache:
        cache[analyzer] = Stemmer.Stemmer(STEMMER_NAMES[analyzer])
    return cache[analyzer]


def clean_text(value, max_length=None):
    """Text made safe for any database: no NUL or other control characters, no lone surrogates."""
    if not isinstance(value, str):
        value = "" if value is None else str(value)
    # Each distinct character is judged once (a long body has a few dozen), then ``str.translate`` applies it.
    table = {}
    for char in set(value):
        code = ord(char)
        if 0xD800 <= code <= 0xDFFF or char == "\ufffd":
            table[code] = None
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Cn"):
            table[code] = " "
    text = " ".join(value.translate(table).split())
    return text[:max_length] if max_length else text


def normalize_query(value):
    """The visitor's query as we log and match it: cleaned, lower-cased, spaces collapsed, bounded."""
    return clean_text(value, MAX_QUERY_LENGTH).lower().strip()


def fold(word):
    """Lower-case and strip accents, as SQLite's unicode61 tokenizer does."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text):
    """The words of ``text`` (letters and digits), folded."""
    return [fold(match) for match in WORD_RE.findall(text or "")]


def query_terms(query, language):
    """The distinct, meaningful words of a query in order: no stop words, no operators, at most MAX_TERMS."""
    terms = []
    for word in words(normalize_query(query)):
        if word in STOP_WORDS.get(language, ()) or word in terms:
            continue
        terms.append(word)
    return terms[:MAX_TERMS]


def stem_words(word_list, analyzer):
    return stemmer(analyzer).stemWords(word_list)


def stemmed_text(text, analyzer):
    """``text`` as a space-separated string of stems, for the SQLite FTS5 table."""
    return " ".join(stem_words(words(text), analyzer))


def highlight(text, stems, analyzer, length=240):
    """An escaped excerpt of ``text`` around the first matching word, matches wrapped in ``<mark>``.

    Returns ``None`` when no word of ``text`` has one of ``stems``.
    """
    text = text or ""
    found = list(WORD_RE.finditer(text))
    distinct = list({match.group() for match in found})  # each distinct word is stemmed once
    stemmed = stem_words([fold(word) for word in distinct], analyzer)
    hits = {word for word, stem in zip(distinct, stemmed, strict=True) if stem in stems}
    matches = [match for match in found if match.group() in hits]
    if not matches:
        return None
    start = max(0, matches[0].start() - length // 4)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < matches[0].start() else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > matches[0].end() else end
    parts, position = [], start
    for match in matches:
        if match.start() < start or match.end() > end:
            continue
        parts.append(escape(text[position : match.start()]))
        parts.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    parts.append(escape(text[position:end]))
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + "".join(parts) + suffix)


def excerpt(text, length=240):
    """The escaped start of ``text`` when nothing matched in it."""
    text = text or ""
    if len(text) <= length:
        return escape(text)
    cut = text.rfind(" ", 0, length)
    return escape(text[: cut if cut > 0 else length]) + " …"
