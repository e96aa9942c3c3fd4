"""Load a page's revisions, compute its English state and store it (the database side of the feature).

The rules themselves are pure functions in ``editorial/translation_state.py``.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Count
from django.utils import timezone

from modeltranslation.translator import NotRegistered, translator
from wagtail.models import Page, PageLogEntry, Revision

from editorial.models import PageTranslationStatus, TranslationState
from editorial.translation_state import Snapshot, compute_state
from serving import bulk, generation

# Page fields that never decide the state: the slug and URL path are addresses (an empty English
# slug falls back to the Indonesian one), and the SEO title and search description are optional
# overrides that most pages leave empty in both languages.
IGNORED_FIELDS = frozenset({"slug", "url_path", "seo_title", "search_description"})

# Page types name their agency field once, as ``site_search_opd_field = "lead_opd"`` (the same
# declaration site search reads); ``opd_field`` overrides it; "owner_opd" is the default.
DEFAULT_OPD_FIELD = "owner_opd"

# Inside ``serving.bulk.deferring()`` (a bulk import), each page's state is computed once at the end of the
# batch by ``update_pages`` (``editorial.signals`` notes the pages).
BULK = "editorial.status"


def translated_fields(model):
    """The translated fields of a page type that decide its state, title first, then in model order."""
    try:
        names = set(translator.get_options_for_model(model).all_fields) - IGNORED_FIELDS
    except NotRegistered:
        return []
    order = [f.name for f in model._meta.get_fields()]
    return sorted(names, key=lambda name: (name != "title", order.index(name) if name in order else len(order)))


def opd_field_name(model):
    """The name of the page type's foreign key to its owning OPD, or None."""
    name = getattr(model, "opd_field", None) or getattr(model, "site_search_opd_field", None)
    if name:
        return name
    try:
        model._meta.get_field(DEFAULT_OPD_FIELD)
    except FieldDoesNotExist:
        return None
    return DEFAULT_OPD_FIELD


def published_revision_ids(page, extra=()):
    """The revisions of ``page`` that were published: from its publish log, its live revision and ``extra``."""
    ids = set(
        PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish", revision_id__isnull=False).values_list(
            "revision_id", flat=True
        )
    )
    if page.live_revision_id:
        ids.add(page.live_revision_id)
    ids.update(extra)
    return ids


def page_snapshots(page, extra_published=()):
    """The page's revisions, oldest first; a page without revisions is its own single snapshot."""
    revisions = list(page.revisions.order_by("created_at", "id").values_list("id", "content"))
    if not revisions:
        return [Snapshot(page.serializable_data(), page.live)]
    published = published_revision_ids(page, extra_published)
    return [Snapshot(content, pk in published) for pk, content in revisions]


def compute_for_page(page, extra_published=()):
    """The ``TranslationResult`` of a (specific) page."""
    page = page.specific_deferred if type(page) is Page else page
    return compute_state(page_snapshots(page, extra_published), translated_fields(type(page)))


def update_page(page, extra_published=()):
    """Recompute and store the state of ``page`` (a Page or its id); returns the row, or None if it is gone."""
    if not isinstance(page, Page):
        page = Page.objects.filter(pk=page).first()
        if page is None:
            return None
    if page.depth is not None and page.depth <= 1:
        return None  # the tree root is not a page anyone edits
    page = page.specific
    result = compute_for_page(page, extra_published)
    opd_field = opd_field_name(type(page))
    status, _created = PageTranslationStatus.objects.update_or_create(
        page_id=page.pk,
        defaults={
            "state": result.state,
            "stale_fields": result.stale_fields,
            "empty_fields": result.empty_fields,
            "opd_id": getattr(page, f"{opd_field}_id", None) if opd_field else None,
        },
    )
    return status


def update_pages(page_ids):
    """Recompute and store the state of the pages with these ids, as ``update_page`` does for each, with one
    read of their revisions, of their publish log and of their stored states, one insert and one update;
    ids of pages gone since are skipped."""
    pages = [page for page in bulk.specific_pages(page_ids) if page.depth > 1]
    if not pages:
        return
    ids = [str(page.pk) for page in pages]
    content_types = {page.pk: ContentType.objects.get_for_model(page, for_concrete_model=False).pk for page in pages}
    revisions = {}  # (content type id, object id) -> [(id, content)], oldest first, as ``page.revisions``
    for content_type_id, object_id, pk, content in (
        Revision.objects.filter(object_id__in=ids, content_type_id__in=set(content_types.values()))
        .order_by("created_at", "id")
        .values_list("content_type_id", "object_id", "id", "content")
    ):
        revisions.setdefault((content_type_id, object_id), []).append((pk, content))
    published = {}  # page id -> the revision ids its publish log names
    for page_id, revision_id in PageLogEntry.objects.filter(
        page_id__in=content_types, action="wagtail.publish", revision_id__isnull=False
    ).values_list("page_id", "revision_id"):
        published.setdefault(page_id, set()).add(revision_id)
    stored = set(PageTranslationStatus.objects.filter(page_id__in=content_types).values_list("page_id", flat=True))
    new, changed = [], []
    now = timezone.now()
    for page in pages:
        page_revisions = revisions.get((content_types[page.pk], str(page.pk)))
        if page_revisions:
            published_ids = published.get(page.pk, set()) | ({page.live_revision_id} - {None})
            snapshots = [Snapshot(content, pk in published_ids) for pk, content in page_revisions]
        else:
            snapshots = [Snapshot(page.serializable_data(), page.live)]
        result = compute_state(snapshots, translated_fields(type(page)))
        opd_field = opd_field_name(type(page))
        status = PageTranslationStatus(
            page_id=page.pk,
            state=result.state,
            stale_fields=result.stale_fields,
            empty_fields=result.empty_fields,
            opd_id=getattr(page, f"{opd_field}_id", None) if opd_field else None,
            updated_at=now,
        )
        (changed if page.pk in stored else new).append(status)
    PageTranslationStatus.objects.bulk_create(new)
    PageTranslationStatus.objects.bulk_update(
        changed, ["state", "stale_fields", "empty_fields", "opd_id", "updated_at"]
    )
    generation.changed()  # bulk writes send no signal


def update_all():
    """Recompute every page's state (idempotent); returns the counts per state."""
    for page in Page.objects.filter(depth__gt=1).specific().iterator(chunk_size=200):
        update_page(page)
    # Inside a bulk block, the pages saved so far need no update at its end: they were just computed.
    bulk.discard(BULK)
    return state_counts(PageTranslationStatus.objects.all())


def state_counts(statuses):
    """``{state: count}`` for every state (zeros included), in TranslationState order."""
    found = dict(statuses.order_by().values_list("state").annotate(n=Count("pk")))
    return {state: found.get(state, 0) for state in TranslationState.values}
