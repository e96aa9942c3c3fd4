"""Media on S3-compatible storage (django-storages, against moto's S3 server on loopback): images, renditions
and documents go to the bucket; documents are served through the site, restricted ones never from the bucket."""

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from home.demo import demo_image
from tests.ops.conftest import bucket_keys

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_settings_choose_the_bucket_from_the_environment_and_local_files_otherwise():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.STORAGES['default']['BACKEND']); print(s.AWS_STORAGE_BUCKET_NAME, s.AWS_S3_ENDPOINT_URL,"
        " s.AWS_S3_REGION_NAME, s.AWS_S3_CUSTOM_DOMAIN, s.WAGTAILDOCS_SERVE_METHOD)"
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith(("AWS_", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings", DJANGO_DEBUG="1")
    local = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert local.stdout.splitlines()[0] == "django.core.files.storage.FileSystemStorage", local.stderr
    env.update(
        AWS_STORAGE_BUCKET_NAME="kota-media",
        AWS_S3_ENDPOINT_URL="https://s3.example.id",
        AWS_S3_REGION_NAME="id-1",
        AWS_S3_CUSTOM_DOMAIN="media.tanjungpinangkota.go.id",
    )
    remote = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert remote.stdout.splitlines() == [
        "storages.backends.s3.S3Storage",
        "kota-media https://s3.example.id id-1 media.tanjungpinangkota.go.id serve_view",
    ], remote.stderr


def test_images_and_renditions_go_to_the_bucket_and_are_served_from_it(s3_bucket, s3_server):
    client, bucket = s3_bucket
    image = demo_image("Gedung Mesiu", "Gedung Mesiu", "The gunpowder store", (90, 60, 40))
    rendition = image.get_rendition("fill-120x80")
    keys = bucket_keys(client, bucket)
    assert image.file.name in keys and image.file.name.startswith("original_images/")
    assert rendition.file.name in keys and rendition.file.name.startswith("images/")
    assert rendition.url.startswith(f"{s3_server}/{bucket}/images/")
    assert "Signature" not in rendition.url  # stable URLs that cached pages can keep
    with urllib.request.urlopen(rendition.url) as response:  # as a visitor's browser fetches it
        assert response.read(3) == b"\xff\xd8\xff"  # a JPEG


def test_documents_are_stored_in_the_bucket_and_served_through_the_site(s3_bucket, s3_server, client):
    s3, bucket = s3_bucket
    document = get_document_model().objects.create(title="Perda 1/2026")
    document.file.save("perda-1-2026.txt", ContentFile(b"Peraturan Daerah Kota Tanjungpinang"))
    assert bucket_keys(s3, bucket) == [document.file.name]
    assert document.file.name.startswith("documents/")
    assert document.url.startswith("/documents/")  # the site's URL, never the bucket's
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Peraturan Daerah Kota Tanjungpinang"
    with pytest.raises(urllib.error.HTTPError) as denied:  # the object itself is not public
        urllib.request.urlopen(f"{s3_server}/{bucket}/{document.file.name}")
    assert denied.value.code == 403


def test_restricted_documents_are_never_handed_out_from_the_bucket(s3_bucket, client):
    collection = Collection.get_first_root_node().add_child(name="Internal")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(title="Internal memo", collection=collection)
    document.file.save("memo.txt", ContentFile(b"internal only"))
    response = client.get(document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/") or "login" in response["Location"]
    assert s3_bucket[1] not in response["Location"]


def test_files_are_removed_from_the_bucket_with_their_image(s3_bucket, django_capture_on_commit_callbacks):
    client, bucket = s3_bucket
    image = demo_image("Tugu", "Tugu", "Monument", (10, 20, 30))
    image.get_rendition("width-100")
    assert len(bucket_keys(client, bucket)) == 2
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail deletes the files after the commit
        image.delete()
    assert bucket_keys(client, bucket) == []
    assert not default_storage.exists(image.file.name)
