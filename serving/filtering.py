"""One filter mechanism for every public listing: a django-filter ``FilterSet`` that reads the query string
through ``serving.params`` and ignores what it cannot use.

Each listing declares its filters once, as a subclass of ``ListingFilterSet`` in its app's ``filters.py``; the
HTML listing and its exports (CSV, JSON, GeoJSON) build the same FilterSet from the same query string, so a
download holds exactly the rows the visitor sees.

What the base class adds to django-filter:

- The query string is read by ``serving.params`` before the form sees it: integers are ASCII digits of bounded
  length, strings are bounded and free of control characters. Hostile input never reaches the form or the ORM.
- A value the form refuses (not one of the choices, out of range, an unknown slug) drops that one filter and
  keeps the others. django-filter on its own would filter by the valid fields too, but its views answer an
  invalid form with an empty list; a listing here shows what it would show without the bad parameter.
- Choices that depend on the content (the years present, the OPDs publishing) are passed per instance
  (``choices=``), so a value that would list nothing is not a filter.
- ``active`` (the filters in use, in declaration order) and ``querystring()`` (them again as a query string,
  for pagination and download links, without ``page``), which the listings' templates and cache keys use.
"""

import copy
from urllib.parse import urlencode

from django import forms

import django_filters
from django_filters.constants import EMPTY_VALUES

from serving import params as query_params


class LightFilter:
    """A filter cheap to copy and to turn into a form field: a FilterSet deep-copies its class's filters for
    each request, and a filter without a label looks one up in the model's fields. These forms are never
    rendered (the templates draw their own controls), so no label is needed, and a copy needs only its own
    ``extra`` (the per-request choices go there)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", "")
        super().__init__(*args, **kwargs)

    def __deepcopy__(self, memo):
        clone = copy.copy(self)
        clone.extra = dict(self.extra)
        if clone.method is not None:
            clone.method = clone.method  # a new FilterMethod, bound to the copy (and so to its FilterSet)
        return clone


class IntegerFilter(LightFilter, django_filters.NumberFilter):
    """A whole number (django-filter's ``NumberFilter`` reads a Decimal); ``min_value``/``max_value`` bound it."""

    field_class = forms.IntegerField


def known_values(choices):
    """The values of ``choices`` (a TextChoices, ``(value, label)`` pairs or plain values) as a tuple of strings."""
    choices = getattr(choices, "values", choices)
    return tuple(str(item[0] if isinstance(item, (tuple, list)) else item) for item in choices)


class KnownValueField(forms.Field):
    """A value that must be one of ``choices``, converted by ``coerce``.

    django-filter's ``ChoiceFilter`` builds a ``ChoiceField`` whose widget holds every choice with its
    (lazily translated) label, and a FilterSet's filters and its form's fields are deep-copied for each
    request: with it, reading the heritage register's filters took about four times as long as with this
    field (benchmarks/filtering_bench.py). These forms are never rendered (the templates draw their own
    controls), so this field keeps only the values.
    """

    default_error_messages = {"invalid_choice": forms.ChoiceField.default_error_messages["invalid_choice"]}

    def __init__(self, *, choices=(), coerce=str, **kwargs):
        super().__init__(**kwargs)
        self.values = frozenset(known_values(choices))
        self.coerce = coerce

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if str(value) not in self.values:
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return self.coerce(value)


class ChoiceFilter(LightFilter, django_filters.Filter):
    """One of known values (``choices``; ``coerce=int`` for numbers), set per class or per instance (``choices=``
    of ``ListingFilterSet``)."""

    field_class = KnownValueField

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, choices=known_values(choices), **kwargs)


def _reads_integer(filter_):
    if isinstance(filter_, IntegerFilter):
        return True
    return isinstance(filter_, ChoiceFilter) and filter_.extra.get("coerce") is int


def read(filter_, params, name):
    """The parameter ``name`` of ``params`` as ``serving.params`` reads it for ``filter_``, as a string, or None."""
    if _reads_integer(filter_):
        bounds = {key: filter_.extra[key] for key in ("min_value", "max_value") if filter_.extra.get(key) is not None}
        number = query_params.integer(
            params, name, bounds.get("min_value", 0), bounds.get("max_value", 10**query_params.MAX_DIGITS - 1)
        )
        return None if number is None else str(number)
    if isinstance(filter_, django_filters.ModelChoiceFilter):
        return query_params.slug(params, name)
    return query_params.raw(params, name)


def querystring(active, names):
    """``active`` filters (``{name: value}``) as a query string, in the order of ``names``, for pagination
    and download links (without ``page``)."""
    return urlencode([(name, active[name]) for name in names if name in active])


class ListingFilterSet(django_filters.FilterSet):
    """The base of every public listing's FilterSet (see the module docstring)."""

    def __init__(self, data=None, queryset=None, *, choices=None, **kwargs):
        super().__init__(data={}, queryset=queryset, **kwargs)
        for name, options in (choices or {}).items():
            if name in self.filters:
                self.filters[name].extra["choices"] = known_values(options)
        self.data = self.read(data if data is not None else {})

    def read(self, params):
        """The parameters this FilterSet knows, read by ``serving.params``; anything else is left out."""
        data = {}
        for name, filter_ in self.filters.items():
            value = read(filter_, params, name)
            if value is not None:
                data[name] = value
        return data

    # With no parameter this FilterSet reads in the query string (a listing's first view), every filter is
    # empty and filters nothing (django-filter skips empty values, methods included): the answer is known
    # without building and cleaning a form, which is most of a FilterSet's cost.

    @property
    def qs(self):
        if self.data:
            return super().qs
        if not hasattr(self, "_qs"):
            self._qs = self.queryset.all()
        return self._qs

    def filter_queryset(self, queryset):
        if not self.data:
            return queryset
        # Filter by the fields the form accepted; a refused value drops its own filter only.
        self.is_valid()
        return super().filter_queryset(queryset)

    @property
    def active(self):
        """``{name: value}``: the filters in use (cleaned values), in the order they are declared."""
        if not self.data:
            return {}
        self.is_valid()
        cleaned = self.form.cleaned_data
        return {name: cleaned[name] for name in self.filters if cleaned.get(name) not in EMPTY_VALUES}

    def querystring(self, **extra):
        """The active filters as a query string (as read, in declaration order), plus ``extra`` when set."""
        active = self.active
        text = querystring(self.data, [name for name in self.filters if name in active])
        more = urlencode([(name, value) for name, value in extra.items() if value])
        return "&".join(part for part in (text, more) if part)
