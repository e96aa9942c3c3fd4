"""Keep the index current: publish, unpublish, move, delete and privacy changes."""

from django.db.models.signals import post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models import OPD
from search import indexing, synonyms
from search.models import SearchEntry
from serving import bulk

# Inside ``serving.bulk.deferring()`` (a bulk import), published and unpublished pages are indexed once
# at the end of the batch by ``indexing.index_pages``.
BULK = indexing.BULK


def on_published(sender, instance, **kwargs):
    if not bulk.defer(BULK, instance.pk):
        indexing.index_page(instance)


def on_unpublished(sender, instance, **kwargs):
    if not bulk.defer(BULK, instance.pk):
        indexing.unindex_page(instance.pk)


def on_moved(sender, instance, **kwargs):
    # A move can put a page (and its subtree) under a private section, or take it out.
    indexing.index_subtree(instance)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        indexing.unindex_page(instance.pk)


def on_entry_deleted(sender, instance, **kwargs):
    indexing.delete_fts([instance.pk])


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        indexing.index_subtree(page)


def on_opd_saved(sender, instance, **kwargs):
    # The agency's acronym = full name entries follow every change of the agency (raw: fixture loading).
    if not kwargs.get("raw"):
        synonyms.sync_opd(instance)


def connect():
    bulk.register(BULK, indexing.index_pages)
    page_published.connect(on_published, dispatch_uid="search.page_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search.page_unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search.post_page_move")
    post_delete.connect(on_page_deleted, dispatch_uid="search.page_deleted")
    post_delete.connect(on_entry_deleted, sender=SearchEntry, dispatch_uid="search.entry_deleted")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")
    post_save.connect(on_opd_saved, sender=OPD, dispatch_uid="search.opd_saved")
