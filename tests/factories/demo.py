"""The demo site, and one URL of each page type in each language, for whole-site checks."""

import hashlib
from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Page

from home import bilingual
from serving import generation


def seed_demo(*args):
    """The bilingual demo site (``manage.py seed_demo``, without users unless ``args`` say otherwise), and
    what the command printed (the demo accounts and their passwords, when it made them).

    On SQLite the first seed in a test process is kept, as the rows it wrote; a later seed over the same
    starting database (the freshly migrated one, as every test class starts from) writes those rows again
    in the test's own transaction instead of running the command, which takes about 0.1 s instead of
    several seconds of CPU. The first seed of each kind in a process, the tests of the command's own
    behaviour (a second run changes nothing, no accounts outside DEBUG) and PostgreSQL run the command.
    ``seed_demo("--allow-demo-users")`` seeds with the demo accounts.
    """
    from tests.factories.pages import tree_root

    tree_root()
    args = args or ("--no-users",)
    if connection.vendor != "sqlite":
        return _run(args)
    before = _rows()
    key = (args, _fingerprint(before))
    if key not in _SEEDED:
        output = _run(args)
        after = _rows()
        _SEEDED[key] = ({table: rows for table, rows in after.items() if rows != before.get(table)}, output)
        return output
    written, output = _SEEDED[key]
    # One transaction: the foreign keys are checked when it commits, once every table is written.
    with transaction.atomic(), connection.cursor() as cursor:
        for table, (columns, rows) in written.items():
            cursor.execute(f'DELETE FROM "{table}"')
            if rows:
                names = ", ".join(f'"{column}"' for column in columns)
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
    # The rows did not pass through the models' signals: forget what the caches hold.
    for cache in caches.all():
        cache.clear()
    generation.bump()
    return output


def _run(args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


# (command arguments, fingerprint of the database and media before the seed)
#   -> ({table: (columns, rows)}, what the command printed)
_SEEDED = {}


def _tables():
    """The tables holding rows (virtual full-text tables included, their shadow tables left to SQLite)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        tables = dict(cursor.fetchall())
    virtual = [name for name, sql in tables.items() if (sql or "").upper().startswith("CREATE VIRTUAL TABLE")]
    shadow = {name for name in tables for v in virtual if name.startswith(f"{v}_")}
    return [(name, name in virtual) for name in sorted(tables) if name not in shadow]


def _rows():
    """Every table's columns and rows, in a fixed order."""
    dump = {}
    with connection.cursor() as cursor:
        for table, is_virtual in _tables():
            cursor.execute(f'SELECT {"rowid, " if is_virtual else ""}* FROM "{table}"')
            columns = tuple(column[0] for column in cursor.description)
            dump[table] = (columns, sorted(cursor.fetchall(), key=repr))
    return dump


def _through_tables():
    return {
        field.remote_field.through._meta.db_table
        for model in apps.get_models()
        for field in model._meta.local_many_to_many
        if field.remote_field.through._meta.auto_created
    }


def _fingerprint(rows):
    """What a kept seed depends on: every row before it, and where its image files were written.

    SQLite's record of the highest ids handed out is left out: a database emptied and restored after a
    transactional test holds the same rows with higher counters, and the seed's rows replace them anyway.
    """
    through = _through_tables()
    rows = {
        # Restoring the migrated database after a transactional test writes many-to-many rows anew, with
        # new ids: what they link is what counts.
        table: (columns[1:], sorted(row[1:] for row in content)) if table in through else (columns, content)
        for table, (columns, content) in rows.items()
        if table != "sqlite_sequence"
    }
    storage = settings.STORAGES["default"]["BACKEND"]
    return hashlib.sha256(repr((rows, settings.MEDIA_ROOT, storage, settings.DEBUG)).encode()).hexdigest()


def representative_paths(include_errors=True):
    """One live page of each type in each language it exists in, plus search and a 404."""
    paths, seen = [], set()
    for page in Page.objects.live().public().filter(depth__gte=2).specific().order_by("path"):
        if type(page) in seen or not getattr(page, "in_sitemap", True):
            continue
        seen.add(type(page))
        paths.extend(bilingual.page_url(page, language) for language in bilingual.translated_languages(page))
    for language in bilingual.LANGUAGE_CODES:
        with translation.override(language):
            try:
                paths.append(reverse("search") + "?q=penyengat")
            except NoReverseMatch:
                pass
    if include_errors:
        paths += ["/id/halaman-yang-tidak-ada/", "/en/no-such-page/"]
    return paths
