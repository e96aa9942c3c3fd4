"""Keep each page's stored English state current.

A page is recomputed once per transaction, after it commits, whenever one of its revisions is saved,
it is saved itself (created, moved, saved in code), published or unpublished. Deleting a page deletes
its row (``on_delete=CASCADE``). ``manage.py update_translation_status`` recomputes everything.
"""

from django.db.models.signals import post_save

from wagtail.models import Page, Revision
from wagtail.signals import page_published, page_unpublished

from editorial.status import schedule_update


def _is_page_revision(revision):
    model = revision.base_content_type.model_class() if revision.base_content_type_id else None
    return model is not None and issubclass(model, Page)


def on_revision_saved(sender, instance, **kwargs):
    if _is_page_revision(instance):
        schedule_update(int(instance.object_id))


def on_page_saved(sender, instance, raw=False, **kwargs):
    if not raw and isinstance(instance, Page) and instance.pk and instance.depth and instance.depth > 1:
        schedule_update(instance.pk)


def on_page_published(sender, instance, revision=None, **kwargs):
    schedule_update(instance.pk, [revision.pk] if revision is not None else ())


def on_page_unpublished(sender, instance, **kwargs):
    schedule_update(instance.pk)


def connect():
    post_save.connect(on_revision_saved, sender=Revision, dispatch_uid="editorial.status.revision")
    post_save.connect(on_page_saved, dispatch_uid="editorial.status.page")
    page_published.connect(on_page_published, dispatch_uid="editorial.status.published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="editorial.status.unpublished")
