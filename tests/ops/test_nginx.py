"""The site served through deploy/nginx/cms.conf: a real nginx on loopback (own prefix, pid and logs) in
front of the live test server, checking static files, media, the HTTPS redirect and X-Forwarded-Proto."""

import http.client
import os
import shutil
import socket
import ssl
import subprocess
from pathlib import Path

from django.conf import settings as django_settings

import pytest

from tests.factories.pages import home_page

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
pytestmark = [
    pytest.mark.skipif(not os.path.exists(NGINX), reason="nginx not installed (apt-get install nginx-light)"),
    pytest.mark.django_db(transaction=True),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def nginx(live_server, tmp_path_factory):
    """nginx with the site's config, started once for the module; yields (http port, https port, static dir)."""
    prefix = tmp_path_factory.mktemp("nginx")
    static = tmp_path_factory.mktemp("static")
    (static / "css").mkdir()
    (static / "css" / "site.0123abcd.css").write_text("body{color:#123}")
    http_port, https_port = free_port(), free_port()
    env = {
        **os.environ,
        "CMS_NGINX_HTTP_PORT": str(http_port),
        "CMS_NGINX_HTTPS_PORT": str(https_port),
        "CMS_APP_ADDR": live_server.url.removeprefix("http://"),
        "CMS_STATIC_ROOT": str(static),
        "CMS_MEDIA_ROOT": str(django_settings.MEDIA_ROOT),
    }
    subprocess.run([ROOT / "deploy" / "nginx" / "test-config", prefix], env=env, check=True, capture_output=True)
    process = subprocess.Popen([NGINX, "-e", prefix / "logs" / "error.log", "-p", prefix, "-c", prefix / "nginx.conf"])
    try:
        for _ in range(600):  # wait until it listens (or has died), not for a fixed time
            if process.poll() is not None:
                pytest.fail((prefix / "logs" / "error.log").read_text())
            try:
                socket.create_connection(("127.0.0.1", https_port), timeout=1).close()
                break
            except OSError:
                try:
                    process.wait(timeout=0.1)
                except subprocess.TimeoutExpired:
                    pass
        yield http_port, https_port
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port, path, tls=False, headers=None):
    if tls:
        context = ssl._create_unverified_context()  # the throwaway self-signed certificate
        connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=60)
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": "localhost", **(headers or {})})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


@pytest.fixture
def behind_proxy(settings):
    """Production's setting for a site behind the TLS proxy (DJANGO_BEHIND_TLS_PROXY=1), read per request."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def test_plain_http_is_redirected_to_https(nginx):
    http_port, https_port = nginx
    response, _ = get(http_port, "/id/tentang/?q=1")
    assert response.status == 301
    assert response.getheader("Location") == f"https://localhost:{https_port}/id/tentang/?q=1"


def test_pages_through_https_are_served_as_secure(nginx, live_server, behind_proxy):
    """nginx says X-Forwarded-Proto: https, so the site knows the visitor came over HTTPS (its absolute
    links are https://); the same request straight to the app server, without the header, is plain HTTP."""
    home_page()
    response, body = get(nginx[1], "/id/", tls=True)
    assert response.status == 200, body[:500]
    assert b'lang="id"' in body
    assert b'href="https://localhost/id/"' in body and b"http://localhost/" not in body
    assert len(response.getheader("X-Request-ID", "")) == 32  # nginx's $request_id, kept by the site
    direct, direct_body = get(int(live_server.url.rsplit(":", 1)[1]), "/id/")
    assert direct.status == 200 and b'href="http://localhost/id/"' in direct_body


def test_static_files_are_served_by_nginx_cacheable_for_a_year(nginx):
    response, body = get(nginx[1], "/static/css/site.0123abcd.css", tls=True)
    assert response.status == 200 and body == b"body{color:#123}"
    assert "immutable" in response.getheader("Cache-Control")


def test_media_are_served_but_documents_only_through_the_site(nginx):
    media = Path(django_settings.MEDIA_ROOT)
    (media / "original_images").mkdir(parents=True, exist_ok=True)
    (media / "original_images" / "tugu.txt").write_text("image bytes")
    (media / "documents").mkdir(parents=True, exist_ok=True)
    (media / "documents" / "memo.txt").write_text("restricted")
    try:
        response, body = get(nginx[1], "/media/original_images/tugu.txt", tls=True)
        assert response.status == 200 and body == b"image bytes"
        assert get(nginx[1], "/media/documents/memo.txt", tls=True)[0].status == 404
    finally:
        (media / "original_images" / "tugu.txt").unlink()
        (media / "documents" / "memo.txt").unlink()


def test_metrics_are_not_reachable_through_nginx(nginx, settings):
    settings.METRICS_ENABLED = True
    assert get(nginx[1], "/metrics", tls=True)[0].status == 404
