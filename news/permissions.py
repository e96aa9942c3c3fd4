"""Who may write news: one contributors group per OPD, scoped to that OPD's newsroom.

Each OPD's contributors get add/change permission on that OPD's newsroom (an OPDNewsroomPage under
the city newsroom) and nothing else; they cannot publish. The editors ("Editor / Redaktur") may add,
change and publish anywhere, and review what contributors submit through the editorial review workflow,
which applies to every page under the city newsroom. The roles themselves (administrator, editor,
translator) and the workflow are set up in ``editorial/roles.py``; this module adds what depends on the
newsrooms, and ``cms/roles.py`` (the ``setup_roles`` command) runs both. Everything here is idempotent.
"""

from django.utils import translation

from editorial import roles
from editorial.roles import CONTRIBUTOR_PAGE_PERMISSIONS, SetupReport, contributor_group_name
from home.models import OPD
from news.models import NewsIndexPage, OPDNewsroomPage


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
        # add_child has just validated the live page in full; publishing validates it once more.
        newsroom.save_revision(clean=False).publish()
    if report is not None:
        report.newsrooms_created.append(newsroom)
    return newsroom


def ensure_contributors(index, opd, report):
    """``opd``'s contributors group: add and change (never publish) on its newsroom only."""
    newsroom = ensure_newsroom(index, opd, report)
    legacy_name = f"{roles.LEGACY_CONTRIBUTORS_GROUP_PREFIX}{opd.slug}"
    group = roles.ensure_group(contributor_group_name(opd), report, legacy_name)
    roles.grant_admin_access(group, report)
    roles.grant_media(group, roles.WRITER_MEDIA_PERMISSIONS, report)
    roles.grant_pages(group, newsroom, CONTRIBUTOR_PAGE_PERMISSIONS, report)
    return group


def setup_news_permissions(index=None, opds=None, report=None):
    """Create or complete every newsroom, contributors group, the editors and the review workflow.

    ``index`` defaults to every city newsroom; ``opds`` to every active OPD. Safe to run again.
    """
    report = report if report is not None else SetupReport()
    indexes = [index] if index is not None else list(NewsIndexPage.objects.all())
    opds = list(opds) if opds is not None else list(OPD.objects.filter(active=True))
    for city_newsroom in indexes:
        editors = roles.ensure_editors(report, home_pages=[city_newsroom.page_ptr])
        roles.ensure_review_workflow(editors, report, roots=[city_newsroom.page_ptr])
        for opd in opds:
            ensure_contributors(city_newsroom, opd, report)
    return report


def scope_admin_pages(pages, user):
    """``pages`` narrowed to what ``user`` may see in the admin's explorer, chooser and search.

    A user with page permissions only on some subtrees (an OPD contributor: their newsroom) sees the pages
    in those subtrees, drafts included, and elsewhere only published pages (which the page chooser needs for
    links; they are public anyway), never another OPD's drafts. The same rule for every role: editors and
    translators hold their permissions on the home page, so they see every page; superusers see all.
    """
    from django.db.models import Q

    from wagtail.models import GroupPagePermission

    if not user.is_authenticated or user.is_superuser:
        return pages
    roots = set(GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True).distinct())
    visible = Q(live=True)
    for path in roots:
        visible |= Q(path__startswith=path)
    return pages.filter(visible)
