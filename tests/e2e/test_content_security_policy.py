"""The Content-Security-Policy breaks nothing: no violation on any public page type (the map included), and
the admin's editor and live preview work under the admin's policy."""

from django.contrib.auth import get_user_model

import pytest

from heritage_pages.models import HeritageIndexPage
from home.bilingual import page_url
from tests.factories.demo import representative_paths, seed_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Recorded by the browser itself for every violation, whatever the console says (init scripts are not
# subject to the page's policy).
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


def violations(page):
    return page.evaluate("window.__cspViolations || []")


def csp_console_errors(page):
    return [error for error in page.console_errors if "Content Security Policy" in error]


def test_public_pages_and_the_map_run_without_a_violation(live_server, page):
    seed_demo()
    page.add_init_script(RECORD_VIOLATIONS)
    found = {}
    for path in representative_paths(include_errors=True):
        response = page.goto(live_server.url + path)
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        if violations(page):
            found[path] = violations(page)
    for language in ("id", "en"):
        page.goto(live_server.url + page_url(HeritageIndexPage.objects.live().first(), language))
        page.wait_for_selector("#heritage-map .leaflet-marker-icon", timeout=10000)
        if violations(page):
            found[f"map {language}"] = violations(page)
    assert found == {}
    assert csp_console_errors(page) == []


def test_the_admin_editor_and_preview_work_under_the_admin_policy(live_server, page):
    from tests.factories.pages import home_page

    home = home_page()
    get_user_model().objects.create_superuser("editor", "editor@example.com", "correct-horse-battery")
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse-battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    assert violations(page) == []
    page.goto(f"{live_server.url}/admin/pages/add/home/standardpage/{home.pk}/")
    page.fill("#id_title_ind", "Layanan Kependudukan")
    page.fill("#id_title_en", "Population Services")
    page.click("[data-side-panel-toggle='preview']")
    frame = page.frame_locator("iframe[title]").first
    frame.locator("h1").wait_for(timeout=15000)
    assert violations(page) == []
    assert csp_console_errors(page) == []
