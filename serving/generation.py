"""The site-wide generation: one number that names the state of everything an anonymous visitor can see.

Every cache key of the site includes it: whole pages (``serving.pagecache``) and derived data and fragments
(``serving.derived``). After a change is committed the number changes, so nothing cached before the change
is read again (old entries simply expire); nobody has to know which URLs or values a change touched.

What bumps it, by construction rather than by list:
- ``post_save``, ``post_delete`` and ``m2m_changed`` of EVERY model, except those in ``IGNORED`` below,
  which never change a public answer. A new app's models are covered with no code.
- Wagtail's page signals: published, unpublished (scheduled go-live and expiry by ``publish_scheduled``
  go through them), moved. View restrictions are models (``PageViewRestriction`` and its groups), so
  adding, changing or removing one is a save, a delete or an ``m2m_changed``.
Changes that send no signal (``QuerySet.update()``, ``bulk_create``, raw SQL) must call ``changed()``.
A bulk writer wraps its batch in ``batched()``: one new generation at the batch's end, not one per save.

When: in ``transaction.on_commit``, once the change is visible to every other connection. A request
that read the old number may still be rendering the old state; it stores its answer under the old
number, which nobody reads again. The number is also changed at once inside an open transaction, so
that reads outside a request in this process (a command, a test) until the commit do not reuse values
cached before the change (harmless for the others: they at worst cache the pre-commit state under a
number the commit replaces).

Reading: once per request (``request_scope``, opened by ``serving.middleware.PageCacheMiddleware``), and
afresh on every call outside a request (management commands, tasks, tests), so no copy of the number
outlives the request that read it. A request keeps the number it read to its end, even if it makes a
change itself: what it stores is then stored under the number from before its change, never read again. A hit on the page cache reads it and the page: no database query.

The value is ``time.time_ns()`` at the bump: unique even if the cache lost the key (evicted, a Redis
restart without its data), so an old entry can never match a new number.
"""

import contextlib
import contextvars
import functools
import time

from django.conf import settings
from django.core.cache import caches
from django.db import connections, router, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import page_published, page_unpublished, post_page_move

from serving import cache as failopen

KEY = "generation"
CACHE_ALIAS = "default"

# Models whose rows never change what an anonymous visitor is shown, by app label or "app_label.Model".
IGNORED = {
    # Log-in sessions (the session engine is the database): written on every editor's request.
    "sessions.Session": "visitors' and editors' sessions",
    # The "Popular searches" counts, written after responses (search/querylog.py); shown only in the admin.
    "search.QueryLog": "search counts, admin report only",
    # Audit trails, shown only in the admin.
    "admin.LogEntry": "Django admin history",
    "wagtailcore.PageLogEntry": "Wagtail's page history",
    "wagtailcore.ModelLogEntry": "Wagtail's snippet and settings history",
    # A draft revision is not public; publishing it saves the page, which does bump.
    "wagtailcore.Revision": "draft revisions",
    # Moderation and collaboration, admin only.
    "wagtailcore.WorkflowState": "workflow progress",
    "wagtailcore.TaskState": "workflow task progress",
    "wagtailcore.Comment": "editors' comments",
    "wagtailcore.CommentReply": "editors' comment replies",
    "wagtailcore.PageSubscription": "editors' comment notifications",
    "wagtailadmin.EditingSession": "who is editing a page (pinged every few seconds from the editor)",
    "wagtailusers.UserProfile": "editors' admin preferences",
    # Bookkeeping the admin keeps for itself.
    "wagtailcore.ReferenceIndex": "the admin's usage index, rewritten after every save",
    "wagtailcore.UploadedFile": "files uploaded to the admin before they are saved as images or documents",
    # Caches of what is already shown, written while a page renders: an image size made on first use,
    # an embed's oEmbed answer fetched on first use. The image and the page that shows them bump.
    "wagtailembeds.Embed": "oEmbed answers, written while rendering",
    # Background task results (django-tasks-db, whose app label this is), admin and operations only.
    "django_tasks_database": "background task results",
    # The PPID's e-mails to requesters, written again on every (background) send or retry; admin only.
    "ppid.OutboxEmail": "e-mails to requesters",
    # Log-in bookkeeping (django-axes): failed and successful log-in attempts.
    "axes": "log-in attempts",
}
# User rows are shown nowhere public, but a user's groups decide group-restricted pages (m2m_changed
# bumps); the one write every log-in makes (``last_login``) changes nothing public.
LOGIN_BOOKKEEPING = {"last_login"}

_memo = contextvars.ContextVar("serving_generation_memo", default=None)


@contextlib.contextmanager
def request_scope():
    """Read the generation at most once inside this block (one request), and forget it at its end."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def in_request_scope():
    return _memo.get() is not None


def memoized(name, compute):
    """``compute()``, once per request scope (afresh on every call outside one)."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if name not in memo:
        memo[name] = compute()
    return memo[name]


def current():
    """The generation this request sees, or None when the cache cannot be reached (then nothing is cached)."""
    memo = _memo.get()
    if memo is not None and "value" in memo:
        return memo["value"]
    cache = caches[CACHE_ALIAS]
    failed_before = failopen.failures()
    value = cache.get(KEY)
    if value is None and failopen.failures() == failed_before:  # missing, not unreachable
        cache.add(KEY, time.time_ns(), None)  # the first reader names the first generation
        value = cache.get(KEY)
    if value is not None and failopen.outage_seen():
        # Bumps made while the cache was unreachable were lost; whatever it holds from before is suspect.
        value = bump()
    if memo is not None:
        memo["value"] = value
    return value


def bump():
    """Make a new generation now (prefer ``changed()``, which waits for the commit); returns it."""
    value = time.time_ns()
    caches[CACHE_ALIAS].set(KEY, value, None)
    return value


_batch = contextvars.ContextVar("serving_generation_batch", default=None)


@contextlib.contextmanager
def batched():
    """Inside this block, changes note themselves and the generation changes once, at the block's end
    (exception or not: a missed change would serve stale pages), as ``changed()`` does: at once, and again
    when the transaction open then commits. For bulk writers (the post importer), whose every save would
    otherwise make a new generation. Nested blocks belong to the outermost one. Per thread (or task)."""
    if _batch.get() is not None:
        yield
        return
    aliases = set()
    token = _batch.set(aliases)
    try:
        yield
    finally:
        _batch.reset(token)
        for alias in sorted(aliases):
            changed(alias)


def changed(using=None):
    """Note a change to public content: a new generation after the current transaction commits (at once
    outside a transaction), and at once too inside one (see the module docstring)."""
    alias = using or router.db_for_write(None)
    batch = _batch.get()
    if batch is not None:
        batch.add(alias)
        return
    connection = connections[alias]
    if connection.in_atomic_block:
        bump()
    transaction.on_commit(bump, using=connection.alias)


@functools.cache
def _is_ignored(model):
    from wagtail.images.models import AbstractRendition

    if issubclass(model, AbstractRendition):  # image sizes made while rendering (see IGNORED)
        return True
    opts = model._meta
    return opts.app_label in IGNORED or f"{opts.app_label}.{opts.object_name}" in IGNORED


def _holds_only_defaults(instance):
    """True for a settings row that only holds its fields' defaults: Wagtail creates one on first read
    (``for_site``/``load``), and it shows visitors exactly what the missing row showed, so nothing changed."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting

    if not isinstance(instance, (BaseSiteSetting, BaseGenericSetting)):
        return False
    for field in instance._meta.concrete_fields:
        if field.primary_key or field.name == "site" or field.attname == "site_id":
            continue
        default = field.get_default() if field.has_default() else (None if field.null else "")
        if getattr(instance, field.attname) != default:
            return False
    return True


def _saved(sender, instance, using=None, update_fields=None, created=False, **kwargs):
    if _is_ignored(sender):
        return
    if created and _holds_only_defaults(instance):
        return
    if update_fields and set(update_fields) <= LOGIN_BOOKKEEPING and sender._meta.label == settings.AUTH_USER_MODEL:
        return
    changed(using)


def _deleted(sender, instance, using=None, **kwargs):
    if not _is_ignored(sender):
        changed(using)


def _m2m_changed(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and not _is_ignored(type(instance)):
        changed(using)


def _page_signal(sender, instance, **kwargs):
    changed()


def connect():
    post_save.connect(_saved, dispatch_uid="serving.generation.saved")
    post_delete.connect(_deleted, dispatch_uid="serving.generation.deleted")
    m2m_changed.connect(_m2m_changed, dispatch_uid="serving.generation.m2m")
    # Each comes with a page save too; connected for themselves so that the rule does not depend on it.
    page_published.connect(_page_signal, dispatch_uid="serving.generation.published")
    page_unpublished.connect(_page_signal, dispatch_uid="serving.generation.unpublished")
    post_page_move.connect(_page_signal, dispatch_uid="serving.generation.moved")
