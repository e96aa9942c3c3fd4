"""A visitor switches language on every page type and lands on the same page, in a real browser."""

import pytest

from tests.factories.demo import representative_paths, seed_demo
from tests.factories.pages import home_page, standard_page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def switch(page):
    """Follow the language switcher and wait until the new page has loaded.

    Waiting for the load state after the click is not enough: the old page is still loaded, so the wait
    returns at once, the test reads the old page, and the live server is left handling the click's request
    after the test ends (outside the test's database access, or after its rows were flushed).
    """
    with page.expect_navigation(wait_until="load"):
        page.click(".language-switcher a")


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
