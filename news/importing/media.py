"""Images of imported posts: found in a folder (``--media-dir``) or downloaded (``--fetch-media``), checked
with the image library's own upload rules, and stored once.

- Blogger serves one photo at several sizes (``/s320/``, ``/s1600/``, ``/w640-h400/``, ``=w640-h400``):
  ``image_key`` strips the size, so the variants are one image, and ``size_of`` ranks them so that the
  largest the post names is the one fetched.
- Downloads use ``requests`` with a connect and read timeout, a size limit (Wagtail's
  ``WAGTAILIMAGES_MAX_UPLOAD_SIZE``), at most three tries (only on connection errors and 5xx answers), and
  only http(s) to public addresses unless ``NEWS_IMPORT_FETCH_PRIVATE`` allows loopback and private ones
  (a hostile export must not make the server read its own network).
- Every file passes Wagtail's ``WagtailImageField`` checks (format, size, and the pixel limit
  ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` against decompression bombs) before it is saved.
- Identical files are stored once: a file whose SHA-1 (Wagtail's ``file_hash``) is already in the library
  is reused, and each address is remembered in ``ImportedImage``.
"""

import hashlib
import io
import ipaddress
import os
import re
import socket
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images.fields import WagtailImageField

import filetype
import requests

from images.models import CityImage
from news.importing.models import ImportedImage

# Blogger's size segments: /s1600/, /s320-rw/, /w640-h400/, /w640-h400-c/ and the =s1600 / =w640-h400 suffixes.
SIZE_SEGMENT = re.compile(r"/(?:s\d+|w\d+-h\d+|h\d+|w\d+)(?:-[a-z0-9-]*)?(?=/[^/]+$)", re.IGNORECASE)
SIZE_SUFFIX = re.compile(r"=(?:s\d+|w\d+(?:-h\d+)?|h\d+)(?:-[a-z0-9-]*)?$", re.IGNORECASE)
SIZE_NUMBERS = re.compile(r"(?:[/=])(?:s(\d+)|w(\d+)(?:-h(\d+))?|h(\d+))(?:-[a-z0-9-]*)?(?=/[^/]+$|$)", re.IGNORECASE)

TIMEOUT = (5, 20)  # connect, read (seconds)
TRIES = 3
CHUNK = 64 * 1024


class MediaError(Exception):
    """An image that cannot be had: ``code`` says why (``not_found``, ``too_large``, ``invalid``,
    ``refused``, ``http``, ``network``), ``detail`` gives the particulars."""

    def __init__(self, code, detail=""):
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


def image_key(url):
    """The address without Blogger's size, scheme or query: every size of one photo gives the same key."""
    parts = urlsplit(url.strip())
    path = SIZE_SUFFIX.sub("", SIZE_SEGMENT.sub("", parts.path))
    host = (parts.hostname or "").lower()
    if re.fullmatch(r"\d\.bp\.blogspot\.com", host):
        host = "bp.blogspot.com"  # 1.bp, 2.bp, 3.bp, 4.bp serve the same files
    return f"{host}{path}"


def size_of(url):
    """How large a Blogger variant is (0 when the address names no size; ``s0`` is the original)."""
    path = urlsplit(url).path
    match = SIZE_NUMBERS.search(path)
    if not match:
        return 0
    if match.group(1) == "0":
        return 10**9
    return max(int(value) for value in match.groups() if value)


def largest(urls):
    """The address of the largest of several variants of one image (the first when none names a size)."""
    urls = [url for url in urls if url]
    return max(urls, key=size_of) if urls else ""


def file_name(url):
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    return SIZE_SUFFIX.sub("", name)


def _max_bytes():
    return getattr(settings, "WAGTAILIMAGES_MAX_UPLOAD_SIZE", 10 * 1024 * 1024) or 10 * 1024 * 1024


def _check_host(url):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise MediaError("refused", url)
    if getattr(settings, "NEWS_IMPORT_FETCH_PRIVATE", False):
        return
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443)}
    except OSError as error:
        raise MediaError("network", str(error)) from error
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not ip.is_global:
            raise MediaError("refused", f"{parts.hostname} ({ip})")


def download(url, session=None):
    """The bytes at ``url``: at most ``TRIES`` tries, timeouts, and no more than the upload size limit."""
    _check_host(url)
    session = session or requests.Session()
    limit = _max_bytes()
    last = None
    for attempt in range(TRIES):
        if attempt:
            time.sleep(0.5 * attempt)
        try:
            with session.get(url, timeout=TIMEOUT, stream=True, allow_redirects=True) as response:
                if response.status_code >= 500:
                    last = MediaError("http", str(response.status_code))
                    continue
                if response.status_code != 200:
                    raise MediaError("http", str(response.status_code))
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise MediaError("too_large", declared)
                body = io.BytesIO()
                for chunk in response.iter_content(CHUNK):
                    body.write(chunk)
                    if body.tell() > limit:
                        raise MediaError("too_large", f">{limit}")
                return body.getvalue()
        except requests.RequestException as error:
            last = MediaError("network", type(error).__name__)
    raise last


class MediaDirectory:
    """The files of a folder (a Takeout album archive, an uploads folder) by file name, case-insensitive."""

    def __init__(self, root):
        self.files = {}
        for folder, _dirs, names in os.walk(root):
            for name in names:
                self.files.setdefault(name.lower(), Path(folder) / name)

    def find(self, url):
        name = file_name(url).lower()
        return self.files.get(name) if name else None


class MediaLibrary:
    """Turns image addresses into library images for one import run."""

    def __init__(self, media_dir=None, fetch=False, dry_run=False, collection=None):
        self.directory = MediaDirectory(media_dir) if media_dir else None
        self.fetch = fetch
        self.dry_run = dry_run
        self.collection = collection
        self.session = requests.Session() if fetch else None
        self.session_headers = {"User-Agent": "Tanjungpinang-CMS-importer/1.0"}
        if self.session:
            self.session.headers.update(self.session_headers)
        self.known = {}  # key -> CityImage (or None in a dry run), this run

    def close(self):
        if self.session:
            self.session.close()

    def lookup(self, key):
        digest = hashlib.sha256(key.encode()).hexdigest()
        if key in self.known:
            return self.known[key], digest
        remembered = ImportedImage.objects.filter(key=digest).select_related("image").first()
        if remembered:
            self.known[key] = remembered.image
            return remembered.image, digest
        return None, digest

    def get(self, urls, alt="", title=""):
        """``(image, created)`` for the image at the largest of ``urls``; raises ``MediaError``.

        In a dry run nothing is read or written: ``(None, True)`` for an image that would be brought in."""
        url = largest(urls)
        key = image_key(url)
        image, digest = self.lookup(key)
        if image is not None:
            return image, False
        if self.dry_run:
            if not (self.fetch or self.directory):
                raise MediaError("not_found", url)
            if self.directory and not self.fetch and not self.directory.find(url):
                raise MediaError("not_found", file_name(url))
            return None, True
        content = name = None
        if self.directory:
            for candidate in sorted(urls, key=size_of, reverse=True):
                path = self.directory.find(candidate)
                if path:
                    if path.stat().st_size > _max_bytes():
                        raise MediaError("too_large", path.name)
                    content, name = path.read_bytes(), path.name
                    break
        if content is None and self.fetch:
            content, name = download(url, self.session), file_name(url)
        if content is None:
            raise MediaError("not_found", file_name(url) or url)
        image, created = self.store(content, name or "image", alt, title)
        ImportedImage.objects.update_or_create(key=digest, defaults={"source": url, "image": image})
        self.known[key] = image
        return image, created

    def store(self, content, name, alt, title):
        """A library image for ``content``: the existing one with the same file hash, or a new one."""
        sha1 = hashlib.sha1(content).hexdigest()
        existing = CityImage.objects.filter(file_hash=sha1).first()
        if existing:
            return existing, False
        upload = SimpleUploadedFile(_safe_name(name, filetype.guess_extension(content)), content)
        try:
            checked = WagtailImageField().clean(upload)
        except ValidationError as error:
            raise MediaError("invalid", " ".join(error.messages)) from error
        checked.seek(0)
        image = CityImage(title=(title or alt or Path(upload.name).stem)[:255], alt_text_ind=alt[:255])
        if self.collection is not None:
            image.collection = self.collection
        image.file = checked
        image._set_image_file_metadata()
        image.save()
        return image, True


def _safe_name(name, extension):
    """A plain file name whose extension follows the file's content (Wagtail refuses a mismatch)."""
    name = re.sub(r"[^\w.-]+", "-", name).strip("-.") or "image"
    stem = name.rpartition(".")[0] or name
    return f"{stem[:80]}.{extension or 'jpg'}"
