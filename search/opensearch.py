"""How ``site_search`` maps onto Wagtail's OpenSearch/Elasticsearch backend (docs/search.md).

Nothing here runs against a cluster in this project; it is the configuration a city that
outgrows one database switches on. Each declared ``SiteSearchField`` becomes one Wagtail
``SearchField`` per language column, with that language's built-in analyzer
(``indonesian``, ``english``) through ``es_extra``, and the boost of its weight.
"""

from django.conf import settings

from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.search import index

ANALYZERS = {"id": "indonesian", "en": "english"}
BOOSTS = {"A": 5.0, "B": 2.0, "C": 1.0}  # every field gets an explicit boost (search.md)


def backend_settings(url, index_name="tanjungpinang", backend="wagtail.search.backends.opensearch2"):
    """A ``WAGTAILSEARCH_BACKENDS["default"]`` entry for an OpenSearch (or Elasticsearch) cluster."""
    return {
        "BACKEND": backend,
        "URLS": [url],
        "INDEX": index_name,
        "TIMEOUT": 5,
        "AUTO_UPDATE": True,
        "OPTIONS": {},
        "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1}}},
    }


def _translated(model):
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def wagtail_search_fields(model):
    """Wagtail ``search_fields`` entries for ``model``'s declared fields, one per language column.

    Add them to a page type's ``search_fields`` when the site runs on OpenSearch.
    """
    fields = []
    translated = _translated(model)
    for declared in model.site_search_fields:
        languages = [code for code, _name in settings.LANGUAGES] if declared.name in translated else [None]
        for language in languages:
            column = build_localized_fieldname(declared.name, language) if language else declared.name
            extra = {"analyzer": ANALYZERS[language]} if language else {}
            fields.append(index.SearchField(column, boost=BOOSTS[declared.weight], es_extra=extra))
            if declared.weight == "A":
                fields.append(index.AutocompleteField(column))
    opd_field = getattr(model, "site_search_opd_field", None)
    if opd_field:
        fields.append(index.FilterField(opd_field))
    fields.append(index.FilterField(getattr(model, "site_search_date_field", None) or "first_published_at"))
    return fields


def query_fields(model, language):
    """The fields ``site_search`` asks the backend to search for a visitor in ``language``.

    An English visitor searches the English columns, and the Indonesian ones of pages with no
    English yet (a second query filtered on an empty ``title_en``, labelled as Indonesian).
    """
    translated = _translated(model)
    return [
        build_localized_fieldname(declared.name, language) if declared.name in translated else declared.name
        for declared in model.site_search_fields
    ]
