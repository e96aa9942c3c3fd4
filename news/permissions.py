"""Who may write and publish news: one group per OPD, a communications (Diskominfo) editors group, and
the moderation workflow between them.

Each OPD's contributors get add/change permission on that OPD's newsroom (an OPDNewsroomPage under
the city newsroom) and nothing else; they cannot publish. The "Diskominfo editors" group may add,
change and publish anywhere in the city newsroom, and is the reviewer of the "News review" workflow,
which applies to every page under the city newsroom. Everything here is idempotent.

Issue 8 adds more roles: add them here, next to these, so that group and permission setup stays in one
module.
"""

from dataclasses import dataclass, field

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.models import OPD
from news.models import NewsIndexPage, OPDNewsroomPage

MODERATORS_GROUP = "Diskominfo editors"
WORKFLOW_NAME = "News review"
REVIEW_TASK_NAME = "Diskominfo review"

CONTRIBUTOR_PAGE_PERMISSIONS = ("add_page", "change_page")
MODERATOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# Media every news writer needs: choose and upload images and documents.
MEDIA_PERMISSIONS = (
    ("wagtailimages", "image", ("add_image", "choose_image")),
    ("wagtaildocs", "document", ("add_document", "choose_document")),
)


def contributor_group_name(opd):
    """The group of ``opd``'s news contributors; named by the OPD's slug, which never changes."""
    return f"News contributors: {opd.slug}"


@dataclass
class SetupReport:
    groups_created: list = field(default_factory=list)
    newsrooms_created: list = field(default_factory=list)
    permissions_added: int = 0
    workflow_created: bool = False


def _page_permissions(codenames):
    return list(Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames))


def _grant_admin_and_media(group, report):
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    if not group.permissions.filter(pk=admin.pk).exists():
        group.permissions.add(admin)
        report.permissions_added += 1
    root = Collection.get_first_root_node()
    for app_label, model, codenames in MEDIA_PERMISSIONS:
        content_type = ContentType.objects.get(app_label=app_label, model=model)
        for permission in Permission.objects.filter(content_type=content_type, codename__in=codenames):
            _obj, created = GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )
            report.permissions_added += created


def _grant_pages(group, page, codenames, report):
    for permission in _page_permissions(codenames):
        _obj, created = GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)
        report.permissions_added += created


def ensure_newsroom(index, opd, report=None):
    """``opd``'s newsroom under the city newsroom ``index``, created (and published) when missing."""
    newsroom = OPDNewsroomPage.objects.filter(opd=opd).first()
    if newsroom is not None:
        return newsroom
    with translation.override("id"):
        newsroom = OPDNewsroomPage(
            opd=opd,
            title_ind=f"Berita {opd.acronym}",
            title_en=f"{opd.acronym} news",
            slug=opd.slug,
            slug_ind=opd.slug,
            slug_en=opd.slug,
        )
        index.add_child(instance=newsroom)
        newsroom.save_revision().publish()
    if report is not None:
        report.newsrooms_created.append(newsroom)
    return newsroom


def ensure_moderators(index, report):
    group, created = Group.objects.get_or_create(name=MODERATORS_GROUP)
    if created:
        report.groups_created.append(group.name)
    _grant_admin_and_media(group, report)
    _grant_pages(group, index, MODERATOR_PAGE_PERMISSIONS, report)
    return group


def ensure_workflow(index, moderators, report):
    """The "News review" workflow, with one Diskominfo review step, on the whole city newsroom."""
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.add(moderators)
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
        report.workflow_created = True
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


def ensure_contributors(index, opd, report):
    newsroom = ensure_newsroom(index, opd, report)
    group, created = Group.objects.get_or_create(name=contributor_group_name(opd))
    if created:
        report.groups_created.append(group.name)
    _grant_admin_and_media(group, report)
    _grant_pages(group, newsroom, CONTRIBUTOR_PAGE_PERMISSIONS, report)
    return group


def setup_news_permissions(index=None, opds=None):
    """Create or complete every newsroom, group, permission and the review workflow. Safe to run again.

    ``index`` defaults to every city newsroom; ``opds`` to every active OPD.
    """
    report = SetupReport()
    indexes = [index] if index is not None else list(NewsIndexPage.objects.all())
    opds = list(opds) if opds is not None else list(OPD.objects.filter(active=True))
    for city_newsroom in indexes:
        moderators = ensure_moderators(city_newsroom, report)
        ensure_workflow(city_newsroom, moderators, report)
        for opd in opds:
            ensure_contributors(city_newsroom, opd, report)
    return report
