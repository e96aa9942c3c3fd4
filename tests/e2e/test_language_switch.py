"""A visitor switches language on every page type and lands on the same page, in a real browser."""

import pytest

from tests.factories.demo import representative_paths, seed_demo
from tests.factories.pages import home_page, standard_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def switch(page):
    page.click(".language-switcher a")
    page.wait_for_load_state()


def test_switcher_on_every_page_type_of_the_demo(live_server, page):
    """For one page of each type (and search), switching lands on that page's other-language URL and back."""
    seed_demo()
    checked = 0
    for path in representative_paths(include_errors=False):
        if not path.startswith("/id/"):
            continue
        page.goto(live_server.url + path)
        start = page.url
        expected = page.locator('link[rel="alternate"][hreflang="en"]').get_attribute("href")
        switch(page)
        assert page.locator("html").get_attribute("lang") == "en", path
        if expected:  # a translated page: the switcher goes exactly to its English alternate
            assert page.url == expected, path
        switch(page)
        assert page.url == start, path
        checked += 1
    assert checked >= 8


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
def test_switcher_lands_on_same_page_in_other_language(live_server, page, start, target):
    home = home_page()
    standard_page(home, "Tentang Kota", "About the city", slug_ind="tentang-kota", slug_en="about-the-city")
    page.goto(live_server.url + start)
    switch(page)
    assert page.url == live_server.url + target
    assert page.locator("html").get_attribute("lang") == target.split("/")[1]
