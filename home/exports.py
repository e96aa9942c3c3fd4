"""The one CSV writer of every open-data export: safe to open in a spreadsheet program.

A spreadsheet reads a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some programs, a tab
or carriage return before one of them) as a formula, so a page title like ``=HYPERLINK(...)`` would run
on an official's computer. Text cells that start with one of these get a leading apostrophe, which
spreadsheets show as text (the OWASP "CSV injection" advice). Real numbers (``int``, ``float``,
``Decimal``; not ``bool``) are written as they are, so ``-5`` stays a number; the same characters in
text (a title "-5") are neutralised, because the writer cannot know what a spreadsheet will make of them.
"""

import csv
from decimal import Decimal

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def safe_cell(value):
    """``value`` as a CSV cell: numbers unchanged, None as empty, text neutralised when it could be a formula."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")  # never an exponent ("1E+2"), which spreadsheets may read differently
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


class SafeWriter:
    """``csv.writer`` whose rows go through ``safe_cell``."""

    def __init__(self, stream, **kwargs):
        self._writer = csv.writer(stream, **kwargs)

    def writerow(self, row):
        return self._writer.writerow([safe_cell(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


def write_rows(stream, header, rows, bom=True, **kwargs):
    """Write a header and rows (sequences) to ``stream``; a UTF-8 BOM first so spreadsheets read the accents."""
    if bom:
        stream.write(BOM)
    writer = SafeWriter(stream, **kwargs)
    writer.writerow(header)
    writer.writerows(rows)


def write_dicts(stream, columns, rows, bom=True, **kwargs):
    """Write dict rows under a header of ``columns`` (a missing key is an empty cell)."""
    write_rows(stream, columns, ([row.get(column) for column in columns] for row in rows), bom=bom, **kwargs)
