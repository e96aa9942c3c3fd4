"""An editor logs in, writes a page in both languages, previews each language and publishes it."""

from django.contrib.auth import get_user_model

from wagtail.users.models import UserProfile

import pytest

from home.models import StandardPage
from tests.factories.pages import home_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def editor_session(live_server, page):
    home = home_page()
    editor = get_user_model().objects.create_superuser("editor", "editor@example.com", "correct-horse-battery")
    # The preview panel and a preview tab render at the same time, and each would create the editor's profile
    # (the userbar reads it) on first use; the test database is SQLite's shared-cache memory database, where a
    # write holds the whole table, so the second render failed with "database table is locked".
    UserProfile.get_for_user(editor)
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse-battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    return live_server.url, home


def test_indonesian_fields_are_visible_without_console_errors(editor_session, page):
    """The locale picker finds the "[id]" labels (not "[ind]"), so the Indonesian title and slug show."""
    base, home = editor_session
    page.goto(f"{base}/admin/pages/add/home/standardpage/{home.pk}/")
    page.wait_for_selector("#id_title_ind")
    assert page.is_visible("#id_title_ind")
    assert page.is_visible("#id_title_en")  # both languages side by side by default
    page.get_by_role("tab").nth(1).click()  # Promote
    assert page.is_visible("#id_slug_ind")
    assert page.is_visible("#id_slug_en")
    assert page.console_errors == []


def test_create_preview_both_languages_and_publish(editor_session, page):
    base, home = editor_session
    page.goto(f"{base}/admin/pages/add/home/standardpage/{home.pk}/")
    page.fill("#id_title_ind", "Layanan Kependudukan")
    page.fill("#id_summary_ind", "Cara mengurus KTP dan KK di Tanjungpinang.")
    page.fill("#id_title_en", "Population Services")
    page.fill("#id_summary_en", "How to get an ID card and family card in Tanjungpinang.")
    page.get_by_role("tab").nth(1).click()  # Promote
    page.fill("#id_slug_ind", "layanan-kependudukan")
    page.fill("#id_slug_en", "population-services")

    preview_url = f"{base}/admin/pages/add/home/standardpage/{home.pk}/preview/"
    # Open the preview panel: the editor posts the form to the preview URL; wait for that answer, not a while.
    posted = lambda response: response.url.startswith(preview_url) and response.request.method == "POST"  # noqa: E731
    with page.expect_response(posted):
        page.click("[data-side-panel-toggle='preview']")
    for mode, lang, title in (("id", "id", "Layanan Kependudukan"), ("en", "en", "Population Services")):
        preview = page.context.new_page()
        preview.goto(f"{preview_url}?mode={mode}")
        assert preview.locator("html").get_attribute("lang") == lang
        assert preview.locator("h1").inner_text() == title
        preview.close()

    page.click(".w-dropdown--dropdown-button .w-dropdown__toggle")
    page.click("button[name='action-publish']")
    page.wait_for_url(f"{base}/admin/pages/{home.pk}/")
    created = StandardPage.objects.get(slug_ind="layanan-kependudukan")
    assert created.live and created.title_en == "Population Services"
    page.goto(f"{base}/en/population-services/")
    assert page.locator("h1").inner_text() == "Population Services"
    page.goto(f"{base}/id/layanan-kependudukan/")
    assert page.locator("h1").inner_text() == "Layanan Kependudukan"
