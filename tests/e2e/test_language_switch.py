"""A visitor switches language on each page type and lands on the same page."""

import pytest

from tests.factories.pages import home_page, standard_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def site(live_server):
    home = home_page()
    about = standard_page(home, "Tentang Kota", "About the city", slug_ind="tentang-kota", slug_en="about-the-city")
    return live_server.url, home, about


def switch(page):
    page.click(".language-switcher a")
    page.wait_for_load_state()


@pytest.mark.parametrize(
    "start, target",
    [
        ("/id/", "/en/"),
        ("/en/", "/id/"),
        ("/id/tentang-kota/", "/en/about-the-city/"),
        ("/en/about-the-city/", "/id/tentang-kota/"),
        ("/id/tidak-ada/", "/en/tidak-ada/"),
    ],
)
def test_switcher_lands_on_same_page_in_other_language(site, page, start, target):
    base, _home, _about = site
    page.goto(base + start)
    switch(page)
    assert page.url == base + target
    assert page.locator("html").get_attribute("lang") == target.split("/")[1]
