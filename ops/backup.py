"""Back up and restore the whole site: the database and the media, with a manifest to check them by.

A backup is a directory::

    manifest.json        when, which versions, the database vendor, row counts per model, SHA-256 per file
    database.dump        PostgreSQL: ``pg_dump --format=custom`` (one snapshot of the whole database)
    database.sqlite3     SQLite: a copy made with SQLite's online backup API (consistent while the site writes)
    media/<name>         every object of the default storage (local ``MEDIA_ROOT`` or the S3 bucket)

Consistency: the database is copied first, in one snapshot; the media after it. An upload writes its file
before the row that names it is committed, so every file a row in the snapshot names already exists when
the media are copied. A file deleted in between (its row deleted after the snapshot) is missing from the
backup and listed under ``missing`` in the manifest; files uploaded in between are copied and simply unused.

The work is done here, in plain functions; ``manage.py backup`` and ``manage.py restore`` only call them.
Errors are ``BackupError`` with a message in plain words, which the commands print before exiting non-zero.
"""

import datetime
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tomllib
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

import wagtail

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMP_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the person running it."""


# --- what is there ---------------------------------------------------------------------------------------


def counted_tables():
    """{"app_label.model": table} for every concrete model of every installed app."""
    return {
        model._meta.label_lower: model._meta.db_table
        for model in sorted(apps.get_models(), key=lambda model: model._meta.label_lower)
        if not model._meta.proxy and model._meta.managed
    }


def row_counts(cursor=None):
    """{"app_label.model": rows} for every concrete model (with ``cursor``: as that cursor's transaction sees it)."""
    if cursor is None:
        with connection.cursor() as cursor:
            return row_counts(cursor)
    counts = {}
    for label, table in counted_tables().items():
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[label] = cursor.fetchone()[0]
    return counts


def applied_migrations():
    """{"app_label": [migration names]} applied to the database."""
    recorded = MigrationLoader(connection, ignore_no_migrations=True).applied_migrations
    applied = {}
    for app_label, name in sorted(recorded):
        applied.setdefault(app_label, []).append(name)
    return applied


def media_names(storage=None):
    """Every file name in the storage, found with the storage API (``listdir``), so local and S3 alike."""
    storage = storage or default_storage
    names, folders = [], [""]
    while folders:
        folder = folders.pop()
        try:
            subfolders, files = storage.listdir(folder)
        except FileNotFoundError:  # a local MEDIA_ROOT that was never created: no media
            continue
        prefix = f"{folder}/" if folder else ""
        names += [prefix + name for name in files]
        folders += [prefix + name for name in subfolders]
    return sorted(names)


def database_is_empty():
    """No tables, and on PostgreSQL none of the site's own functions (triggers of the search index) either."""
    if connection.introspection.table_names():
        return False
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute(_OWN_FUNCTIONS)
        return cursor.fetchone()[0] == 0


# Functions in the site's schema that no extension (pg_trgm) brought.
_OWN_FUNCTIONS = """
    SELECT count(*) FROM pg_proc JOIN pg_namespace ON pg_namespace.oid = pg_proc.pronamespace
    WHERE pg_namespace.nspname = current_schema()
      AND NOT EXISTS (SELECT 1 FROM pg_depend WHERE objid = pg_proc.oid AND deptype = 'e')
"""


def app_version():
    pyproject = Path(settings.BASE_DIR) / "pyproject.toml"
    try:
        return tomllib.loads(pyproject.read_text())["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"


def sha256_file(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def sha256_stored(name, storage=None):
    digest = hashlib.sha256()
    with (storage or default_storage).open(name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- PostgreSQL tools -----------------------------------------------------------------------------------


def _pg_environment():
    """libpq's environment for the site's database (the password never goes on a command line)."""
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, variable in (("USER", "PGUSER"), ("HOST", "PGHOST"), ("PORT", "PGPORT"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    if db.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = db["OPTIONS"]["sslmode"]
    return env


def _tool_major(tool):
    """The major version of a PostgreSQL client program on PATH, or a BackupError saying it is missing."""
    path = shutil.which(tool)
    if path is None:
        raise BackupError(
            _(
                "%(tool)s was not found on PATH. Install the PostgreSQL client programs of the server's "
                "version (Debian: apt-get install postgresql-client)."
            )
            % {"tool": tool}
        )
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=False).stdout
    match = re.search(r"(\d+)(?:\.\d+)?", output)
    if not match:
        raise BackupError(
            _("Could not tell the version of %(tool)s from: %(output)s") % {"tool": tool, "output": output}
        )
    return path, int(match.group(1))


def _server_major():
    connection.ensure_connection()
    return connection.pg_version // 10000


def _run(command, env, what):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise BackupError(
            _("%(what)s failed (exit code %(code)s): %(error)s")
            % {"what": what, "code": result.returncode, "error": result.stderr.strip() or result.stdout.strip()}
        )


# --- backup ---------------------------------------------------------------------------------------------


def backup(directory, log=print):
    """Write a backup of the database and the media into ``directory`` (new or empty); return the manifest."""
    directory = Path(directory)
    if directory.exists() and any(directory.iterdir()):
        raise BackupError(_("%(directory)s is not empty: back up into a new directory.") % {"directory": directory})
    vendor = connection.vendor
    if vendor not in DUMP_FILES:
        raise BackupError(_("Backing up a %(vendor)s database is not supported.") % {"vendor": vendor})
    directory.mkdir(parents=True, exist_ok=True)
    manifest = {
        "format": FORMAT,
        "created": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "versions": {"app": app_version(), "django": django.get_version(), "wagtail": wagtail.__version__},
        "database": {"vendor": vendor, "file": DUMP_FILES[vendor]},
        "migrations": applied_migrations(),
    }
    dump = directory / DUMP_FILES[vendor]
    log(_("Copying the database…"))
    # The counts are of the copied state itself (same snapshot, or the copy), so restore can compare exactly.
    if vendor == "postgresql":
        details, manifest["counts"] = _dump_postgresql(dump)
        manifest["database"].update(details)
    else:
        _dump_sqlite(dump)
        copy = sqlite3.connect(dump)
        try:
            manifest["counts"] = row_counts(copy.cursor())
        finally:
            copy.close()
    manifest["database"]["sha256"] = sha256_file(dump)
    manifest["database"]["size"] = dump.stat().st_size

    log(_("Copying the media…"))
    files, missing = {}, []
    for name in media_names():
        target = directory / MEDIA / name
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        try:
            with default_storage.open(name, "rb") as source, open(target, "wb") as copy:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    copy.write(chunk)
        except FileNotFoundError:  # deleted since it was listed
            target.unlink(missing_ok=True)
            missing.append(name)
            continue
        files[name] = {"sha256": digest.hexdigest(), "size": target.stat().st_size}
    manifest["media"] = {"storage": default_storage.__class__.__name__, "files": files, "missing": missing}
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n")
    return manifest


def _dump_postgresql(dump):
    """``pg_dump --format=custom``: one consistent snapshot of every table. The rows are counted in a
    repeatable-read transaction whose snapshot pg_dump is given (``--snapshot``), so they are the dump's."""
    pg_dump, tool_major = _tool_major("pg_dump")
    server_major = _server_major()
    if tool_major < server_major:
        raise BackupError(
            _(
                "pg_dump is version %(tool)s but the database server is version %(server)s: "
                "install the version %(server)s client programs (pg_dump cannot dump a newer server)."
            )
            % {"tool": tool_major, "server": server_major}
        )
    command = [pg_dump, "--format=custom", "--no-owner", "--no-privileges", "--file", str(dump)]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = row_counts(cursor)
        _run([*command, f"--snapshot={snapshot}"], _pg_environment(), "pg_dump")
    return {"server_major": server_major, "pg_dump_major": tool_major}, counts


def _dump_sqlite(dump):
    """SQLite's online backup API: a consistent copy even while other connections write."""
    connection.ensure_connection()
    target = sqlite3.connect(dump)
    try:
        connection.connection.backup(target)
    finally:
        target.close()


# --- restore --------------------------------------------------------------------------------------------


def read_manifest(directory):
    path = Path(directory) / MANIFEST
    try:
        manifest = json.loads(path.read_text())
    except FileNotFoundError:
        raise BackupError(_("%(path)s is missing: this is not a backup directory.") % {"path": path}) from None
    except (OSError, ValueError) as error:
        raise BackupError(_("%(path)s cannot be read: %(error)s") % {"path": path, "error": error}) from None
    if manifest.get("format") != FORMAT:
        raise BackupError(_("%(path)s is in a format this version cannot read.") % {"path": path})
    return manifest


def verify(directory, manifest=None):
    """Every file of the backup is there with its recorded SHA-256; a list of problems (empty when sound)."""
    directory = Path(directory)
    manifest = manifest or read_manifest(directory)
    problems = []
    expected = [(manifest["database"]["file"], manifest["database"]["sha256"])]
    expected += [(f"{MEDIA}/{name}", entry["sha256"]) for name, entry in manifest["media"]["files"].items()]
    for relative, sha256 in expected:
        path = directory / relative
        if not path.is_file():
            problems.append(_("%(file)s is missing from the backup.") % {"file": relative})
        elif sha256_file(path) != sha256:
            problems.append(_("%(file)s does not match its checksum: the backup is damaged.") % {"file": relative})
    return problems


def restore(directory, force=False, log=print):
    """Bring a backup back into an empty database and an empty storage (or replace them with ``force``)."""
    directory = Path(directory)
    manifest = read_manifest(directory)
    vendor = manifest["database"]["vendor"]
    if vendor != connection.vendor:
        raise BackupError(
            _("This backup is of a %(backup)s database; the site's database is %(site)s.")
            % {"backup": vendor, "site": connection.vendor}
        )
    _check_migrations(manifest)
    problems = verify(directory, manifest)
    if problems:
        raise BackupError(_("The backup failed its checks, nothing was restored:") + "\n" + "\n".join(problems))
    stored = media_names()
    if not force:
        if not database_is_empty():
            raise BackupError(
                _("The database is not empty. Restore into a new, empty database, or pass --force to replace it.")
            )
        if stored:
            raise BackupError(
                _("The media storage is not empty (%(count)s files). Empty it, or pass --force to replace them.")
                % {"count": len(stored)}
            )

    log(_("Restoring the database…"))
    dump = directory / manifest["database"]["file"]
    if vendor == "postgresql":
        _restore_postgresql(dump, manifest, force)
    else:
        _restore_sqlite(dump)
    _forget_cached_state()

    log(_("Restoring the media…"))
    for name in stored:
        default_storage.delete(name)
    files = manifest["media"]["files"]
    for name in files:
        with open(directory / MEDIA / name, "rb") as handle:
            saved = default_storage.save(name, File(handle, name=name))
        if saved != name:
            raise BackupError(
                _("%(name)s was stored as %(saved)s: the storage was not empty.") % {"name": name, "saved": saved}
            )

    problems = [
        _("%(name)s in the storage does not match its checksum.") % {"name": name}
        for name, entry in files.items()
        if sha256_stored(name) != entry["sha256"]
    ]
    counts = row_counts()
    problems += [
        _("%(model)s has %(found)s rows, the backup %(expected)s.")
        % {"model": label, "found": counts.get(label), "expected": expected}
        for label, expected in manifest["counts"].items()
        if label in counts and counts[label] != expected
    ]
    if problems:
        raise BackupError(_("The restored site differs from the backup:") + "\n" + "\n".join(problems))
    return manifest


def _check_migrations(manifest):
    """Refuse a backup made by newer code: its tables have migrations this code does not know."""
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    unknown = [
        f"{app_label}.{name}"
        for app_label, names in manifest.get("migrations", {}).items()
        for name in names
        if (app_label, name) not in known and apps.is_installed_label(app_label)
    ]
    if unknown:
        raise BackupError(
            _(
                "The backup was made by a newer version of the site (unknown migrations: %(names)s). Update the code first."
            )
            % {"names": ", ".join(unknown[:5])}
        )


def _restore_postgresql(dump, manifest, force):
    pg_restore, tool_major = _tool_major("pg_restore")
    made_by = manifest["database"].get("pg_dump_major", 0)
    if tool_major < made_by:
        raise BackupError(
            _("pg_restore is version %(tool)s but the backup was made by pg_dump %(made)s: install a newer pg_restore.")
            % {"tool": tool_major, "made": made_by}
        )
    if force:
        empty_database()
    connection.close()  # hold no connection (nor lock) while pg_restore writes
    # One transaction: if anything fails, the database is left as it was (empty), never half restored.
    command = [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    _run([*command, "--dbname", connection.settings_dict["NAME"], str(dump)], _pg_environment(), "pg_restore")


def _restore_sqlite(dump):
    """SQLite's backup API, the other way: the site's database becomes a page-by-page copy of the file."""
    connection.ensure_connection()
    source = sqlite3.connect(dump)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def empty_database():
    """Remove everything from the site's database (restore --force, and the tests' wipe)."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        # Copying an empty database over it removes everything, FTS5 tables included.
        empty = sqlite3.connect(":memory:")
        try:
            empty.backup(connection.connection)
        finally:
            empty.close()
        return
    # Dropping the schema takes everything of the site's with it: tables, sequences, the search index's
    # functions and triggers, the pg_trgm extension (the dump creates it again). The database's owner may.
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = connection.ops.quote_name(cursor.fetchone()[0])
        cursor.execute(f"DROP SCHEMA {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")


def _forget_cached_state():
    """What this process and the shared cache remember of the database before the restore."""
    from django.contrib.contenttypes.models import ContentType

    from serving import generation

    ContentType.objects.clear_cache()
    generation.bump()  # every cached page and derived value was of the old database
