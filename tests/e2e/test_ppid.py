"""The PPID request form, its errors, the confirmation and the status page have no axe-core WCAG 2.1 A/AA
violations, in both languages, on a phone-sized viewport; a visitor submits a request in a real
browser and reaches their status page."""

import pytest

from tests.e2e.test_accessibility import AXE, WCAG_TAGS
from tests.factories.demo import seed_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def axe_violations(page):
    page.evaluate(AXE)  # not a <script> tag: the Content-Security-Policy allows no inline script
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes'][:3]]}" for v in result["violations"]]


@pytest.mark.parametrize(
    "path,submit",
    [("/id/ppid/permohonan-informasi/", "Kirim permohonan"), ("/en/ppid/request-information/", "Send the request")],
)
def test_request_flow_is_accessible(live_server, page, path, submit):
    seed_demo()
    page.set_viewport_size({"width": 412, "height": 900})
    found = {}
    page.goto(live_server.url + path)
    found["form"] = axe_violations(page)
    page.get_by_role("button", name=submit).click()
    page.wait_for_load_state()
    assert page.locator("#form-errors").count() == 1
    found["errors"] = axe_violations(page)
    page.fill("#id_name", "Rina Wati")
    page.fill("#id_email", "rina@example.org")
    page.fill("#id_address", "Jl. Pos 2")
    page.fill("#id_identity_number", "2172010101019876")
    page.fill("#id_information_requested", "Salinan kontrak")
    page.fill("#id_purpose", "Pengawasan")
    page.check("#id_obtain_method_1")
    page.check("#id_delivery_method_2")
    page.get_by_role("button", name=submit).click()
    page.wait_for_load_state()
    found["done"] = axe_violations(page)
    page.click(".ppid-status-link")
    page.wait_for_load_state()
    assert "/status/" in page.url
    found["status"] = axe_violations(page)
    assert {name: violations for name, violations in found.items() if violations} == {}
    assert page.console_errors == []
