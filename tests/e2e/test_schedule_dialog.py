"""The schedule dialog: the date picker an editor opens does not cover "Save schedule" (Simpan jadwal)."""

from django.contrib.auth import get_user_model

import pytest

from tests.factories.pages import home_page, standard_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Whether the element at the centre of the dialog's "Save schedule" button is that button (or inside it).
BUTTON_ON_TOP = """() => {
    const button = document.querySelector("#schedule-publishing-dialog button.action-save");
    const box = button.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return button.contains(top);
}"""


@pytest.fixture
def schedule_dialog(live_server, page):
    """An editor on a page's edit view with the schedule dialog open (the browser window of a laptop)."""
    home = home_page()
    about = standard_page(home, "Tentang Kota", "About the city")
    get_user_model().objects.create_superuser("editor", "editor@example.com", "correct-horse-battery")
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "correct-horse-battery")
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    page.goto(f"{live_server.url}/admin/pages/{about.pk}/edit/")
    page.click("[data-side-panel-toggle='status']")
    page.click("[data-a11y-dialog-show='schedule-publishing-dialog']")
    page.wait_for_selector("#schedule-publishing-dialog button.action-save", state="visible")
    return page


@pytest.mark.parametrize("field", ["go_live_at", "expire_at"])
def test_date_picker_leaves_save_schedule_uncovered(schedule_dialog, field):
    """With either date picker open, the button is what a click at its centre reaches."""
    page = schedule_dialog
    page.click(f"#id_{field}")
    picker = page.locator("#schedule-publishing-dialog .xdsoft_datetimepicker:visible")
    picker.wait_for(state="visible")
    assert page.evaluate(BUTTON_ON_TOP)
    picker.locator(".xdsoft_date:not(.xdsoft_disabled)").last.click()  # a day early next month
    assert page.input_value(f"#id_{field}")
    with page.expect_navigation():
        page.click("#schedule-publishing-dialog button.action-save")
    assert page.locator(".messages .success").count() == 1
    assert page.console_errors == []
