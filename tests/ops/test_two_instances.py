"""Two app servers (two gunicorn instances on their own ports) sharing PostgreSQL, Redis and the object
store (moto's S3 server), as docs/deploy.md sets several servers up: what an editor does through one is
what visitors get from the other, at once; and a worker killed in the middle of a save loses nothing that
was saved and leaves nothing half-written.

Editors act through the real admin of each instance (a logged-in session, the admin's own forms); the test
process prepares drafts through the ORM on the same database (a transactional test: everything is committed).
"""

import http.client
import io
import os
import re
import signal
import threading
import time
import urllib.request
import uuid

from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.test.utils import override_settings

import psycopg2
import pytest
from PIL import Image as PILImage

from home import bilingual
from tests.ops.conftest import S3_CREDENTIALS, s3_client
from tests.serving import stack
from tests.serving.redis import TEST_REDIS_URL, redis_available
from tests.serving.site import CitySite

PORT_A, PORT_B = 18101, 18102
PREFIX = "cms-two"

pytestmark = [
    pytest.mark.skipif(not redis_available(), reason="Redis is not running at TEST_REDIS_URL"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="module")
def bucket(s3_server):
    client = s3_client(s3_server)
    name = f"cms-two-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    policy = (stack.ROOT / "deploy" / "s3-bucket-policy.json").read_text().replace("BUCKET", name)
    client.put_bucket_policy(Bucket=name, Policy=policy)
    yield name
    for item in client.list_objects_v2(Bucket=name).get("Contents", []):
        client.delete_object(Bucket=name, Key=item["Key"])
    client.delete_bucket(Bucket=name)


@pytest.fixture(scope="module")
def instances(django_db_setup, django_db_blocker, s3_server, bucket):
    """Instances A and B (two workers each) over the test database, one Redis and one bucket."""
    with django_db_blocker.unblock():
        if not stack.using_postgresql():
            pytest.skip("two app servers share a PostgreSQL database (DATABASE_URL); SQLite is one server's")
    s3 = {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": s3_server,
        "AWS_ACCESS_KEY_ID": S3_CREDENTIALS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": S3_CREDENTIALS["aws_secret_access_key"],
        "AWS_S3_REGION_NAME": S3_CREDENTIALS["region_name"],
    }
    # This process shares the servers' Redis and bucket too, so its own changes bump their generation.
    shared = override_settings(
        CACHES=stack.redis_caches(TEST_REDIS_URL, PREFIX),
        STORAGES={**django_settings.STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}},
        **s3,
    )
    shared.enable()
    servers = []
    try:
        for port in (PORT_A, PORT_B):
            servers.append(stack.Server(port, workers=2, redis_url=TEST_REDIS_URL, prefix=PREFIX, env=s3))
        yield servers
    finally:
        for server in servers:
            server.stop()
        shared.disable()


class Editor:
    """An administrator's browser session, good on both instances (sessions live in the shared database)."""

    def __init__(self):
        client = Client()
        client.force_login(get_user_model().objects.create_superuser("redaktur", "redaktur@example.com", "pw"))
        self.csrf = uuid.uuid4().hex  # the admin's forms check the cookie against the form's token
        session = client.cookies[django_settings.SESSION_COOKIE_NAME].value
        self.cookie = f"{django_settings.SESSION_COOKIE_NAME}={session}; {django_settings.CSRF_COOKIE_NAME}={self.csrf}"

    def post(self, port, url, body=b"", content_type="application/x-www-form-urlencoded"):
        """POST as the browser does; the answer's (status, headers, body)."""
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        headers = {"Cookie": self.cookie, "X-CSRFToken": self.csrf, "Content-Type": content_type}
        try:
            conn.request("POST", url, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            conn.close()

    def upload_image(self, port, title, data):
        """The admin's Images → Add an image form, with the alt text in Indonesian; the new image."""
        from wagtail.models import Collection

        from images.models import CityImage

        fields = {
            "title": title,
            "collection": Collection.get_first_root_node().pk,
            "alt_text_ind": f"Foto {title}",
            "file": SimpleUploadedFile(f"{title.lower()}.png", data, "image/png"),
        }
        status, headers, answer = self.post(
            port, "/admin/images/add/", encode_multipart(BOUNDARY, fields), MULTIPART_CONTENT
        )
        assert status == 302, answer[:500]  # to the images listing: saved
        return CityImage.objects.get(title=title)

    def publish(self, port, page):
        """The admin's Publish action for the page's latest revision (the pages listing's bulk action)."""
        return self.post(port, f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/", b"")


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (60, 40), (200, 80, 20)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_upload_and_a_publish_through_one_instance_show_at_once_on_the_other(instances, s3_server, bucket):
    site, editor = CitySite(), Editor()
    page_url = bilingual.page_url(site.news, "id")
    listing = bilingual.page_url(site.index, "id")
    assert stack.fetch(PORT_B, page_url).status == 404  # a draft: not public
    stack.fetch(PORT_B, listing)
    before = stack.fetch(PORT_B, listing)
    assert before.status == 200 and before.cache == "hit" and not before.shows("Zamrudberita")  # B has it cached

    image = editor.upload_image(PORT_A, "Pelabuhan", png_bytes())  # the file goes to the bucket from A
    site.news.refresh_from_db()
    site.news.hero_image = image
    site.news.save_revision()  # a draft with the new picture; publishing it is the editor's act below

    status, headers, _body = editor.publish(PORT_A, site.news)
    assert (status, headers.get("Location")) == (302, "/admin/"), status
    # The very next request to B, with no wait: the page and the listing that was cached on B.
    page = stack.fetch(PORT_B, page_url)
    assert page.status == 200 and page.shows("Zamrudberita")
    assert stack.fetch(PORT_B, listing).shows("Zamrudberita")
    # B made the picture's rendition from A's upload and stored it in the bucket, where a browser fetches it.
    renditions = re.findall(rf'{re.escape(s3_server)}/{bucket}/images/[^"\s]+', page.body)
    assert renditions, "the page shows no picture from the bucket"
    with urllib.request.urlopen(renditions[0]) as response:
        assert response.status == 200 and response.read(4) in (b"\x89PNG", b"\xff\xd8\xff\xe0", b"\xff\xd8\xff\xdb")
    assert image.renditions.exists()


def children(pid):
    with open(f"/proc/{pid}/task/{pid}/children") as handle:
        return [int(child) for child in handle.read().split()]


def process_with_local_port(pids, port):
    """Which of ``pids`` owns the TCP socket whose local port is ``port`` (its connection to PostgreSQL)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with open(table) as handle:
            for line in handle.readlines()[1:]:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port:
                    inodes.add(fields[9])
    for pid in pids:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            try:
                target = os.readlink(f"/proc/{pid}/fd/{fd}")
            except OSError:
                continue
            if target.startswith("socket:[") and target[8:-1] in inodes:
                return pid
    raise AssertionError(f"no worker holds the database connection from port {port}")


def wait_for(condition, what, timeout=60):
    """Wait until ``condition()`` returns something true (a wait for an event, never a timing assertion)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"{what} did not happen within {timeout} s")


def test_a_worker_killed_in_the_middle_of_a_publish_leaves_nothing_half_written(instances):
    """The publish is held inside its transaction, after it has already marked the page live but before
    its history entry is written (a lock this test holds on the history table), and the worker running it
    is killed then. The page stays as it was saved before (a draft, with its revision), the editor's
    browser gets no success, and the same publish through the other instance then works and shows on both."""
    from wagtail.models import PageLogEntry, Revision

    site, editor = CitySite(), Editor()
    page_url = bilingual.page_url(site.news, "id")
    site.news.title_ind = site.news.title = "Festival Zamrudberita Tersimpan"
    revision = site.news.save_revision()  # the saved edit: it must survive whatever happens below
    revisions = Revision.objects.count()

    holder = psycopg2.connect(stack.database_url())
    watcher = psycopg2.connect(stack.database_url())
    watcher.autocommit = True
    answer = {}
    try:
        with holder.cursor() as cursor:
            cursor.execute("LOCK TABLE wagtailcore_pagelogentry IN SHARE ROW EXCLUSIVE MODE")

        def publish():
            try:
                answer["response"] = editor.publish(PORT_A, site.news)
            except (http.client.HTTPException, OSError) as error:
                answer["error"] = error

        request = threading.Thread(target=publish)
        request.start()

        def blocked_backend():
            with watcher.cursor() as cursor:
                cursor.execute(
                    "SELECT pid, client_port FROM pg_stat_activity WHERE datname = current_database()"
                    " AND wait_event_type = 'Lock' AND query LIKE 'INSERT INTO \"wagtailcore_pagelogentry\"%%'"
                )
                return cursor.fetchone()

        backend, client_port = wait_for(blocked_backend, "the publish reaching the history table")
        with watcher.cursor() as cursor:  # in the publish's transaction, the page is already live
            cursor.execute("SELECT live FROM wagtailcore_page WHERE id = %s", [site.news.pk])
            assert cursor.fetchone() == (False,)  # ... but no one else can see it
        worker = process_with_local_port(children(instances[0].process.pid), client_port)
        os.kill(worker, signal.SIGKILL)
        request.join(60)
    finally:
        holder.rollback()  # the lock goes; the killed worker's transaction can only end now
        holder.close()

    assert "error" in answer or answer["response"][0] >= 500, answer  # the editor saw no success

    def backend_gone():
        with watcher.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [backend])
            return cursor.fetchone()[0] == 0

    wait_for(backend_gone, "PostgreSQL ending the killed worker's session")
    watcher.close()

    site.news.refresh_from_db()
    assert not site.news.live and site.news.live_revision_id is None  # the publish never happened
    assert site.news.get_latest_revision() == revision  # the edit saved before is there, whole
    assert Revision.objects.count() == revisions
    assert not PageLogEntry.objects.filter(page=site.news, action="wagtail.publish").exists()
    assert stack.fetch(PORT_A, page_url).status == 404 and stack.fetch(PORT_B, page_url).status == 404

    status, _headers, _body = editor.publish(PORT_B, site.news)  # the editor tries again, on the other server
    assert status == 302
    for port in (PORT_A, PORT_B):  # A's master replaced the killed worker; both serve the new page at once
        page = stack.fetch(port, page_url)
        assert page.status == 200 and page.shows("Zamrudberita Tersimpan")
