"""The import itself: export entries in, news pages, standard pages, images and redirects out, and a report.

``run_import`` reads the file twice, streaming both times: a first pass checks that the whole file is a
readable export and counts its entries (so an unreadable file changes nothing, and the progress bar has a
total), the second imports. Each entry is written in its own savepoint, so one bad entry is skipped and
named in the report while the rest are imported; entries are committed in batches to keep the import quick.

Mapping (docs/news.md, "Import"):

- live posts are published with their original date (WIB); drafts and scheduled posts stay drafts;
- posts go to the default OPD's newsroom, or to the newsroom of an OPD a label names (its acronym, slug
  or name, any case) or the label map sends it to; the label map can also set the news type or drop a label;
- static pages become standard pages under the pages parent; comments and attachments are never imported;
- labels and categories become tags; the body is cleaned by ``cleaning``; images come from ``media``;
- the page remembers its entry (``ImportedEntry``): a second run updates the page when the entry changed,
  leaves it when it did not, and keeps an editor's later edits;
- every old address (Blogger file name, WordPress permalink, ``?p=123``) becomes a permanent redirect.
"""

import csv
import hashlib
import io
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from modelcluster.models import get_all_child_m2m_relations, get_all_child_relations
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import get_active_log_context
from wagtail.models import Page, PageLogEntry, Revision, Site
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.signals import page_published
from wagtail.signals import published as published_signal

from bs4 import BeautifulSoup

from home.models import OPD, StandardPage
from news.importing import sources
from news.importing.cleaning import BrokenHTML, clean_html
from news.importing.media import MediaError, MediaLibrary, image_key
from news.importing.models import ImportedEntry
from news.importing.slugs import one_check_per_clean, query_slug_check
from news.models import NewsPage, NewsType, OPDNewsroomPage
from serving import bulk, generation

BATCH = 50  # entries per transaction

logger = logging.getLogger(__name__)

# Report lines: a code, its message (translated when shown, so each reader sees their own language).
MESSAGES = {
    "no_title": _("Entry %(entry)s skipped: it has no title."),
    "bad_date": _("Entry %(entry)s (“%(title)s”) skipped: its date “%(date)s” cannot be read."),
    "broken_html": _("Entry %(entry)s (“%(title)s”) skipped: its HTML is broken or cut off (%(detail)s)."),
    "trashed": _("Entry %(entry)s (“%(title)s”) skipped: it is in the trash or marked as spam."),
    "invalid": _("Entry %(entry)s (“%(title)s”) skipped: %(detail)s"),
    "kept": _("Entry %(entry)s: the page “%(title)s” was edited after it was imported, so it was left as it is."),
    "image_missing": _("Entry %(entry)s (“%(title)s”): the image %(url)s was left out (%(detail)s)."),
}
MEDIA_REASONS = {
    "not_found": _("not found; use --fetch-media or --media-dir"),
    "too_large": _("the file is too large"),
    "invalid": _("not a valid image"),
    "refused": _("the address is not allowed"),
    "http": _("the server answered with an error"),
    "network": _("the server could not be reached"),
}
FILE_ERRORS = {
    "not_xml": _("The file is not a readable XML export (%(detail)s). Nothing was imported."),
    "unsafe": _(
        "The file declares a DTD or entities, which an export never has, so it was refused. Nothing was imported."
    ),
    "unknown_format": _("The file is neither a Blogger export nor a WordPress export (WXR). Nothing was imported."),
    "wrong_format": _("The file is a %(found)s export, not a %(expected)s one. Nothing was imported."),
    "unreadable": _("The file cannot be opened (%(detail)s). Nothing was imported."),
    "empty": _("The file holds no posts or pages. Nothing was imported."),
}
COUNT_LABELS = {
    "created": _("pages created"),
    "updated": _("pages updated"),
    "unchanged": _("pages unchanged"),
    "kept": _("pages kept (edited since the last import)"),
    "skipped": _("entries skipped"),
    "drafts": _("of them drafts or scheduled"),
    "images_new": _("images added to the library"),
    "images_reused": _("images already in the library"),
    "images_missing": _("images left out"),
    "redirects": _("redirects from old addresses"),
    "comments": _("comments not imported"),
    "ignored": _("other entries ignored (attachments, settings, templates)"),
}
DROPPED_LABELS = {
    "script": _("scripts"),
    "event_handler": _("event-handler attributes (onclick…)"),
    "iframe": _("other iframes"),
    "object": _("objects and media players"),
    "form": _("form elements"),
    "style": _("style and link elements"),
    "image": _("images without an address"),
    "image_in_table": _("images inside tables"),
}


class PublishImported(PublishPageRevisionAction):
    """Wagtail's publish of a revision the import has just made from ``page``: the page in memory already is
    the revision's content, so it is published as it is instead of being rebuilt from the revision's JSON
    (``revision.as_object()``, a tenth of an imported post's time). Everything else is Wagtail's: the
    validation, the save, the log entry and the ``page_published`` signal."""

    def __init__(self, revision, page):
        self.revision = revision
        self.object = page
        self.permission_policy = ModelPermissionPolicy(type(page))
        self.user = None
        self.changed = True
        self.log_action = True
        self.previous_revision = None


def new_page_data(page, children):
    """``page.serializable_data()`` for a page saved a moment ago for the first time with ``children`` (its
    child relations as they were before the save): the database holds exactly those children, so they are
    read from memory instead of with a query per relation (modelcluster's in-memory state, forgotten after)."""
    names = [relation.get_accessor_name() for relation in get_all_child_relations(page)]
    names += [field.name for field in get_all_child_m2m_relations(page)]
    page._cluster_related_objects = {name: list(children.get(name, [])) for name in names}
    try:
        return page.serializable_data()
    finally:
        page._cluster_related_objects = {}


class ImportConfigError(Exception):
    """Options the import cannot start with (an unknown OPD, a bad label map): a message for the user."""


@dataclass
class LabelTarget:
    opd: OPD | None = None
    news_type: str = ""
    drop: bool = False


@dataclass
class Options:
    opd: OPD
    label_map: dict = field(default_factory=dict)  # lower-case label -> LabelTarget
    media_dir: str = ""
    fetch_media: bool = False
    dry_run: bool = False
    pages_parent: Page | None = None
    file_format: str = "auto"


@dataclass
class Report:
    file_format: str = ""
    dry_run: bool = False
    total: int = 0
    counts: Counter = field(default_factory=Counter)
    dropped: Counter = field(default_factory=Counter)
    lines: list = field(default_factory=list)  # {"code", "params"}

    def add(self, code, **params):
        self.lines.append({"code": code, "params": {key: str(value) for key, value in params.items()}})

    def as_dict(self):
        return {
            "file_format": self.file_format,
            "dry_run": self.dry_run,
            "total": self.total,
            "counts": dict(self.counts),
            "dropped": dict(self.dropped),
            "lines": self.lines,
        }

    @classmethod
    def from_dict(cls, data):
        return cls(
            file_format=data.get("file_format", ""),
            dry_run=data.get("dry_run", False),
            total=data.get("total", 0),
            counts=Counter(data.get("counts", {})),
            dropped=Counter(data.get("dropped", {})),
            lines=list(data.get("lines", [])),
        )

    def messages(self):
        """The report's lines in the active language."""
        result = []
        for line in self.lines:
            params = dict(line["params"])
            if "reason" in params:
                params["detail"] = gettext(MEDIA_REASONS.get(params.pop("reason"), "")) or params.get("detail", "")
            result.append(gettext(MESSAGES[line["code"]]) % params)
        return result

    def summary(self):
        """``[(label, number)]`` in the active language: the counts, then the dropped elements."""
        rows = [(gettext(label), self.counts[key]) for key, label in COUNT_LABELS.items() if self.counts[key]]
        rows += [(gettext(label), self.dropped[key]) for key, label in DROPPED_LABELS.items() if self.dropped.get(key)]
        return rows


def file_error_message(error):
    found = {"blogger": "Blogger", "blogger-classic": "Blogger", "wordpress": "WordPress"}
    params = {"detail": error.detail}
    if error.code == "wrong_format":
        expected, actual = error.detail.split(">")
        params = {"found": found.get(actual, actual), "expected": found.get(expected, expected)}
    return gettext(FILE_ERRORS.get(error.code, FILE_ERRORS["not_xml"])) % params


# Options ------------------------------------------------------------------------------------------------------


class OPDIndex:
    """Every OPD by lower-case acronym, slug and name in both languages."""

    def __init__(self):
        self.by_name = {}
        for opd in OPD.objects.all():
            for value in (opd.slug, opd.acronym, opd.name_ind, opd.name_en):
                if value:
                    self.by_name.setdefault(value.strip().lower(), opd)

    def find(self, value):
        return self.by_name.get((value or "").strip().lower())


def news_type_for(value):
    value = (value or "").strip().lower()
    for choice in NewsType:
        if value in (choice.value, str(choice.label).lower(), choice.value.replace("-", " ")):
            return choice.value
    return ""


def resolve_opd(value, index=None):
    opd = (index or OPDIndex()).find(value)
    if opd is None:
        raise ImportConfigError(gettext("No OPD is called “%(name)s” (give its acronym or slug).") % {"name": value})
    return opd


def read_label_map(text, index=None):
    """``label,target`` lines: the target is an OPD (acronym, slug or name), a news type (``bimtek``…) or
    nothing (the label is dropped). A first line ``label,target`` is a header."""
    index = index or OPDIndex()
    result = {}
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        if not row or not row[0].strip() or row[0].strip().startswith("#"):
            continue
        label, target = row[0].strip(), (row[1].strip() if len(row) > 1 else "")
        if number == 1 and label.lower() == "label":
            continue
        if target in ("", "-"):
            result[label.lower()] = LabelTarget(drop=True)
        elif news_type_for(target):
            result[label.lower()] = LabelTarget(news_type=news_type_for(target))
        elif index.find(target):
            result[label.lower()] = LabelTarget(opd=index.find(target))
        else:
            raise ImportConfigError(
                gettext("Label map, line %(line)s: “%(target)s” is neither an OPD nor a news type.")
                % {"line": number, "target": target}
            )
    return result


def default_home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first() or Site.objects.first()
    if site is None:
        raise ImportConfigError(gettext("The site has no home page yet."))
    return site.root_page


def resolve_pages_parent(path):
    """The page at ``path`` (``/profil/`` or ``/id/profil/``, by Indonesian slug from the home page)."""
    page = default_home()
    segments = [segment for segment in (path or "").strip("/").split("/") if segment]
    if segments and segments[0] in ("id", "en"):
        segments = segments[1:]
    for segment in segments:
        child = page.get_children().filter(slug_ind=segment).first() or page.get_children().filter(slug=segment).first()
        if child is None:
            raise ImportConfigError(gettext("No page at “%(path)s” to put the static pages under.") % {"path": path})
        page = child
    if StandardPage not in page.specific_class.allowed_subpage_models():
        raise ImportConfigError(gettext("Standard pages cannot be placed under “%(path)s”.") % {"path": path})
    return page


def newsroom_for(opd):
    return OPDNewsroomPage.objects.filter(opd=opd).order_by("path").first()


# The run ------------------------------------------------------------------------------------------------------


def scan(path, file_format="auto"):
    """``(format, number of entries)`` after reading the whole file once; raises ``ExportError``."""
    found = sources.detect_format(path)
    if file_format not in ("auto", "", None):
        family = "blogger" if found in (sources.BLOGGER, sources.BLOGGER_CLASSIC) else found
        if family != file_format and found != file_format:
            raise sources.ExportError("wrong_format", f"{file_format}>{found}")
    total = 0
    for _entry in sources.read_entries(path, found):
        total += 1
    if not total:
        raise sources.ExportError("empty")
    return found, total


def run_import(path, options, progress=None):
    """Import the export at ``path`` with ``options``; returns the ``Report``. ``progress(done, total)`` is
    called as entries are processed. Raises ``ExportError`` (nothing changed) for an unreadable file."""
    language = translation.get_language()  # the report's; pages are written with Indonesian active
    with translation.override("id"):
        file_format, total = scan(path, options.file_format)
        importer = Importer(options, Report(file_format=file_format, dry_run=options.dry_run, total=total))
        importer.language = language
        try:
            with query_slug_check():
                importer.run(path, file_format, progress)
        finally:
            importer.media.close()
        return importer.report


class Importer:
    # A new live post is created and published in one step (``publish_new``); False takes Wagtail's publish
    # action instead, as updated pages always do (the tests compare the two).
    publish_in_one_write = True

    def __init__(self, options, report):
        self.language = "id"
        self.options = options
        self.report = report
        self.media = MediaLibrary(media_dir=options.media_dir, fetch=options.fetch_media, dry_run=options.dry_run)
        self.opds = OPDIndex()
        self.newsrooms = {}
        self.slugs = {}  # parent id -> Indonesian slugs in use
        self.pages_parent = options.pages_parent or default_home()
        if newsroom_for(options.opd) is None:
            raise ImportConfigError(
                gettext("The OPD %(opd)s has no newsroom yet: run manage.py setup_roles first.")
                % {"opd": options.opd.acronym}
            )

    def run(self, path, file_format, progress):
        entries = sources.read_entries(path, file_format)
        done = 0
        while True:
            batch = [entry for _n, entry in zip(range(BATCH), entries, strict=False)]
            if not batch:
                break
            # The side work of every save (search indexes, reference index, translation status) is done
            # once per batch, inside its transaction, and the site's generation changes once per batch.
            with transaction.atomic(), generation.batched(), bulk.deferring():
                self.last_child = {}
                self.batch_logs = []
                self.batch_redirects = {}
                self.remember_batch(batch)
                for entry in batch:
                    self.entry(entry)
                self.write_logs()
                self.write_redirects()
            done += len(batch)
            if progress:
                progress(done, self.report.total)

    def remember_batch(self, batch):
        """What the earlier runs imported from this batch's entries, in one query (not one per entry)."""
        ids = [entry.entry_id for entry in batch if entry.kind in (sources.POST, sources.PAGE)]
        self.known = {
            (known.source, known.entry_id): known
            for known in ImportedEntry.objects.filter(entry_id__in=ids).select_related("page")
        }

    # One entry ----------------------------------------------------------------------------------------------

    def entry(self, entry):
        counts = self.report.counts
        counts["comments"] += entry.comments
        if entry.kind == sources.COMMENT:
            counts["comments"] += 1
            return
        if entry.kind not in (sources.POST, sources.PAGE):
            counts["ignored"] += 1
            return
        label = entry.entry_id
        if entry.status == sources.TRASHED:
            return self.skip("trashed", entry)
        if not entry.title.strip():
            return self.skip("no_title", entry)
        if entry.published is None:
            return self.skip("bad_date", entry, date=entry.date_text or "—")
        try:
            cleaned = clean_html(entry.html)
        except BrokenHTML as error:
            return self.skip("broken_html", entry, detail=str(error))
        self.report.dropped.update(cleaned.dropped)
        digest = hashlib.sha256(
            json.dumps(
                [entry.kind, entry.status, entry.title, entry.published.isoformat(), entry.html, sorted(entry.labels)]
            ).encode()
        ).hexdigest()
        known = self.known.get((entry.source, label))
        page = known.page.specific if known else None
        if page is not None and known.content_hash == digest:
            counts["unchanged"] += 1
            self.redirects(entry, page)
            return
        if page is not None and page.latest_revision_id != known.revision_id:
            counts["kept"] += 1
            self.report.add("kept", entry=label, title=entry.title)
            return
        self.entry_logs = []
        try:
            with transaction.atomic():
                page = self.write(entry, cleaned, page, known, digest)
            self.batch_logs += self.entry_logs  # only once the entry's savepoint is kept
        except (ValidationError, DatabaseError, ValueError, TypeError) as error:
            # The entry's savepoint is rolled back, images stored for it included: forget them.
            self.media.known.clear()
            if isinstance(error, ValidationError):
                with translation.override(self.language):
                    detail = " ".join(dict.fromkeys(str(message) for message in error.messages))
                return self.skip("invalid", entry, detail=detail)
            logger.exception("Import: entry %s could not be written", entry.entry_id)
            return self.skip("invalid", entry, detail=type(error).__name__)
        counts["updated" if known else "created"] += 1
        if entry.status != sources.LIVE:
            counts["drafts"] += 1
        if page is not None:
            self.redirects(entry, page)

    def skip(self, code, entry, **params):
        self.report.counts["skipped"] += 1
        self.report.add(code, entry=entry.entry_id, title=Truncator(entry.title).chars(80) or "—", **params)

    def target(self, entry):
        """``(parent page, news type, tags)`` for an entry."""
        if entry.kind == sources.PAGE:
            return self.pages_parent, "", []
        opd, news_type, tags = None, "", []
        for label in entry.labels:
            mapped = self.options.label_map.get(label.lower())
            if mapped:
                opd = opd or mapped.opd
                news_type = news_type or mapped.news_type
                if not mapped.drop:
                    tags.append(label)
                continue
            tags.append(label)
            opd = opd or self.opds.find(label)
            news_type = news_type or news_type_for(label)
        opd = opd or self.options.opd
        if opd.pk not in self.newsrooms:
            self.newsrooms[opd.pk] = newsroom_for(opd) or newsroom_for(self.options.opd)
        return self.newsrooms[opd.pk], news_type or NewsType.BERITA, tags

    def unique_slug(self, parent, entry, own=None):
        taken = self.slugs.get(parent.pk)
        if taken is None:
            taken = self.slugs[parent.pk] = set(parent.get_children().values_list("slug_ind", flat=True))
        base = (slugify(entry.slug) or slugify(entry.title) or "tulisan")[:80].strip("-")
        slug, number = base, 1
        while slug in taken and slug != own:
            number += 1
            slug = f"{base}-{number}"
        taken.add(slug)
        return slug

    def place(self, parent, page):
        """Give ``page`` its place as ``parent``'s new last child (path, depth, locale), as treebeard's
        ``add_child`` does, with one difference for the import: the parent's row is locked and its last child
        read once per batch (treebeard does both for every page)."""
        last = self.last_child.get(parent.pk)
        if last is None:
            locked = Page.objects.select_for_update().only("path").get(pk=parent.pk)
            child = Page.objects.filter(path__startswith=locked.path, depth=parent.depth + 1).order_by("-path")
            last = child.values_list("path", flat=True).first() or ""
        page.depth = parent.depth + 1
        page.locale_id = parent.locale_id  # what Wagtail would look up (the default locale otherwise)
        page._cached_parent_obj = parent  # treebeard's own cache of get_parent(), read by Page.save
        if last:
            page.path = Page(path=last)._inc_path()
        else:
            page.path = Page._get_path(parent.path, page.depth, 1)

    def add_child(self, parent, page, log_action=False):
        """``parent.add_child(instance=page)`` as treebeard does it (``place``), the page saved without the
        draft's slug check (it is validated in full when it is published or, for a draft, by
        ``save_revision``). ``log_action=None`` leaves out the ``wagtail.create`` log entry (``publish_new``
        writes it with the batch's)."""
        if not page.path:
            self.place(parent, page)
        page.save(clean=False, log_action=log_action)
        self.last_child[parent.pk] = page.path
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)

    def publish_new(self, parent, page, published):
        """Create ``page`` under ``parent`` and publish it, dated ``published``: what ``add_child``,
        ``save_revision`` and Wagtail's publish action do for a new page, in two page writes instead of four.

        Wagtail's publish (``PublishPageRevisionAction``) saves the whole page again (both tables, its tags,
        wagtail-modeltranslation's read of the old row, the site-root check), validates it with a query per
        foreign key, and looks for comments, aliases, workflow states and other revisions to update; a page
        the import has just created has none of those. So here the page is validated once (``full_clean``,
        the same validation publishing does, before anything is written), inserted as the draft the normal
        path inserts, its revision made from it (the same content ``save_revision`` stores), and the fields
        publishing changes are written in one update. The signals (``published``, ``page_published``) are
        Wagtail's own, sent as its publish sends them; its two log entries (``wagtail.create``,
        ``wagtail.publish``) are written with the batch's (``log_later``).
        ``tests/news/importing/test_fast_publish.py`` imports the same export this way and through Wagtail's
        publish and compares the pages, revisions, log entries, indexes and the rest."""
        self.place(parent, page)
        page.live = True
        try:
            with one_check_per_clean():
                page.full_clean()
        finally:
            page.live = False
        children = dict(getattr(page, "_cluster_related_objects", {}))  # the save commits and forgets them
        self.add_child(parent, page, log_action=None)
        self.log_later(page, "wagtail.create", content_changed=True)
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            user=None,
            approved_go_live_at=None,
            content=new_page_data(page, children),
            object_str=str(page),
        )
        changes = {
            "live": True,
            "has_unpublished_changes": False,
            "expired": False,
            "draft_title": page.title,
            "latest_revision": revision,
            "latest_revision_created_at": revision.created_at,
            "live_revision": revision,
            "first_published_at": published,
            "last_published_at": published,
        }
        for name, value in changes.items():
            setattr(page, name, value)
        Page.objects.filter(pk=page.pk).update(**changes)
        generation.changed()  # an update() sends no signal (the page_published below changes it too)
        page_published.send(sender=page.specific_class, instance=page, revision=revision)
        published_signal.send(sender=type(page), instance=page, revision=revision)
        self.log_later(page, "wagtail.publish", revision=revision, content_changed=True)
        return revision

    def log_later(self, page, action, revision=None, content_changed=False):
        """The log entry Wagtail's ``log(instance=page, action=…)`` writes, kept to be written with the rest
        of the batch's in one ``bulk_create`` (``write_logs``) instead of one validation (a query per foreign
        key) and insert each. The fields are the ones ``PageLogEntryManager.log_action`` fills in."""
        context = get_active_log_context()
        self.entry_logs.append(
            PageLogEntry(
                content_type=ContentType.objects.get_for_model(page, for_concrete_model=False),
                label=page.get_admin_display_title(),
                action=action,
                timestamp=timezone.now(),
                data={},
                user=context.user,
                uuid=context.uuid,
                page=page,
                revision=revision,
                content_changed=content_changed,
            )
        )

    def write_logs(self):
        """The batch's log entries, each checked as Wagtail's ``save()`` checks it (a registered action)."""
        for entry in self.batch_logs:
            entry.clean()
        PageLogEntry.objects.bulk_create(self.batch_logs)
        self.batch_logs = []

    def body(self, entry, cleaned):
        blocks = []
        for kind, value in cleaned.blocks:
            if kind == "image":
                urls = [value.src]
                if value.link and image_key(value.link) == image_key(value.src):
                    urls.append(value.link)
                try:
                    image, created = self.media.get(urls, alt=value.alt, title=value.alt or entry.title)
                except MediaError as error:
                    self.report.counts["images_missing"] += 1
                    self.report.add(
                        "image_missing", entry=entry.entry_id, title=entry.title, url=urls[-1], reason=error.code
                    )
                    continue
                self.report.counts["images_new" if created else "images_reused"] += 1
                if image is not None:
                    blocks.append(("image", {"image": image.pk, "caption": value.caption, "credit": ""}))
            else:
                blocks.append((kind, value))
        return blocks

    def write(self, entry, cleaned, page, known, digest):
        parent, news_type, tags = self.target(entry)
        blocks = self.body(entry, cleaned)
        if self.options.dry_run:
            return None
        excerpt = BeautifulSoup(entry.excerpt, "html.parser").get_text(" ") if entry.excerpt else ""
        summary = Truncator(re.sub(r"\s+", " ", excerpt).strip()).chars(290) or Truncator(cleaned.text).words(
            40, truncate="…"
        )
        summary = Truncator(summary or entry.title).chars(290)
        fields = {
            "title": entry.title[:255],
            "title_ind": entry.title[:255],
            "summary_ind": summary,
            "body_ind": [{"type": kind, "value": value} for kind, value in blocks],
        }
        if entry.kind == sources.POST:
            fields.update(publication_date=entry.published, news_type=news_type)
            model = NewsPage
        else:
            model = StandardPage
        revision = None
        if page is None:
            slug = self.unique_slug(parent, entry)
            page = model(slug=slug, slug_ind=slug, live=False, **fields)
            if tags:
                page.tags.add(*(tag[:100] for tag in tags))
            if entry.status == sources.LIVE and self.publish_in_one_write:
                revision = self.publish_new(parent, page, entry.published)
            else:
                self.add_child(parent, page)
        else:
            for name, value in fields.items():
                setattr(page, name, value)
            if entry.kind == sources.POST:
                page.tags.clear()
                page.tags.add(*(tag[:100] for tag in tags))
        # Validated once: here for a draft or an updated page, by publishing for a new live one (add_child
        # saved it as a draft, which checks only the title and slug).
        if revision is None:
            revision = page.save_revision(clean=known is not None or entry.status != sources.LIVE)
            if entry.status == sources.LIVE:
                PublishImported(revision, page).execute()
                Page.objects.filter(pk=page.pk).update(
                    first_published_at=entry.published, last_published_at=entry.published
                )
        if known is None:
            known = ImportedEntry(source=entry.source, entry_id=entry.entry_id)
        known.page, known.content_hash, known.revision_id = page, digest, revision.pk
        known.save()
        self.known[(entry.source, entry.entry_id)] = known  # the same entry twice in one file
        return page

    def redirects(self, entry, page):
        if self.options.dry_run:
            self.report.counts["redirects"] += len(entry.old_paths)
            return
        for old in entry.old_paths:
            old_path = Redirect.normalise_path(old)
            if old_path != "/":
                self.batch_redirects[old_path] = page.pk  # written with the batch's (``write_redirects``)

    def write_redirects(self):
        """The batch's redirects, as ``Redirect.objects.update_or_create(site=None, old_path=…,
        defaults={"redirect_page": …, "is_permanent": True})`` writes each (the last page named for an
        address wins), in one read, one update and one insert."""
        wanted, self.batch_redirects = self.batch_redirects, {}
        if not wanted:
            return
        existing = {redirect.old_path: redirect for redirect in Redirect.objects.filter(site=None, old_path__in=wanted)}
        new = []
        for old_path, page_id in wanted.items():
            redirect = existing.get(old_path)
            if redirect is None:
                new.append(Redirect(site=None, old_path=old_path, redirect_page_id=page_id, is_permanent=True))
            else:
                redirect.redirect_page_id, redirect.is_permanent = page_id, True
        Redirect.objects.bulk_update(list(existing.values()), ["redirect_page", "is_permanent"])
        Redirect.objects.bulk_create(new)
        generation.changed()  # bulk writes send no signal
        self.report.counts["redirects"] += len(new)
