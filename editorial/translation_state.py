"""A page's English state, computed field by field from its revisions (pure functions, no database).

The input is the page's revision history, oldest first, as ``Snapshot(content, published)``:
``content`` is a revision's serialised dict (``title_ind``, ``title_en``, ``body_ind`` …) and
``published`` says whether that revision was ever published. The rules:

- **missing**: the latest revision has no English title.
- **stale**: for some field whose English value is filled, the Indonesian value changed in a
  published revision after the English value last changed. An Indonesian change counts from the
  first revision that carried the value which was then published (so an English update written in
  a draft alongside the Indonesian change is not stale); a change that lives only in an unpublished
  draft does not count.
- **partly**: the English title is filled, but some field filled in Indonesian is empty in English.
- **translated**: none of the above.

Stale wins over partly: outdated English is wrong information, while an empty English field only
falls back to Indonesian. Both lists are always returned, whatever the state.
"""

import json
import re
from dataclasses import dataclass, field

from modeltranslation.utils import build_localized_fieldname

MISSING = "missing"
STALE = "stale"
PARTLY = "partly"
TRANSLATED = "translated"

SOURCE_LANGUAGE = "id"
TARGET_LANGUAGE = "en"
TITLE_FIELD = "title"

_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class Snapshot:
    """One revision: its serialised content and whether it was ever published."""

    content: dict
    published: bool = False


@dataclass(frozen=True)
class TranslationResult:
    state: str
    stale_fields: list = field(default_factory=list)
    empty_fields: list = field(default_factory=list)


def normalise(value):
    """A comparable form of a serialised value; every blank value becomes ``None``.

    StreamField values are serialised as JSON text, so they are parsed before comparing; rich text
    counts as blank when it has no text outside its tags (``<p data-block-key="x"></p>``).
    """
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in ("[", "{"):
            try:
                value = json.loads(text)
            except ValueError:
                value = text
        else:
            value = text
            if not _TAG.sub("", text).replace("&nbsp;", "").strip():
                return None
    if value in (None, "", [], {}):
        return None
    return value


def _values(snapshots, name, language):
    key = build_localized_fieldname(name, language)
    return [normalise(snapshot.content.get(key)) for snapshot in snapshots]


def last_change(values):
    """Index of the revision where the value last changed (-1 if it never had a value)."""
    changed = -1
    previous = None
    for index, value in enumerate(values):
        if value != previous:
            changed = index
        previous = value
    return changed if values and values[-1] is not None else -1


def last_published_change(values, published):
    """Index where the Indonesian value last changed *as published*, or -1.

    Compares each published revision with the previous published one; the change is dated from
    the first revision of the unbroken run that carried the newly published value.
    """
    changed = -1
    previous_published = None
    for index, (value, is_published) in enumerate(zip(values, published, strict=True)):
        if not is_published:
            continue
        if value != previous_published:
            start = index
            while start > 0 and values[start - 1] == value:
                start -= 1
            changed = start
        previous_published = value
    return changed


def compute_state(snapshots, fields, *, source=SOURCE_LANGUAGE, target=TARGET_LANGUAGE):
    """The English state of a page from its revisions, oldest first, for its translated ``fields``."""
    snapshots = list(snapshots)
    if not snapshots:
        return TranslationResult(MISSING)
    published = [snapshot.published for snapshot in snapshots]
    stale, empty = [], []
    for name in fields:
        source_values = _values(snapshots, name, source)
        target_values = _values(snapshots, name, target)
        if source_values[-1] is None:
            continue
        if target_values[-1] is None:
            empty.append(name)
        elif last_published_change(source_values, published) > last_change(target_values):
            stale.append(name)
    title_missing = normalise(snapshots[-1].content.get(build_localized_fieldname(TITLE_FIELD, target))) is None
    if title_missing:
        state = MISSING
    elif stale:
        state = STALE
    elif empty:
        state = PARTLY
    else:
        state = TRANSLATED
    return TranslationResult(state, stale, empty)
