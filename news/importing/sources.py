"""Reading an export file, one entry at a time.

Three formats are read: Blogger's current export (Google Takeout / "Back up content", with
``blogger:type`` and ``blogger:status``), Blogger's classic Atom backup (``kind#post`` categories and
``app:draft``) and WordPress WXR 1.1/1.2. ``detect_format`` looks at the root element; ``read_entries``
yields one ``Entry`` per post, page, comment or attachment and forgets each entry's XML once read, so
memory stays flat however large the file is.

The XML comes from outside and is treated as hostile: defusedxml refuses DTDs, entity declarations and
external references (no "billion laughs", no reading local files).
"""

import datetime
import email.utils
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from xml.etree.ElementTree import ParseError
from zoneinfo import ZoneInfo

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

WIB = ZoneInfo("Asia/Jakarta")

ATOM = "http://www.w3.org/2005/Atom"
BLOGGER_2018 = "http://schemas.google.com/blogger/2018"
KIND_SCHEME = "http://schemas.google.com/g/2005#kind"
KIND_PREFIX = "http://schemas.google.com/blogger/2008/kind#"
APP_NAMESPACES = ("http://purl.org/atom/app#", "http://www.w3.org/2007/app")
WP_PREFIX = "http://wordpress.org/export/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
EXCERPT_PREFIX = "http://wordpress.org/export/"  # excerpt namespace: http://wordpress.org/export/1.2/excerpt/

BLOGGER = "blogger"
BLOGGER_CLASSIC = "blogger-classic"
WORDPRESS = "wordpress"
FORMATS = (BLOGGER, BLOGGER_CLASSIC, WORDPRESS)

# What an entry is, whatever the format called it.
POST, PAGE, COMMENT, ATTACHMENT, OTHER = "post", "page", "comment", "attachment", "other"
# Its state: live entries are published, drafts and scheduled ones stay drafts, trashed ones are skipped.
LIVE, DRAFT, SCHEDULED, TRASHED = "live", "draft", "scheduled", "trashed"


class ExportError(Exception):
    """The file cannot be read as an export: nothing is imported. ``code`` names the problem, ``detail`` the
    parser's own words (see ``importer.FILE_ERRORS`` for the message shown)."""

    def __init__(self, code, detail=""):
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail


@dataclass
class Entry:
    """One entry of an export, whatever its format."""

    source: str  # "blogger" or "wordpress": with ``entry_id``, what identifies the entry across runs
    entry_id: str
    kind: str = OTHER
    status: str = LIVE
    title: str = ""
    published: datetime.datetime | None = None
    date_text: str = ""  # the date as written, for the report when it cannot be read
    html: str = ""
    excerpt: str = ""
    labels: list[str] = field(default_factory=list)
    old_paths: list[str] = field(default_factory=list)
    slug: str = ""
    parent_id: str = ""
    attachment_url: str = ""
    comments: int = 0  # comments a WordPress item carries (never imported, only counted)


def _local(tag):
    return tag.rsplit("}", 1)[-1] if tag.startswith("{") else tag


def _namespace(tag):
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


def _text(element):
    return (element.text or "").strip() if element is not None else ""


def path_of(url):
    """The path (and query) of a URL as the old site served it: ``/2019/09/judul.html``, ``/?p=123``."""
    if not url:
        return ""
    parts = urlsplit(url.strip())
    path = parts.path or "/"
    return path + (f"?{parts.query}" if parts.query else "")


def parse_iso_date(text):
    """An Atom date (``2019-09-10T10:00:00.000+07:00``, ``…Z``); naive ones are taken as WIB."""
    value = datetime.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=WIB)


def _iterparse(source):
    """Start and end events of ``source`` (a path or a binary file), hardened; parse errors become
    ``ExportError``."""
    try:
        yield from iterparse(source, events=("start", "end"), forbid_dtd=True)
    except (DefusedXmlException, ValueError) as error:
        raise ExportError("unsafe", str(error)) from error
    except ParseError as error:
        raise ExportError("not_xml", str(error)) from error
    except OSError as error:
        raise ExportError("unreadable", str(error)) from error


def detect_format(source):
    """``blogger``, ``blogger-classic`` or ``wordpress``, from the root element and the first entry (reads
    only the beginning of the file)."""
    events = _iterparse(source)
    try:
        for event, element in events:
            if event != "start":
                continue
            tag = _local(element.tag)
            namespace = _namespace(element.tag)
            if tag == "rss":
                continue
            if tag == "channel" or namespace.startswith(WP_PREFIX):
                return WORDPRESS
            if tag == "feed" and namespace == ATOM:
                continue
            if namespace == BLOGGER_2018:
                return BLOGGER
            if tag == "entry":
                continue
            if tag == "category" and element.get("scheme") == KIND_SCHEME:
                return BLOGGER_CLASSIC
            if tag in ("id", "title", "updated", "generator", "link", "author", "name", "uri", "email"):
                continue
            if namespace == ATOM or namespace in APP_NAMESPACES:
                continue
        raise ExportError("unknown_format")
    finally:
        events.close()


def _reset(source):
    if hasattr(source, "seek"):
        source.seek(0)
    return source


def read_entries(source, file_format):
    """Every entry of ``source`` in ``file_format``, in file order."""
    if file_format == WORDPRESS:
        yield from _read_wordpress(_reset(source))
    elif file_format in (BLOGGER, BLOGGER_CLASSIC):
        yield from _read_blogger(_reset(source))
    else:
        raise ExportError("unknown_format", file_format)


def _entries(source, entry_tag):
    """Each completed ``entry_tag`` element, removed from its parent once the caller is done with it."""
    stack = []
    root_seen = False
    for event, element in _iterparse(source):
        if event == "start":
            root_seen = True
            stack.append(element)
            continue
        stack.pop()
        if _local(element.tag) == entry_tag and not (stack and _local(stack[-1].tag) == entry_tag):
            yield element
            element.clear()
            if stack:
                stack[-1].remove(element)
    if not root_seen:
        raise ExportError("not_xml")


def _read_blogger(source):
    for element in _entries(source, "entry"):
        yield _blogger_entry(element)


def _blogger_entry(element):
    entry = Entry(source=BLOGGER, entry_id=_text(element.find(f"{{{ATOM}}}id")))
    current = element.find(f"{{{BLOGGER_2018}}}type")
    labels = []
    for category in element.findall(f"{{{ATOM}}}category"):
        scheme, term = category.get("scheme", ""), (category.get("term") or "").strip()
        if scheme == KIND_SCHEME:
            entry.kind = {"post": POST, "page": PAGE, "comment": COMMENT}.get(term.removeprefix(KIND_PREFIX), OTHER)
        elif term:
            labels.append(term)
    entry.labels = labels
    title = element.find(f"{{{ATOM}}}title")
    entry.title = _text(title)
    content = element.find(f"{{{ATOM}}}content")
    entry.html = (content.text or "") if content is not None else ""
    alternate = ""
    for link in element.findall(f"{{{ATOM}}}link"):
        if link.get("rel") == "alternate" and link.get("type", "text/html") == "text/html":
            alternate = link.get("href", "")
    published = element.find(f"{{{ATOM}}}published")
    entry.date_text = _text(published)
    if current is not None:  # the current export
        entry.kind = {"POST": POST, "PAGE": PAGE, "COMMENT": COMMENT}.get(_text(current).upper(), OTHER)
        status = _text(element.find(f"{{{BLOGGER_2018}}}status")).upper()
        entry.status = {"LIVE": LIVE, "DRAFT": DRAFT, "SCHEDULED": SCHEDULED}.get(status, TRASHED)
        filename = _text(element.find(f"{{{BLOGGER_2018}}}filename"))
        if filename:
            entry.old_paths.append(filename)
        entry.parent_id = _text(element.find(f"{{{BLOGGER_2018}}}parent"))
        if not entry.date_text:
            entry.date_text = _text(element.find(f"{{{BLOGGER_2018}}}created"))
    else:  # the classic backup: a draft says so in app:control
        for namespace in APP_NAMESPACES:
            draft = element.find(f"{{{namespace}}}control/{{{namespace}}}draft")
            if draft is not None and _text(draft).lower() == "yes":
                entry.status = DRAFT
    if alternate and path_of(alternate) not in entry.old_paths:
        entry.old_paths.append(path_of(alternate))
    if entry.date_text:
        try:
            entry.published = parse_iso_date(entry.date_text)
        except ValueError:
            entry.published = None
    if (
        current is None
        and entry.status == LIVE
        and entry.published
        and entry.published > datetime.datetime.now(tz=datetime.UTC)
    ):
        entry.status = SCHEDULED  # the classic backup marks a scheduled post only by its future date
    if entry.old_paths:
        entry.slug = re.sub(r"\.html?$", "", entry.old_paths[0].rstrip("/").rsplit("/", 1)[-1].split("?")[0])
    return entry


WP_KINDS = {"post": POST, "page": PAGE, "attachment": ATTACHMENT}
WP_STATUSES = {"publish": LIVE, "draft": DRAFT, "pending": DRAFT, "future": SCHEDULED, "private": DRAFT}


def _read_wordpress(source):
    site = ""
    for item in _entries(source, "item"):
        values, labels, comments = {}, [], 0
        for child in item:
            tag, namespace = _local(child.tag), _namespace(child.tag)
            if tag == "comment" and namespace.startswith(WP_PREFIX):
                comments += 1
            elif tag == "category":
                if (child.text or "").strip():
                    labels.append(child.text.strip())
            elif tag == "encoded":
                values["excerpt" if "excerpt" in namespace else "content"] = child.text or ""
            elif namespace.startswith(WP_PREFIX) or not namespace:
                values.setdefault(tag, (child.text or "").strip())
        post_id = values.get("post_id", "")
        link, guid = values.get("link", ""), values.get("guid", "")
        if not site:
            site = "{0.scheme}://{0.netloc}".format(urlsplit(link or guid)) if (link or guid) else ""
        entry = Entry(
            source=WORDPRESS,
            entry_id=f"{site}?p={post_id}" if post_id else (guid or link),
            kind=WP_KINDS.get(values.get("post_type", ""), OTHER),
            status=WP_STATUSES.get(values.get("status", ""), TRASHED),
            title=values.get("title", ""),
            html=values.get("content", ""),
            excerpt=values.get("excerpt", ""),
            labels=labels,
            slug=values.get("post_name", ""),
            parent_id=values.get("post_parent", ""),
            attachment_url=values.get("attachment_url", ""),
            comments=comments,
        )
        entry.published, entry.date_text = _wordpress_date(values)
        if link and entry.status == LIVE:
            entry.old_paths.append(path_of(link))
        if post_id:
            entry.old_paths.append(f"/?p={post_id}" if entry.kind != PAGE else f"/?page_id={post_id}")
        yield entry


def _wordpress_date(values):
    """The post's date: the GMT one when WordPress wrote it, else the RFC 822 ``pubDate``, else the site's
    local ``post_date`` taken as WIB. ``(None, text)`` when none can be read."""
    gmt = values.get("post_date_gmt", "")
    if gmt and not gmt.startswith("0000"):
        try:
            return datetime.datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=datetime.UTC), gmt
        except ValueError:
            return None, gmt
    local = values.get("post_date", "")
    if local and not local.startswith("0000"):
        try:
            return datetime.datetime.strptime(local, "%Y-%m-%d %H:%M:%S").replace(tzinfo=WIB), local
        except ValueError:
            return None, local
    pub = values.get("pubDate", "")
    if pub:
        try:
            return email.utils.parsedate_to_datetime(pub), pub
        except (TypeError, ValueError):
            return None, pub
    return None, ""
