"""Keep each page's stored English state current.

The state is recomputed, inside the same transaction, whenever a revision of the page is saved
(drafts included) and when the page is published; unpublishing refreshes an existing row. Deleting
a page deletes its row (``on_delete=CASCADE``). ``manage.py update_translation_status`` recomputes everything, for pages
changed outside these paths (imports writing rows directly, pruned revisions).
"""

from django.db.models.signals import post_save

from wagtail.models import Page, Revision
from wagtail.signals import page_published, page_unpublished

from editorial.models import PageTranslationStatus
from editorial.status import BULK, update_page, update_pages
from serving import bulk

# Inside ``serving.bulk.deferring()`` (a bulk import), each page's state is computed once at the end of the
# batch (``BULK``), after its last revision and publication, instead of on every revision and publication.


def _is_page_revision(revision):
    model = revision.base_content_type.model_class() if revision.base_content_type_id else None
    return model is not None and issubclass(model, Page)


def on_revision_saved(sender, instance, raw=False, **kwargs):
    if not raw and _is_page_revision(instance) and not bulk.defer(BULK, int(instance.object_id)):
        update_page(int(instance.object_id))


def on_page_published(sender, instance, revision=None, **kwargs):
    if not bulk.defer(BULK, instance.pk):
        update_page(instance, [revision.pk] if revision is not None else ())


def on_page_unpublished(sender, instance, **kwargs):
    # Refresh an existing row only: Wagtail also sends this signal from ``pre_delete`` for a live page
    # being deleted, and a row created then would outlive the page.
    if PageTranslationStatus.objects.filter(page_id=instance.pk).exists():
        update_page(instance)


def connect():
    bulk.register(BULK, update_pages)
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="editorial.status.revision")
    page_published.connect(on_page_published, dispatch_uid="editorial.status.published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="editorial.status.unpublished")
