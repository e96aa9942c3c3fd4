"""Compile and check the project's gettext catalogues with Babel.

Babel is pure Python, so a fresh machine needs no GNU gettext to run the site;
``makemessages`` (which does need xgettext) is only for developers adding strings.
"""

from pathlib import Path

from django.conf import settings

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def catalogue_paths():
    """Every catalogue (``django.po`` and the admin's ``djangojs.po``) under the project's LOCALE_PATHS."""
    for locale_dir in settings.LOCALE_PATHS:
        yield from sorted(Path(locale_dir).glob("*/LC_MESSAGES/django*.po"))


def read_catalogue(po_path):
    with open(po_path, "rb") as handle:
        return read_po(handle, locale=po_path.parent.parent.name.replace("-", "_"))


def compile_catalogue(po_path):
    """Write the ``.mo`` beside ``po_path``; returns the number of translated messages."""
    catalogue = read_catalogue(po_path)
    with open(po_path.with_suffix(".mo"), "wb") as handle:
        write_mo(handle, catalogue, use_fuzzy=False)
    return sum(1 for message in catalogue if message.id and message.string and not message.fuzzy)


def untranslated(po_path):
    """The msgids of ``po_path`` that have no (or only a fuzzy) translation."""
    catalogue = read_catalogue(po_path)
    missing = []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing
