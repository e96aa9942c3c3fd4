"""The editorial roles (Administrator, Editor, Translator, OPD contributor) and the review workflow.

Each role is one Django group whose name carries the Indonesian and the English word, so that staff find
it whatever their admin language is; the names are stable and documented in docs/editorial.md. The OPD
contributor groups (one per OPD, scoped to that OPD's newsroom) live in ``news/permissions.py`` next to
the newsrooms they depend on. ``cms/roles.py`` sets every role up, each app's part included (the
``setup_roles`` command). Everything here is idempotent.

Wagtail 7.4 page permissions are add, change, publish, lock, unlock and bulk_delete; there is no separate
"delete": a group with "change" may delete pages that are not live. Translators get "change" only, and
``may_delete`` (enforced by the ``before_delete_page``/``before_move_page``/``before_bulk_action`` hooks
in ``editorial/wagtail_hooks.py``) refuses deleting or moving a page to anyone without "add" or
"publish" on it, so that "edit" never means "delete".
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Task,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.models.pages import PAGE_PERMISSION_CODENAMES

from editorial.models import EditorialReviewTask

ADMINISTRATORS_GROUP = "Administrator (Diskominfo)"
EDITORS_GROUP = "Editor / Redaktur"
TRANSLATORS_GROUP = "Translator / Penerjemah"
CONTRIBUTORS_GROUP_PREFIX = "OPD contributor / Kontributor OPD: "
WORKFLOW_NAME = "Editorial review / Tinjauan redaksi"
REVIEW_TASK_NAME = "Editor approval / Persetujuan redaktur"

# Names used before issue 8; renamed in place so existing members and permissions carry over.
LEGACY_NAMES = {
    "group": {EDITORS_GROUP: "Diskominfo editors"},
    "workflow": {WORKFLOW_NAME: "News review"},
    "task": {REVIEW_TASK_NAME: "Diskominfo review"},
}
LEGACY_CONTRIBUTORS_GROUP_PREFIX = "News contributors: "

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
TRANSLATOR_PAGE_PERMISSIONS = ("change_page",)
CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page", "change_page")

# (app label, model, codenames) on the root collection.
ALL_MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "change_image", "delete_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "change_document", "delete_document", "choose_document")),
)
# What every page writer needs: choose and upload images and documents, and edit their own uploads.
WRITER_MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "choose_document")),
)
# A translator picks existing images and documents but uploads nothing.
CHOOSER_MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("choose_image",)),
    ("wagtaildocs", "document", ("choose_document",)),
)
# Model permissions of editors, beyond the admin itself: the OPD register (no delete: an OPD that ends
# is marked inactive and keeps its content), redirects (needed when an address changes), promoted
# search results and the site-wide alert banner.
EDITOR_MODEL_PERMISSIONS = (
    ("home", "opd", ("add_opd", "change_opd", "view_opd")),
    ("wagtailredirects", "redirect", ("add_redirect", "change_redirect", "delete_redirect")),
    ("wagtailsearchpromotions", "searchpromotion", ("add_searchpromotion", "change_searchpromotion")),
    ("alerts", "alert", ("add_alert", "change_alert", "delete_alert", "view_alert")),
)


@dataclass
class SetupReport:
    groups_created: list = field(default_factory=list)
    newsrooms_created: list = field(default_factory=list)
    permissions_added: int = 0
    workflow_created: bool = False


def contributor_group_name(opd):
    """The group of ``opd``'s contributors; named by the OPD's slug, which never changes."""
    return f"{CONTRIBUTORS_GROUP_PREFIX}{opd.slug}"


def ensure_group(name, report, legacy_name=None):
    """The group called ``name``; a group still called ``legacy_name`` is renamed rather than duplicated."""
    group = Group.objects.filter(name=name).first()
    if group is None and legacy_name:
        group = Group.objects.filter(name=legacy_name).first()
        if group is not None:
            group.name = name
            group.save(update_fields=["name"])
    if group is None:
        group = Group.objects.create(name=name)
        report.groups_created.append(name)
    return group


def grant_model_permissions(group, permission_specs, report):
    """Add ``(app_label, model, codenames)`` permissions to ``group``; missing apps are skipped."""
    for app_label, model, codenames in permission_specs:
        permissions = Permission.objects.filter(
            content_type__app_label=app_label, content_type__model=model, codename__in=codenames
        )
        missing = permissions.exclude(pk__in=group.permissions.values("pk"))
        report.permissions_added += missing.count()
        group.permissions.add(*missing)


def grant_admin_access(group, report):
    grant_model_permissions(group, [("wagtailadmin", "admin", ("access_admin",))], report)


def grant_media(group, permission_specs, report):
    """Collection permissions on the root collection, so they cover every collection."""
    root = Collection.get_first_root_node()
    for app_label, model, codenames in permission_specs:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        for permission in Permission.objects.filter(content_type=content_type, codename__in=codenames):
            _obj, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
            report.permissions_added += created


def grant_pages(group, page, codenames, report):
    permissions = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    for permission in permissions:
        _obj, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        report.permissions_added += created


def site_home_pages():
    """The root page of every site: "all public content" is everything under these."""
    from wagtail.models import Site

    return list(Page.objects.filter(pk__in=Site.objects.values("root_page_id")).order_by("path"))


def ensure_administrators(report):
    """Every model permission, every page permission on the tree root and every media permission."""
    group = ensure_group(ADMINISTRATORS_GROUP, report)
    missing = Permission.objects.exclude(pk__in=group.permissions.values("pk"))
    report.permissions_added += missing.count()
    group.permissions.add(*missing)
    grant_pages(group, Page.get_first_root_node(), PAGE_PERMISSION_CODENAMES, report)
    grant_media(group, ALL_MEDIA_PERMISSIONS, report)
    return group


def ensure_editors(report, home_pages=None):
    """Edit and publish every page under each site's home page, all media, and the register snippets."""
    group = ensure_group(EDITORS_GROUP, report, LEGACY_NAMES["group"][EDITORS_GROUP])
    grant_admin_access(group, report)
    grant_model_permissions(group, EDITOR_MODEL_PERMISSIONS, report)
    grant_media(group, ALL_MEDIA_PERMISSIONS, report)
    for home in site_home_pages() if home_pages is None else home_pages:
        grant_pages(group, home, EDITOR_PAGE_PERMISSIONS, report)
    return group


def ensure_translators(report, home_pages=None):
    """Edit (not add, publish or delete) every page under each site's home page, and submit it for review."""
    group = ensure_group(TRANSLATORS_GROUP, report)
    grant_admin_access(group, report)
    grant_media(group, CHOOSER_MEDIA_PERMISSIONS, report)
    for home in site_home_pages() if home_pages is None else home_pages:
        grant_pages(group, home, TRANSLATOR_PAGE_PERMISSIONS, report)
    return group


def _get_or_rename(model, name):
    """The workflow or task called ``name``, renamed from its pre-issue-8 name if need be, or None."""
    found = model.objects.filter(name=name).first()
    if found is None:
        legacy = LEGACY_NAMES["workflow" if model is Workflow else "task"].get(name)
        found = model.objects.filter(name=legacy).first() if legacy else None
        if found is not None:
            found.name = name
            found.save(update_fields=["name"])
    return found


def ensure_review_workflow(editors, report, roots):
    """One workflow with one step, on the pages ``roots``: an editor approves (the page goes live) or
    rejects with a comment."""
    task = _get_or_rename(GroupApprovalTask, REVIEW_TASK_NAME)
    if task is None:
        task = EditorialReviewTask.objects.create(name=REVIEW_TASK_NAME)
    task = as_editorial_review_task(task)
    task.groups.add(editors)
    workflow = _get_or_rename(Workflow, WORKFLOW_NAME)
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        report.workflow_created = True
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for root in roots:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return workflow


def as_editorial_review_task(task):
    """``task`` (a plain group approval task from before the two-person rule) as an EditorialReviewTask,
    the same task with its groups and history, converted in place; unchanged when it is one already."""
    found = EditorialReviewTask.objects.filter(pk=task.pk).first()
    if found is not None:
        return found
    converted = EditorialReviewTask(groupapprovaltask_ptr=task)
    converted.__dict__.update({key: value for key, value in task.__dict__.items() if not key.startswith("_")})
    converted.save_base(raw=True)
    Task.objects.filter(pk=task.pk).update(content_type=ContentType.objects.get_for_model(EditorialReviewTask))
    return EditorialReviewTask.objects.get(pk=task.pk)


def may_delete(user, page):
    """Deleting or moving a page needs "add" or "publish" on it: a translator's "change" is not enough."""
    if user.is_superuser:
        return True
    tester = page.permissions_for_user(user)
    return bool({"add", "publish"} & tester.permissions)
