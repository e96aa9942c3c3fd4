"""Search with autocomplete, and the heritage map drawing its markers, in a real browser."""

import pytest

from tests.factories.demo import seed_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def demo(live_server):
    seed_demo()
    return live_server.url


def test_search_with_autocomplete_in_both_languages(demo, page):
    """Typing in the header search box offers titles in the visitor's language; choosing one opens it."""
    for language, query, expected in (("id", "penyen", "Penyengat"), ("en", "penyen", "Penyengat")):
        page.goto(f"{demo}/{language}/")
        box = page.locator("#site-search-q")
        box.click()
        box.press_sequentially(query, delay=60)
        option = page.locator(".search-suggestions [role=option]").first
        option.wait_for(state="visible", timeout=5000)
        assert expected in option.inner_text()
        assert box.get_attribute("aria-expanded") == "true"
        box.press("ArrowDown")
        with page.expect_navigation(wait_until="load"):  # the old page's load state would return at once
            box.press("Enter")
        assert f"/{language}/" in page.url and "/search/" not in page.url
        assert expected in page.locator("h1").inner_text()


def test_search_without_javascript_still_works(demo, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo}/en/")
    page.fill("#site-search-q", "heritage")
    with page.expect_navigation(wait_until="load"):
        page.press("#site-search-q", "Enter")
    assert "/en/search/?q=heritage" in page.url
    assert page.locator(".search-result").count() > 0
    context.close()


def test_heritage_map_shows_a_marker_per_site(demo, page):
    for path in ("/id/", "/en/"):
        page.goto(demo + path)
        link = page.locator("nav.main-menu a", has_text="Cagar" if path == "/id/" else "Heritage").first
        href = link.get_attribute("href") if link.count() else None
        if href is None:
            from heritage_pages.models import HeritageIndexPage
            from home.bilingual import page_url

            href = page_url(HeritageIndexPage.objects.live().first(), path.strip("/"))
        page.goto(demo + href)
        page.wait_for_selector("#heritage-map .leaflet-marker-icon", timeout=10000)
        sites = page.locator(".heritage-list > li").count()
        # Sites close together are drawn as one numbered cluster; together they account for every site.
        single = page.locator("#heritage-map .leaflet-marker-icon:not(.marker-cluster)").count()
        clustered = sum(
            int(text.split()[0]) for text in page.locator("#heritage-map .marker-cluster").all_inner_texts()
        )
        assert sites >= 6
        assert single + clustered == sites
        assert page.console_errors == []
