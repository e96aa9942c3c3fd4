"""Purge the anonymous page cache when content changes.

Publishing, unpublishing, moving or deleting a page purges, in every language:
- the page itself and everything under its URL (its routes: feeds, exports, plaques, pagination),
- its parent's URL and everything under it (the listing it appears in, and the listing's feeds),
- every other ancestor's own URL with any query string (home page included),
- the search pages and the sitemaps.
Site settings and OPDs appear on every page, so changing them purges the whole page cache.

Derived data (a newsroom's archive months, filter choices, site settings) is cached with
``remember()`` under the *content version*: a number that changes whenever a page, a view restriction,
an OPD, an image, a tag, a search promotion or the site settings are saved or deleted. Nothing has to
know which entries a change touches: after any change every entry is recomputed on first use, and the
old ones expire by themselves. Each worker also keeps a short-lived copy of what it read
(``_local_tier()``), so a page reads the shared cache once for the version rather than once per value.
"""

import functools
import re
import threading
import time

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.signals import request_started
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils import translation

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from wagtailcache.cache import clear_cache as clear_whole_cache
from wagtailcache.settings import wagtailcache_settings

from home import bilingual

HOST = r"^https?://[^/]+"


def _path_in(page, language):
    with translation.override(language):
        parts = page.get_url_parts()
    return parts[2] if parts else None


def _prefix(path):
    return f"{HOST}{re.escape(path)}"


def _exact(path):
    return f"{HOST}{re.escape(path)}(\\?.*)?$"


def purge_patterns(page, parent=None):
    """The URL patterns to purge for a change to ``page`` (optionally under a given parent)."""
    page = page.specific_deferred if hasattr(page, "specific_deferred") else page
    parent = parent or page.get_parent()
    ancestors = list(parent.get_ancestors(inclusive=True).filter(depth__gte=2)) if parent else []
    patterns = []
    for language in bilingual.LANGUAGE_CODES:
        own = _path_in(page, language)
        if own:
            patterns.append(_prefix(own))
        for ancestor in ancestors:
            path = _path_in(ancestor, language)
            if not path:
                continue
            patterns.append(_prefix(path) if ancestor.pk == parent.pk and ancestor.depth > 2 else _exact(path))
        patterns.append(_prefix(f"/{language}/search/"))
    patterns.append(f"{HOST}/sitemap")
    return patterns


def clear_cache(patterns):
    """Delete the cached pages whose URL matches any of ``patterns``.

    Same keyring walk as ``wagtailcache.cache.clear_cache(urls)``, but wagtail-cache 3.0 deletes a
    URL once per matching pattern and raises KeyError when two patterns match the same URL; here
    each URL is matched once.
    """
    if not wagtailcache_settings.WAGTAIL_CACHE or not patterns:
        return
    cache = caches[wagtailcache_settings.WAGTAIL_CACHE_BACKEND]
    keyring = cache.get("keyring") or {}
    compiled = [re.compile(pattern) for pattern in patterns]
    matched = [url for url in keyring if any(regex.match(url) for regex in compiled)]
    if not matched:
        return
    cache.delete_many([key for url in matched for key in keyring[url]])
    for url in matched:
        del keyring[url]
    cache.set("keyring", keyring)


def purge_page(page, parent=None):
    clear_cache(purge_patterns(page, parent))


def on_publish_change(sender, instance, **kwargs):
    purge_page(instance)


_pending_moves = {}


def on_page_pre_move(sender, instance, parent_page_before, **kwargs):
    # The old addresses and the old listing, computed while the page still sits there.
    _pending_moves[instance.pk] = purge_patterns(instance, parent_page_before)


def on_page_move(sender, instance, parent_page_after, **kwargs):
    clear_cache(_pending_moves.pop(instance.pk, []))
    purge_page(Page.objects.get(pk=instance.pk), parent_page_after)


def on_page_pre_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.depth and instance.depth > 1:
        instance._purge_patterns = purge_patterns(instance)


def on_page_post_delete(sender, instance, **kwargs):
    patterns = getattr(instance, "_purge_patterns", None)
    if patterns:
        clear_cache(patterns)


def purge_everything(sender, **kwargs):
    if wagtailcache_settings.WAGTAIL_CACHE:
        clear_whole_cache()


CONTENT_VERSION_KEY = "content-version"
# Seconds; with LOCAL_TIMEOUT, also bounds how late time-based changes (scheduled news dates) show.
DERIVED_TIMEOUT = 300
_request_memo = threading.local()


def _forget_request_memo(**kwargs):
    _request_memo.__dict__.clear()


def content_version():
    """The current content version (read from the shared cache once per request)."""
    version = getattr(_request_memo, "version", None)
    if version is None:
        cache = caches["default"]
        version = cache.get(CONTENT_VERSION_KEY)
        if version is None:
            cache.add(CONTENT_VERSION_KEY, time.time_ns(), None)
            version = cache.get(CONTENT_VERSION_KEY)
        _request_memo.version = version
    return version


def bump_content_version(**kwargs):
    caches["default"].set(CONTENT_VERSION_KEY, time.time_ns(), None)
    _forget_request_memo()


def remember(key, compute, timeout=DERIVED_TIMEOUT):
    """``compute()``'s value for ``key``, cached until the content changes (or ``timeout`` passes).

    The key must name everything the value depends on except the content: the language, a page's id,
    the filter. Values are pickled, so return plain data or model instances, never querysets.
    """
    value = recall(key)
    if value is MISSING:
        value = compute()
        keep(key, value, timeout)
    return value


def recall(key):
    """The value kept for ``key`` under the current content version, or ``MISSING``."""
    return recall_many([key]).get(key, MISSING)


def recall_many(keys):
    """``{key: value}`` for those of ``keys`` kept under the current content version: this worker's copy
    first, then one read of the shared cache for the rest."""
    wanted = {_derived_key(key): key for key in keys}
    found = {}
    local = _local_tier()
    if local is not None:
        found = local.get_many(list(wanted))
    rest = [derived for derived in wanted if derived not in found]
    if rest:
        shared = caches["default"].get_many(rest)
        if local is not None and shared:
            local.set_many(shared, LOCAL_TIMEOUT)
        found.update(shared)
    return {wanted[derived]: value for derived, value in found.items()}


def keep(key, value, timeout=DERIVED_TIMEOUT):
    """Keep ``value`` for ``key`` until the content changes: ``remember()`` in two steps, for a caller
    that decides after computing whether the value is worth keeping."""
    keep_many({key: value}, timeout)


def keep_many(values, timeout=DERIVED_TIMEOUT):
    """``keep()`` for each ``{key: value}`` of ``values`` (one write to the shared cache)."""
    if not values:
        return
    derived = {_derived_key(key): value for key, value in values.items()}
    caches["default"].set_many(derived, timeout)
    local = _local_tier()
    if local is not None:
        local.set_many(derived, min(LOCAL_TIMEOUT, timeout))


# Each worker keeps its own copy of the derived values it reads, for LOCAL_TIMEOUT seconds, so that a
# page reads the shared cache once (the content version) instead of once per value: a value never
# changes under its key, since the key names the content version. Local memory pickles what it keeps,
# so every read is a fresh copy, as from Redis. The copy can outlive the shared entry by LOCAL_TIMEOUT:
# time-based changes show at most DERIVED_TIMEOUT + LOCAL_TIMEOUT seconds late.
LOCAL_TIMEOUT = 30


def _local_tier():
    """The per-worker tier, or None when the shared cache is itself this process's memory."""
    if isinstance(caches["default"], LocMemCache):
        return None
    return caches["derived-local"]


def _derived_key(key):
    return f"derived:{key}:{content_version()}"


MISSING = object()


def _content_changed(sender, instance, **kwargs):
    if isinstance(instance, _watched_models()):
        bump_content_version()


@functools.cache
def _watched_models():
    from wagtail.contrib.search_promotions.models import SearchPromotion
    from wagtail.models import PageViewRestriction, Site

    from taggit.models import Tag

    from home.models import OPD, SiteSettings
    from images.models import CityImage

    # View restrictions decide what public() lists (related news, archives, menus); search promotions
    # decide which searches look for promoted results.
    return (Page, PageViewRestriction, Site, SiteSettings, OPD, CityImage, Tag, SearchPromotion)


def connect():
    from home.models import OPD, SiteSettings

    request_started.connect(_forget_request_memo, dispatch_uid="home.cache.request_memo")
    post_save.connect(_content_changed, dispatch_uid="home.cache.content_saved")
    post_delete.connect(_content_changed, dispatch_uid="home.cache.content_deleted")

    page_published.connect(on_publish_change, dispatch_uid="home.cache.published")
    page_unpublished.connect(on_publish_change, dispatch_uid="home.cache.unpublished")
    pre_page_move.connect(on_page_pre_move, dispatch_uid="home.cache.pre_move")
    post_page_move.connect(on_page_move, dispatch_uid="home.cache.moved")
    pre_delete.connect(on_page_pre_delete, dispatch_uid="home.cache.pre_delete")
    post_delete.connect(on_page_post_delete, dispatch_uid="home.cache.post_delete")
    for model in (SiteSettings, OPD):
        post_save.connect(purge_everything, sender=model, dispatch_uid=f"home.cache.{model.__name__}")
        post_delete.connect(purge_everything, sender=model, dispatch_uid=f"home.cache.{model.__name__}.delete")
