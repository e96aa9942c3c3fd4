"""How a page type declares what search reads (see docs/search.md).

Each page type states its searchable fields once, as ``site_search_fields`` (and the fields the admin may
filter on, as ``search_filter_fields``); ``SiteSearchDeclared`` makes its ``search_fields`` (Wagtail's index,
which the admin's page search reads) from the same list with ``admin_search_fields()`` when the class is
made. This module imports nothing from the project, so every app's models may use it.
"""

from dataclasses import dataclass

from wagtail.models import Page
from wagtail.search import index

WEIGHTS = ("A", "B", "C")


@dataclass(frozen=True)
class SiteSearchField:
    """One field of a page type that site search reads, with its ranking weight.

    ``weight`` "A" goes to the title column, "B" to the summary, "C" to the body;
    ranking weighs A above B above C. Translated fields (registered with
    modeltranslation) are read per language from their own columns; other fields
    are shared by both languages. ``name`` may also name a method taking
    ``language`` (optional, for the admin's index) and returning text.
    """

    name: str
    weight: str = "C"

    def __post_init__(self):
        if self.weight not in WEIGHTS:
            raise ValueError(f"SiteSearchField weight must be one of {WEIGHTS}, not {self.weight!r}")


def admin_search_fields(site_search_fields, filters=()):
    """Wagtail's ``search_fields`` for a page type, made from its ``site_search_fields``: Page's own (the
    title, with autocomplete, and the tree's filters), one ``SearchField`` for each other declared field, an
    ``AutocompleteField`` too for each title-weight ("A") one (the admin's page search and page chooser match
    as you type, on autocomplete fields only), and a ``FilterField`` for each name in ``filters``.

    wagtail-modeltranslation adds the per-language columns of translated fields itself.
    """
    fields = list(Page.search_fields)
    for declared in site_search_fields:
        if declared.name == "title":
            continue
        fields.append(index.SearchField(declared.name))
        if declared.weight == "A":
            fields.append(index.AutocompleteField(declared.name))
    fields += [index.FilterField(name) for name in filters]
    return fields


class SiteSearchDeclared:
    """Gives a page type's ``search_fields`` from its ``site_search_fields`` and ``search_filter_fields``.

    The page type declares the two lists and never ``search_fields`` itself, so the admin's search and the
    site's search cannot drift apart. ``__init_subclass__`` runs while Django makes the model class, before
    wagtail-modeltranslation adds the per-language columns.
    """

    site_search_fields = ()  # none: site search skips the page type, the admin's index keeps Page's own
    search_filter_fields = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "search_fields" in vars(cls):
            raise TypeError(f"{cls.__name__} sets search_fields; declare site_search_fields and search_filter_fields")
        cls.search_fields = admin_search_fields(cls.site_search_fields, cls.search_filter_fields)
