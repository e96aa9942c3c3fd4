"""The one way public views read their query parameters.

Every function takes the request's ``GET`` (a QueryDict, or any mapping of names to strings) and a name,
and returns the parsed value, or ``None`` (``default``) when the parameter is missing or cannot be read.
Nothing here raises on visitor input: a listing, filter, export or feed given junk shows what it would
show without that parameter, never a 500.

Numbers are ASCII digits only (``str.isdigit()`` also accepts "²" and Arabic-Indic digits, which
``int()`` then refuses or reads differently) and have a bounded length, so no huge integer is ever built.
Strings are bounded in length before anything else looks at them, and may not hold NUL or other control
characters (PostgreSQL refuses NUL in text).
"""

import re

# Long enough for any id, page number or year; short enough that int() is always cheap.
MAX_DIGITS = 9
MAX_SLUG_LENGTH = 100
YEAR_RANGE = (1900, 2100)

_ASCII_DIGITS = re.compile(r"[0-9]+")
_SLUG = re.compile(r"[-\w]+")  # Unicode letters too: tag slugs keep them


def raw(params, name, max_length=MAX_SLUG_LENGTH):
    """The parameter as a string of at most ``max_length`` characters, without control characters, else None.

    With a repeated parameter (``?a=1&a=2``) the last value counts, as Django's ``QueryDict.get`` does.
    """
    try:
        value = params.get(name)
    except Exception:  # a mapping that cannot answer is the same as no parameter
        return None
    if not isinstance(value, str) or not value or len(value) > max_length:
        return None
    if any(ord(char) < 32 or ord(char) == 127 for char in value):
        return None
    return value


def integer(params, name, minimum=0, maximum=10**MAX_DIGITS - 1, default=None):
    """A whole number written in ASCII digits within ``[minimum, maximum]``, else ``default``."""
    value = raw(params, name, MAX_DIGITS)
    if value is None or not _ASCII_DIGITS.fullmatch(value):
        return default
    number = int(value)
    return number if minimum <= number <= maximum else default


def page_number(params, name="page"):
    """A page number (1 or more) for ``Paginator.get_page``; 1 when missing or unreadable."""
    return integer(params, name, minimum=1, default=1)


def year(params, name="year", low=YEAR_RANGE[0], high=YEAR_RANGE[1]):
    """A four-digit year within ``[low, high]``, else None."""
    return integer(params, name, low, high)


def month(params, name="month"):
    """A month number 1-12, else None."""
    return integer(params, name, 1, 12)


def slug(params, name, max_length=MAX_SLUG_LENGTH):
    """A slug (letters, digits, hyphen, underscore) of bounded length, else None."""
    value = raw(params, name, max_length)
    return value if value is not None and _SLUG.fullmatch(value) else None


def choice(params, name, choices):
    """The value when it is one of ``choices`` (strings, or ``(value, label)`` pairs, or a TextChoices), else None."""
    value = raw(params, name)
    if value is None:
        return None
    allowed = getattr(choices, "values", choices)
    known = {item[0] if isinstance(item, (tuple, list)) else item for item in allowed}
    return value if value in known else None


def text(params, name, max_length):
    """Free text (a search query) of at most ``max_length`` characters, else ``""``; longer input is cut."""
    try:
        value = params.get(name)
    except Exception:
        return ""
    if not isinstance(value, str):
        return ""
    value = value[:max_length]
    return "".join(char for char in value if ord(char) >= 32 and ord(char) != 127)
