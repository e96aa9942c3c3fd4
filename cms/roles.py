"""Every role of the site in one place: the editorial roles and what each app adds to them.

The roles themselves (administrators, editors, translators) and the review workflow are the editorial
app's (``editorial/roles.py``); the OPD contributors' newsrooms are the newsroom's (``news/permissions.py``)
and the PPID staff group is the PPID's (``ppid/roles.py``). This module is the one that knows every app,
so it sits above them all; ``manage.py setup_roles`` runs it. Safe to run again.
"""

from editorial import roles
from news.models import NewsIndexPage
from news.permissions import setup_news_permissions
from ppid.roles import setup_ppid_roles
from smartcity.models import SmartCityIndexPage


def review_workflow_roots():
    """Where the review workflow applies: each site's home page, every city newsroom and masterplan.

    The home page covers every page a translator may submit; the newsroom and the masterplan are named
    too, so that news and programmes stay under review even if the home page's assignment is changed.
    """
    roots = roles.site_home_pages()
    roots += [page.page_ptr for page in NewsIndexPage.objects.order_by("path")]
    roots += [page.page_ptr for page in SmartCityIndexPage.objects.order_by("path")]
    return roots


def setup_roles():
    """Create or complete every role group, its permissions and the review workflow. Safe to run again."""
    report = roles.SetupReport()
    roles.ensure_administrators(report)
    editors = roles.ensure_editors(report)
    roles.ensure_translators(report)
    roles.ensure_review_workflow(editors, report, roots=review_workflow_roots())
    setup_news_permissions(report=report)  # a newsroom and a contributors group per OPD
    setup_ppid_roles(report)  # the PPID group, and OPD contributors in the register
    return report
