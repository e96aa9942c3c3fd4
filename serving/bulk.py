"""Bulk writes: the work every save triggers, done once per batch instead of once per save.

Saving and publishing one page triggers side work: Wagtail's admin search index, its reference index (usage
counts), our site search index (``search``) and the page's translation status (``editorial``). Each is done
again on every save of the same object (Wagtail saves a page three times to create and publish it). A bulk
writer (the post importer) wraps a batch in ``deferring()``: inside it, each owner's handler notes the object
with ``defer(kind, key)`` and skips its work; when the block ends without an exception, each owner's bulk
pass runs once over the distinct objects noted. Inside a transaction (the importer's batch), the passes run
before the commit, so the batch and its side work commit together or not at all: a crash leaves nothing half
done. On an exception nothing runs (the caller's transaction is rolled back; outside one, the owners'
rebuild commands put things right, and all of them can be run again: ``rebuild_site_search``,
``update_translation_status``, Wagtail's ``update_index`` and ``rebuild_references_index``).

A bulk pass gets the keys of every object noted, including objects whose savepoint was rolled back since:
it must skip what no longer exists.

The switch is a context variable, so it holds for this thread (or task) only: other requests served by the
same process meanwhile keep the ordinary per-save behaviour.

Wagtail's two handlers cannot ask us, so ``install()`` (called before Wagtail connects them: ``serving`` comes
before the Wagtail apps in ``INSTALLED_APPS``) puts a wrapper in their place that defers inside a block and
calls the original outside one.
"""

import contextlib
import contextvars
import logging

logger = logging.getLogger(__name__)

_pending = contextvars.ContextVar("serving_bulk_pending", default=None)
_passes = {}  # kind -> bulk pass, a function of the list of keys

WAGTAIL_SEARCH = "wagtail.search"  # keys: (model, pk)
WAGTAIL_REFERENCES = "wagtail.references"  # keys: (model, pk)


def register(kind, bulk_pass):
    """Name the function that does ``kind``'s work for a list of keys at the end of a ``deferring()`` block."""
    _passes[kind] = bulk_pass


def is_deferring():
    return _pending.get() is not None


def defer(kind, key):
    """Inside ``deferring()``: note ``key`` for ``kind``'s bulk pass and return True (skip the work now).
    Outside: return False (do it now)."""
    pending = _pending.get()
    if pending is None:
        return False
    pending.setdefault(kind, {})[key] = None  # a dict keeps the order and drops repeats
    return True


def discard(kind):
    """Inside ``deferring()``: forget the keys noted so far for ``kind``, because its owner has just done that
    work for every object (a full rebuild); objects saved after this are noted again. Outside: nothing."""
    pending = _pending.get()
    if pending is not None:
        pending.pop(kind, None)


@contextlib.contextmanager
def deferring():
    """Defer registered side work to one bulk pass per kind when the block ends (see the module docstring).
    A nested block belongs to the outer one."""
    if _pending.get() is not None:
        yield
        return
    pending = {}
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    # Only after a clean exit: after an exception the transaction is rolled back or broken.
    token = _loaded.set({})
    try:
        for kind, keys in pending.items():
            _passes[kind](list(keys))
    finally:
        _loaded.reset(token)


# The objects the passes read, shared: each is read from the database once for all the passes of a block (they
# only read them), with what it caches (a page body's images, read once instead of once per pass).
_loaded = contextvars.ContextVar("serving_bulk_loaded", default=None)


def specific_pages(page_ids):
    """``Page.objects.filter(pk__in=page_ids).specific()`` (pages gone since left out, in path order); during
    the passes, each page is read once for all of them."""
    from wagtail.models import Page

    loaded = _loaded.get()
    if loaded is None:
        return list(Page.objects.filter(pk__in=page_ids).specific())
    pages = loaded.setdefault(Page, {})
    missing = [pk for pk in page_ids if pk not in pages]
    if missing:
        for page in Page.objects.filter(pk__in=missing).specific():
            pages[page.pk] = page
        for pk in missing:
            pages.setdefault(pk, None)
    return sorted((pages[pk] for pk in dict.fromkeys(page_ids) if pages[pk] is not None), key=lambda page: page.path)


# Wagtail's handlers ---------------------------------------------------------------------------------------------


def _objects(keys):
    """``{model: [instances]}`` for ``(model, pk)`` keys, one query per model; gone objects left out."""
    from wagtail.models import Page

    by_model = {}
    for model, pk in keys:
        by_model.setdefault(model, []).append(pk)
    found = {}
    for model, pks in by_model.items():
        found[model] = []
        if issubclass(model, Page) and _loaded.get() is not None:
            # The shared specific page, when the object was saved as its specific type (as a page is).
            shared = {page.pk: page for page in specific_pages(pks) if type(page) is model}
            found[model] = list(shared.values())
            pks = [pk for pk in pks if pk not in shared]
        if pks:
            found[model] += list(model._default_manager.filter(pk__in=pks))
    return found


def wagtail_search_pass(keys):
    """Wagtail's admin search index for the objects saved: one bulk write per model and backend."""
    from modelsearch.index import get_indexed_instance, get_search_backends_with_name

    for objects in _objects(keys).values():
        instances = [get_indexed_instance(obj, check_exists=False) for obj in objects]
        instances = [instance for instance in instances if instance is not None]
        if not instances:
            continue
        indexed = type(instances[0])
        ids = set(
            indexed.get_indexed_objects().filter(pk__in=[obj.pk for obj in instances]).values_list("pk", flat=True)
        )
        instances = [instance for instance in instances if instance.pk in ids]
        for name, backend in get_search_backends_with_name(with_auto_update=True):
            try:
                backend.add_bulk(indexed, instances)
            except Exception:
                # As Wagtail's own handler: an external backend's failure must not lose the edit.
                logger.exception("Bulk indexing %s in the '%s' search backend failed", indexed.__name__, name)
                if not backend.catch_indexing_errors:
                    raise


def wagtail_references_pass(keys):
    """Wagtail's reference index for the objects saved: what ``ReferenceIndex.create_or_update_for_object``
    does for each, with one read of the rows already there, one ``bulk_create`` and one delete per model. As in
    Wagtail's own task, a child object (an inline with a ``ParentalKey``) is indexed as part of its parent,
    never on its own."""
    from modelcluster.fields import ParentalKey
    from wagtail.models import ReferenceIndex

    owners = {}
    while keys:
        parents = []
        for model, objects in _objects(keys).items():
            parental = next((f for f in model._meta.get_fields() if isinstance(f, ParentalKey)), None)
            for obj in objects:
                if parental is None:
                    owners[(model, obj.pk)] = obj
                elif getattr(obj, parental.attname) is not None:  # no parent: nothing to index, as in Wagtail
                    parents.append((parental.related_model, getattr(obj, parental.attname)))
        keys = [key for key in dict.fromkeys(parents) if key not in owners]
    by_model = {}
    for (model, _pk), obj in owners.items():
        if ReferenceIndex.is_indexed(model):
            by_model.setdefault(model, []).append(obj)
    for model, objects in by_model.items():
        _update_references(model, objects)


def _update_references(model, objects):
    """One model's share of ``wagtail_references_pass``."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from wagtail.models import ReferenceIndex

    # The content types of the model and its ancestors, most specific first, as Wagtail finds them.
    content_types = [
        ContentType.objects.get_for_model(each, for_concrete_model=False)
        for each in [objects[0], *model._meta.get_parent_list()]
    ]
    content_type, base_content_type = content_types[0], content_types[-1]
    known_content_type_ids = {each.id for each in content_types}
    found = {obj.pk: set(ReferenceIndex._extract_references_from_object(obj)) for obj in objects}
    existing = {}  # object id -> {reference: (content type id, row id)}
    rows = ReferenceIndex.objects.filter(base_content_type=base_content_type, object_id__in=list(found))
    for pk, object_id, content_type_id, *reference in rows.values_list(
        "id", "object_id", "content_type_id", "to_content_type", "to_object_id", "model_path", "content_path"
    ):
        existing.setdefault(object_id, {})[tuple(reference)] = (content_type_id, pk)
    new_rows, stale_ids = [], []
    for object_id, references in found.items():
        known = existing.get(str(object_id), {})
        new_rows += [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=base_content_type,
                object_id=object_id,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for to_content_type_id, to_object_id, model_path, content_path in references - set(known)
        ]
        # A row under another content type than the model's own or its ancestors' belongs to a more
        # specific model (Wagtail keeps it, as here).
        stale_ids += [
            pk
            for reference, (content_type_id, pk) in known.items()
            if reference not in references and content_type_id in known_content_type_ids
        ]
    ignore = {"ignore_conflicts": True} if connection.features.supports_ignore_conflicts else {}
    ReferenceIndex.objects.bulk_create(new_rows, **ignore)
    if stale_ids:
        ReferenceIndex.objects.filter(id__in=stale_ids).delete()


def install():
    """Put the deferring wrappers in place of Wagtail's per-save search and reference-index handlers."""
    from wagtail import signal_handlers as core_handlers

    from modelsearch import signal_handlers as search_handlers

    search_original = search_handlers.post_save_signal_handler
    references_original = core_handlers.update_reference_index_on_save
    if getattr(search_original, "deferrable", False):
        return

    def post_save_signal_handler(instance, **kwargs):
        if kwargs.get("raw") or not defer(WAGTAIL_SEARCH, (type(instance), instance.pk)):
            search_original(instance, **kwargs)

    def update_reference_index_on_save(instance, **kwargs):
        if getattr(core_handlers.reference_index_auto_update_disabled, "value", False):
            return  # Wagtail's own switch: no reference index now, nor later
        if kwargs.get("raw") or not defer(WAGTAIL_REFERENCES, (type(instance), instance.pk)):
            references_original(instance, **kwargs)

    post_save_signal_handler.deferrable = update_reference_index_on_save.deferrable = True
    search_handlers.post_save_signal_handler = post_save_signal_handler
    core_handlers.update_reference_index_on_save = update_reference_index_on_save
    register(WAGTAIL_SEARCH, wagtail_search_pass)
    register(WAGTAIL_REFERENCES, wagtail_references_pass)
