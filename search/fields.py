"""How a page type declares what site search indexes (see docs/search.md)."""

from dataclasses import dataclass

WEIGHTS = ("A", "B", "C")


@dataclass(frozen=True)
class SiteSearchField:
    """One field of a page type that site search reads, with its ranking weight.

    ``weight`` "A" goes to the title column, "B" to the summary, "C" to the body;
    ranking weighs A above B above C. Translated fields (registered with
    modeltranslation) are read per language from their own columns; other fields
    are shared by both languages. ``name`` may also name a method taking
    ``language`` and returning text.
    """

    name: str
    weight: str = "C"

    def __post_init__(self):
        if self.weight not in WEIGHTS:
            raise ValueError(f"SiteSearchField weight must be one of {WEIGHTS}, not {self.weight!r}")
