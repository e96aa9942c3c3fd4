"""Purge a CDN in front of the site when content changes (``wagtail.contrib.frontend_cache``).

A CDN cannot see the page cache's generation, so it is told which URLs a change touched:

- a page: its own URLs and routes in both languages (``get_cached_paths()``, declared by each page type),
  the routes of the other pages that list it (``cached_listings()`` on the page type: the newsroom and its
  per-OPD views and feeds, the heritage map's GeoJSON and CSV, the smart city board and exports...; by
  default its parent's routes), its live descendants (breadcrumbs, and what a restriction or an unpublish
  hides), the pages linking to it or linked from it (Wagtail's reference index: related lists), the home
  page, the sitemaps and the search pages;
- a page in the main menu (a child of the site's home page) or anything shown on every page (site settings,
  OPDs, the alert banner, a site): every URL of the site;
- an image or a document: the URLs of the pages using it (everything when it is used elsewhere, such as
  the site settings' logo).

URLs are worked out when the change happens (a moved or deleted page still has its old URLs) and purged
after the transaction commits, so a CDN is never told before the database can answer with the new state.
Fail open: a CDN that does not answer is logged and never breaks a publish (``HTTPPurgeBackend``).

Query strings (filters, pagination, search terms) cannot be listed: ``docs/performance.md`` says how the
CDN should treat them (kept no longer than the browser's copy).

``wagtail.contrib.frontend_cache`` is not in ``INSTALLED_APPS`` on purpose: its own signal handlers would
purge only a page's own URLs, in one language, before the transaction commits. Its backends and purge
task are used as they are; the task is run in the process that made the change rather than queued for the
worker (``manage.py db_worker``), so a stopped worker never leaves a withdrawn page on the CDN.
"""

import logging
import threading
from dataclasses import dataclass, field
from functools import partial
from urllib.error import HTTPError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import translation

from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.models import Page, PageViewRestriction, ReferenceIndex, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from home import bilingual

logger = logging.getLogger(__name__)

# Routes outside the page tree that list pages: under each language prefix, and without one.
LANGUAGE_PATHS = ("search/", "search/suggest/")
SITE_PATHS = ("/sitemap.xml", "/sitemap-pages.xml", "/sitemap-pages-id.xml")


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


# URLs of pages ----------------------------------------------------------------------------------------


def _root_url(page):
    """The site's root URL (scheme and host) a page is served under, or None when it is not under a site."""
    with translation.override(bilingual.DEFAULT_LANGUAGE):
        parts = page.get_url_parts()
    if not parts:
        return None
    _site_id, root_url, _path = parts
    return root_url


def route_urls(page, paths=None):
    """The full URLs of ``page`` with each of ``paths`` (its routes; default its ``get_cached_paths()``) in
    every language. Routes are not translated; the page's own slug path is."""
    page = page.specific_deferred
    paths = page.get_cached_paths() if paths is None else paths
    urls = set()
    for language in bilingual.LANGUAGE_CODES:
        with translation.override(language):
            base = page.get_full_url()
        if base:
            urls.update(base + path.lstrip("/") for path in paths)
    return urls


def site_urls(page):
    """The home page, sitemaps and search pages of the site ``page`` is in: every page change touches them."""
    root = _root_url(page)
    if not root:
        return set()
    urls = {root + path for path in SITE_PATHS}
    for language in bilingual.LANGUAGE_CODES:
        urls.update(f"{root}/{language}/{path}" for path in ("", *LANGUAGE_PATHS))
    return urls


def _linked_pages(page):
    """Live pages that link to ``page`` or that ``page`` links to (related lists, page choosers, rich text)."""
    page_type = ReferenceIndex._get_base_content_type(page)
    incoming = ReferenceIndex.get_references_to(page).filter(base_content_type=page_type).values("object_id")
    outgoing = ReferenceIndex.get_references_for_object(page).filter(to_content_type=page_type).values("to_object_id")
    pks = {int(pk) for pk in incoming.values_list("object_id", flat=True)}
    pks.update(int(pk) for pk in outgoing.values_list("to_object_id", flat=True))
    pks.discard(page.pk)
    return Page.objects.live().filter(pk__in=pks) if pks else Page.objects.none()


def subtree_urls(page):
    """The URLs and routes of ``page`` and of its live descendants, at their addresses as they are now."""
    urls = route_urls(page)
    for descendant in Page.objects.live().descendant_of(page).specific(defer=True).iterator():
        urls |= route_urls(descendant)
    return urls


def is_menu_page(page):
    """A page shown in the main menu of every page: a child of a site's home page."""
    return Site.objects.filter(root_page__depth=page.depth - 1, root_page__path=page.path[: -Page.steplen]).exists()


@dataclass
class Purge:
    """What to purge: these URLs, and every URL of the site (as it is after the commit) with ``everything``."""

    urls: set = field(default_factory=set)
    everything: bool = False

    def __or__(self, other):
        return Purge(self.urls | other.urls, self.everything or other.everything)


def page_urls(page):
    """A ``Purge`` of every URL showing ``page``, as it is now: see the module docstring."""
    page = page.specific_deferred
    if not page.url_path or page.depth < 2:
        return Purge()
    if page.depth > 2 and is_menu_page(page):
        # Everything, with the page's own addresses as they are now (it may be leaving them).
        return Purge(subtree_urls(page) | site_urls(page), everything=True)
    urls = subtree_urls(page)
    listings = getattr(page, "cached_listings", None)
    if listings is not None:
        related = listings()
    else:
        parent = page.get_parent()
        related = [(parent, None)] if parent is not None and parent.depth > 1 else []
    for other, paths in related:
        urls |= route_urls(other, paths)
    for linked in _linked_pages(page):
        urls |= route_urls(linked, ["/"])
    urls |= site_urls(page)
    return Purge(urls)


def everything():
    """Every URL of every site: each live page with its routes, and the site-wide routes."""
    urls = set()
    for page in Page.objects.live().filter(depth__gt=1).specific(defer=True).iterator():
        urls |= route_urls(page)
    for site in Site.objects.select_related("root_page"):
        urls |= site_urls(site.root_page)
    return urls


# Purging ---------------------------------------------------------------------------------------------


def purge(what):
    """Ask the configured CDN to drop what the ``Purge`` names. Never raises."""
    try:
        urls = set(what.urls)
        if what.everything:
            urls |= everything()
        if urls:
            purge_urls_from_cache_task.call(sorted(urls))
    except Exception:  # the CDN is a speed-up: a failed purge is logged, the change stands
        logger.exception("CDN purge failed")


def purge_after_commit(what):
    """Purge what the ``Purge`` names once the current transaction commits; nothing if it rolls back."""
    if enabled():
        transaction.on_commit(partial(purge, what))


def _safely(compute):
    """``compute()``, or everything when working the URLs out fails: purge too much, never too little."""
    try:
        return compute()
    except Exception:
        logger.exception("CDN purge: could not list the URLs of a change; purging everything")
        return Purge(everything=True)


# Signal handlers --------------------------------------------------------------------------------------


def page_changed(sender, instance, **kwargs):
    """Published or unpublished (scheduled go-live and expiry included): what shows it, as it is now."""
    if enabled():
        purge_after_commit(_safely(lambda: page_urls(instance)))


# The URLs of pages being moved, at their old place, by thread and page, until the move is done
# (Wagtail sends the two move signals with two different instances of the page).
_before_move = {}


def page_moving(sender, instance, **kwargs):
    """Before a move: the URLs at the old place."""
    if enabled():
        key = (threading.get_ident(), instance.pk)
        _before_move[key] = _safely(lambda: page_urls(Page.objects.get(pk=instance.pk)))


def page_moved(sender, instance, **kwargs):
    before = _before_move.pop((threading.get_ident(), instance.pk), Purge())
    if enabled():
        purge_after_commit(before | _safely(lambda: page_urls(Page.objects.get(pk=instance.pk))))


def page_deleting(sender, instance, **kwargs):
    """Before a delete: the page's URLs while it still has them (its descendants each send their own)."""
    if enabled() and isinstance(instance, Page) and instance.live:
        purge_after_commit(_safely(lambda: page_urls(instance)))


def page_saving(sender, instance, update_fields=None, **kwargs):
    """A slug changed in either language: the old URLs (of the page and everything under it) while the
    database still has them; the publish that goes with it purges the new ones."""
    if not (enabled() and isinstance(instance, Page) and instance.pk and instance.live):
        return
    names = [f"slug_{suffix}" for suffix in ("ind", "en")]
    if update_fields is not None and not set(update_fields) & {"slug", *names}:
        return
    old = Page.objects.filter(pk=instance.pk, live=True).values(*names).first()
    if old and any(old[name] != getattr(instance, name, None) for name in names):
        purge_after_commit(_safely(lambda: Purge(subtree_urls(Page.objects.get(pk=instance.pk)))))


def restriction_changed(sender, instance, **kwargs):
    """A view restriction added, changed or removed: the page and everything under it."""
    if enabled():
        purge_after_commit(_safely(lambda: page_urls(Page.objects.get(pk=instance.page_id))))


def shown_everywhere_changed(sender, **kwargs):
    """Site settings, OPDs, the alert banner, sites: on every page."""
    purge_after_commit(Purge(everything=True))


def media_changed(sender, instance, **kwargs):
    """An image or document: the pages using it; everything when something else uses it (the logo)."""
    if not enabled():
        return

    def compute():
        what = Purge()
        for source, _references in ReferenceIndex.get_grouped_references_to(instance):
            if not isinstance(source, Page):
                return Purge(everything=True)
            what |= page_urls(source)
        return what

    purge_after_commit(_safely(compute))


# What is shown on every page: by label, so that serving imports no feature app.
SHOWN_EVERYWHERE = ("home.SiteSettings", "home.OPD", "alerts.Alert", "wagtailcore.Site")


def connect():
    from django.apps import apps

    page_published.connect(page_changed, dispatch_uid="cdn-published")
    page_unpublished.connect(page_changed, dispatch_uid="cdn-unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="cdn-pre-move")
    post_page_move.connect(page_moved, dispatch_uid="cdn-post-move")
    pre_delete.connect(page_deleting, dispatch_uid="cdn-page-delete")
    pre_save.connect(page_saving, dispatch_uid="cdn-page-save")
    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="cdn-restriction-save")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="cdn-restriction-delete")
    for label in SHOWN_EVERYWHERE:
        model = apps.get_model(label)
        post_save.connect(shown_everywhere_changed, sender=model, dispatch_uid=f"cdn-save-{label}")
        post_delete.connect(shown_everywhere_changed, sender=model, dispatch_uid=f"cdn-delete-{label}")
    for label in (settings.WAGTAILIMAGES_IMAGE_MODEL, "wagtaildocs.Document"):
        model = apps.get_model(label)
        post_save.connect(media_changed, sender=model, dispatch_uid=f"cdn-save-{label}")
        pre_delete.connect(media_changed, sender=model, dispatch_uid=f"cdn-delete-{label}")


# The HTTP PURGE backend, with a timeout ---------------------------------------------------------------


class HTTPPurgeBackend(HTTPBackend):
    """Wagtail's HTTP PURGE backend (Varnish, nginx, any proxy that takes ``PURGE``), failing open.

    Wagtail's backend waits for an answer with no timeout, so a proxy that accepts the connection but
    never answers would hold the editor's publish forever, and it tries every URL of a batch even when the
    first could not connect. This one waits ``TIMEOUT`` seconds (``CDN_PURGE_TIMEOUT``) and stops the batch
    at the first URL that gets no answer, logging how many were not purged.
    """

    def __init__(self, params):
        params = dict(params)
        self.timeout = float(params.pop("TIMEOUT", 5))
        super().__init__(params)

    def _request(self, url):
        parsed = urlsplit(url)
        host = parsed.hostname + (f":{parsed.port}" if parsed.port else "")
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parsed.path, parsed.query, parsed.fragment])
        return PurgeRequest(url=target, headers={"Host": host, "User-Agent": "tanjungpinang-cms/frontendcache"})

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        urls = list(urls)
        for number, url in enumerate(urls):
            try:
                with urlopen(self._request(url), timeout=self.timeout):
                    pass
            except HTTPError as error:  # the proxy answered: it is there, this URL was refused
                logger.error("CDN purge of %s refused: HTTP %s %s", url, error.code, error.reason)
            except OSError as error:  # no connection, or no answer in time: the rest would wait as long
                logger.error(
                    "CDN at %s did not answer (%s): %d URL(s) not purged, from %s",
                    self.cache_netloc,
                    getattr(error, "reason", error),
                    len(urls) - number,
                    url,
                )
                return
