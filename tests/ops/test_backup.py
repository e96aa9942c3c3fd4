"""``manage.py backup`` and ``manage.py restore`` bring the whole demo site back: the demo site is backed up,
wiped (database and media), restored, and compared with what it was, on the database the suite runs on
(SQLite, or PostgreSQL with DATABASE_URL) and with media on local disk or in the S3 bucket (moto's server)."""

import hashlib
import json
import re
from io import StringIO

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Revision

import pytest

from ops import backup as backups
from tests.factories.demo import seed_demo

# A committed database, as a server uses it (a restore replaces whole tables, which no test transaction can
# roll back); the fixture ``committed`` puts the database back as it was before the flush that follows.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Queries the demo site answers in each language, so the search index must have come back too.
QUERIES = {"id": ["penyengat", "gurindam"], "en": ["heritage", "penyengat"]}


@pytest.fixture(autouse=True)
def in_english():
    """The commands' messages are asserted in English here (Indonesian, the default, is checked once)."""
    with translation.override("en"):
        yield


@pytest.fixture
def media_root(settings, tmp_path):
    """Media of this test alone (the suite's MEDIA_ROOT is shared by the worker's tests)."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path


@pytest.fixture
def committed(tmp_path):
    """The database as it was is backed up first and restored afterwards, with the tools under test, so the
    tables the test replaced are the test database's own again."""
    saved, no_media = tmp_path / "as-it-was", override_settings(MEDIA_ROOT=str(tmp_path / "no-media"))
    with no_media:
        backups.backup(saved, log=lambda message: None)
    try:
        yield
    finally:
        with no_media:
            backups.restore(saved, force=True, log=lambda message: None)
        # The restore emptied the process's content type cache; the test case's next flush and reload
        # (serialized rollback) expects it warm, or a signal during the reload would insert a content type.
        ContentType.objects.get_for_models(*apps.get_models(), for_concrete_models=False)


@pytest.fixture(params=["local", "s3"])
def storage(request, media_root):
    """The media storage: local files, or the S3 bucket of moto's server (as in production with several servers)."""
    if request.param == "s3":
        request.getfixturevalue("s3_bucket")
    return request.param


def search_results(language, query):
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    with translation.override(language):
        url = reverse("search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return re.findall(r'<li class="search-result[^"]*"[^>]*>\s*<h3><a href="([^"]+)"', response.content.decode())


def site_state():
    """What a visitor and an editor see, in a form that compares: pages, revisions, images, documents, search."""
    fields = ("pk", "content_type__model", "title_ind", "title_en", "live", "url_path_ind", "url_path_en")
    pages = list(Page.objects.order_by("path").values_list(*fields))
    revisions = list(Revision.objects.order_by("pk").values_list("pk", "object_id", "created_at", "content"))

    def stored(instance):
        with default_storage.open(instance.file.name, "rb") as handle:
            return hashlib.sha256(handle.read()).hexdigest()

    # Searched first: the results pages render the header's logo, whose rendition is made on first use.
    search = {
        (language, query): search_results(language, query) for language, queries in QUERIES.items() for query in queries
    }
    images = [
        (image.pk, image.title, image.alt_text_ind, image.alt_text_en, image.file.name, stored(image))
        for image in get_image_model().objects.order_by("pk")
    ]
    renditions = [
        (rendition.filter_spec, rendition.file.name, stored(rendition))
        for image in get_image_model().objects.order_by("pk")
        for rendition in image.renditions.order_by("pk")
    ]
    documents = [
        (document.pk, document.title, document.file.name, stored(document))
        for document in get_document_model().objects.order_by("pk")
    ]
    return {
        "pages": pages,
        "revisions": revisions,
        "images": images,
        "renditions": renditions,
        "documents": documents,
        "search": search,
    }


def wipe():
    """Lose everything: every table and every stored file."""
    backups.empty_database()
    for name in backups.media_names():
        default_storage.delete(name)
    assert backups.database_is_empty() and backups.media_names() == []


def test_the_demo_site_comes_back_whole_after_a_wipe(committed, storage, media_root):
    seed_demo()
    image = get_image_model().objects.order_by("pk").first()
    image.get_rendition("fill-120x80")  # renditions are media too
    before = site_state()
    assert len(before["pages"]) > 10 and before["revisions"] and before["images"] and before["documents"]
    assert all(before["search"].values()), before["search"]  # each query finds something

    out = StringIO()
    call_command("backup", str(media_root / "backup"), stdout=out)
    manifest = json.loads((media_root / "backup" / "manifest.json").read_text())
    assert manifest["database"]["vendor"] in ("sqlite", "postgresql")
    assert manifest["counts"]["wagtailcore.page"] == len(before["pages"])
    assert manifest["counts"]["wagtailcore.revision"] == len(before["revisions"])
    assert manifest["counts"]["images.cityimage"] == len(before["images"])
    assert manifest["counts"]["wagtaildocs.document"] == len(before["documents"])
    assert set(manifest["media"]["files"]) == set(backups.media_names())
    assert all(len(entry["sha256"]) == 64 for entry in manifest["media"]["files"].values())

    wipe()
    call_command("restore", str(media_root / "backup"), stdout=out)
    assert "Restored the backup" in out.getvalue()
    after = site_state()
    for part in before:
        assert after[part] == before[part], part


def test_restore_refuses_a_site_that_is_not_empty_and_a_damaged_backup(committed, media_root):
    """Nothing is overwritten without --force, a damaged file is found before anything changes, and each
    refusal says why in plain words (a CommandError: the command exits with a non-zero code)."""
    # After the demo tests' restores and flushes the worker's reloaded snapshot has been seen without the
    # root collection a document needs; make sure there is one (a restore must bring back whatever is there).
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    document = get_document_model().objects.create(
        title="Perda", file=ContentFile(b"Peraturan Daerah", name="perda.txt")
    )
    directory = media_root / "backup"
    call_command("backup", str(directory), stdout=StringIO())

    with pytest.raises(CommandError, match="is not empty: back up into a new directory"):
        call_command("backup", str(directory), stdout=StringIO())
    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", str(directory), stdout=StringIO())
    with translation.override("id"), pytest.raises(CommandError, match="Basis data tidak kosong"):
        call_command("restore", str(directory), stdout=StringIO())
    backups.empty_database()
    with pytest.raises(CommandError, match="The media storage is not empty"):
        call_command("restore", str(directory), stdout=StringIO())
    default_storage.delete(document.file.name)

    (directory / "media" / document.file.name).write_bytes(b"changed on the backup disk")
    with pytest.raises(CommandError, match="does not match its checksum: the backup is damaged"):
        call_command("restore", "--check", str(directory), stdout=StringIO())
    with pytest.raises(CommandError, match="nothing was restored"):
        call_command("restore", str(directory), stdout=StringIO())
    assert backups.database_is_empty()
    with pytest.raises(CommandError, match="this is not a backup directory"):
        call_command("restore", str(media_root), stdout=StringIO())

    (directory / "media" / document.file.name).write_bytes(b"Peraturan Daerah")
    call_command("restore", str(directory), stdout=StringIO())
    assert get_document_model().objects.get().file.read() == b"Peraturan Daerah"
    # --force replaces a site that is not empty.
    call_command("restore", "--force", str(directory), stdout=StringIO())
    assert get_document_model().objects.count() == 1


def test_a_missing_or_older_pg_dump_is_named_in_plain_words(tmp_path, monkeypatch):
    """Without pg_dump on PATH, or with one older than the server, the backup stops and says what to install."""
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(backups.BackupError, match="pg_dump was not found on PATH. Install the PostgreSQL client"):
        backups._tool_major("pg_dump")
    if connection.vendor != "postgresql":
        return
    fake = tmp_path / "pg_dump"
    fake.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    fake.chmod(0o755)
    with pytest.raises(CommandError, match="pg_dump is version 9 but the database server is version 1"):
        call_command("backup", str(tmp_path / "backup"), stdout=StringIO())
