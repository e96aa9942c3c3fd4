"""The sibling-slug check wagtail-modeltranslation adds to every page's ``clean()``, done by query while an
import runs.

The package (``patch_wagtailadmin._validate_slugs``) loads every sibling page, once per language, to see
whether one has the same slug. Imported posts all go into one newsroom, so over a few thousand posts that
is quadratic: the 5,000th post would load 5,000 pages twice on each validation. ``query_slug_check()``
replaces the function with one that asks the same question with one query per language (the localized slug
of a sibling is its column in that language, or its fallback when that column is empty) and puts the
package's own back afterwards. The rule and its message are the package's; only the cost changes.
"""

import contextvars
from contextlib import contextmanager
from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext

from modeltranslation import settings as mt_settings
from modeltranslation.utils import build_localized_fieldname, resolution_order
from wagtail_modeltranslation import patch_wagtailadmin

LANGUAGES = mt_settings.AVAILABLE_LANGUAGES

# The package's own message (and its translation, from the package's catalogue).
SLUG_IN_USE = "This slug is already in use"


def _localized_slug_is(language, value):
    """Siblings whose slug, read in ``language`` with the fallbacks, is ``value``."""
    order = [code for code in resolution_order(language) if code in mt_settings.AVAILABLE_LANGUAGES]
    conditions = []
    empty = Q()
    for code in dict.fromkeys(order):
        column = build_localized_fieldname("slug", code)
        conditions.append(empty & Q(**{column: value}))
        empty &= Q(**{f"{column}__isnull": True}) | Q(**{column: ""})
    return reduce(or_, conditions)


_answers = contextvars.ContextVar("import_slug_answers", default=None)


@contextmanager
def one_check_per_clean():
    """Inside this block (one ``full_clean``, which writes nothing), the check asks the database once per page
    and slugs: wagtail-modeltranslation patches ``clean`` on each page class of a hierarchy (``Page`` and
    ``NewsPage``), so one ``full_clean`` runs the check twice, and the second answer is the first."""
    token = _answers.set({})
    try:
        yield
    finally:
        _answers.reset(token)


def validate_slugs_by_query(page):
    answers = _answers.get()
    key = (id(page), page.path, *(getattr(page, build_localized_fieldname("slug", code), None) for code in LANGUAGES))
    if answers is not None and key in answers:
        return dict(answers[key])
    errors = _validate_slugs_by_query(page)
    if answers is not None:
        answers[key] = dict(errors)
    return errors


def _validate_slugs_by_query(page):
    parent = page.get_parent()
    if parent is None:
        return {}
    siblings = page.get_siblings(inclusive=False)
    errors = {}
    for language in mt_settings.AVAILABLE_LANGUAGES:
        with translation.override(language):
            value = page.slug
        if value and siblings.filter(_localized_slug_is(language, value)).exists():
            errors[build_localized_fieldname("slug", language)] = gettext(SLUG_IN_USE)
    return errors


@contextmanager
def query_slug_check():
    original = patch_wagtailadmin._validate_slugs
    patch_wagtailadmin._validate_slugs = validate_slugs_by_query
    try:
        yield
    finally:
        patch_wagtailadmin._validate_slugs = original
