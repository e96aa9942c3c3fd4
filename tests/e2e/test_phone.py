"""The site on a phone, in a real browser: a compact header, a menu that opens without JavaScript, charts
readable in a 320 px column, wide tables that scroll in their own box, and cards of one shape."""

import pytest

from tests.factories.demo import representative_paths, seed_demo

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 390, "height": 844}


def test_the_site_on_a_phone(live_server, page, browser):
    """The demo site is built once (it takes a while) for all the checks below."""
    seed_demo()
    demo = live_server.url
    first_content_starts_in_the_top_40_percent_on_every_page_type(demo, page)
    menu_opens_and_its_links_work_without_javascript(demo, browser)
    menu_bar_is_open_on_a_desktop(demo, page)
    charts_and_tables_are_readable_at_320_px(demo, page)
    cards_keep_one_shape_with_or_without_an_image(demo, page)


def first_content_starts_in_the_top_40_percent_on_every_page_type(demo, page):
    """On a 390×844 screen the page's <h1> starts within the top 40% of the first screen, in both languages."""
    page.set_viewport_size(PHONE)
    too_low = {}
    for path in representative_paths(include_errors=False):
        page.goto(demo + path)
        top = page.locator("main h1").first.bounding_box()["y"]
        if top > 0.4 * PHONE["height"]:
            too_low[path] = round(top)
    assert too_low == {}


def menu_opens_and_its_links_work_without_javascript(demo, browser):
    """The menu button is a <details>: closed at first on a phone, it opens on a tap and its links lead on."""
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(demo + "/id/")
        link = page.locator("nav.main-menu a", has_text="Berita")
        assert not link.is_visible()
        page.get_by_text("Menu", exact=True).click()
        assert link.is_visible()
        with page.expect_navigation(wait_until="load"):
            link.click()
        assert page.locator("main h1").inner_text() == "Berita"
        # The search link in the header reaches the search form.
        page.locator(".site-search-link").click()
        assert page.locator("#search-page-q").is_visible()
    finally:
        context.close()


def menu_bar_is_open_on_a_desktop(demo, page):
    """From 48rem the menu is an open bar and the search form is in the header."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(demo + "/en/")
    assert not page.locator(".main-menu__toggle").is_visible()
    assert page.locator("nav.main-menu a", has_text="News").is_visible()
    assert page.locator("#site-search-q").is_visible()


CHART_GEOMETRY = """() => {
    const overlaps = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const charts = [...document.querySelectorAll("svg.sc-chart")].map(svg => {
        const box = svg.getBoundingClientRect();
        const scale = svg.getScreenCTM().a;
        const texts = [...svg.querySelectorAll("text")].map(text => ({
            size: parseFloat(getComputedStyle(text).fontSize) * scale,
            right: text.getBoundingClientRect().right,
        }));
        const legend = [...svg.parentElement.querySelectorAll(".sc-legend__item")];
        const boxes = legend.map(item => item.getBoundingClientRect());
        const clashes = [];
        boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b, j) => {
            if (overlaps(a, b)) clashes.push([legend[i].textContent, legend[i + 1 + j].textContent]);
        }));
        return {
            smallest: Math.min(...texts.map(t => t.size)),
            outside: texts.filter(t => t.right > box.right + 1).length,
            legend: legend.length,
            legendSize: Math.min(...legend.map(item => parseFloat(getComputedStyle(item).fontSize))),
            clashes,
        };
    });
    return {charts, pageScrolls: document.documentElement.scrollWidth > window.innerWidth};
}"""


def charts_and_tables_are_readable_at_320_px(demo, page):
    """At 320 px: chart text is at least 12 px and stays inside the chart, legend entries do not overlap, and
    a wide table scrolls inside its own box (with a visible hint) while the page itself does not scroll sideways."""
    page.set_viewport_size({"width": 320, "height": 720})
    for path in ("/id/kota-cerdas/", "/en/smart-city/"):
        page.goto(demo + path)
        result = page.evaluate(CHART_GEOMETRY)
        assert len(result["charts"]) == 2, path
        for chart in result["charts"]:
            assert chart["smallest"] >= 12, (path, chart)
            assert chart["outside"] == 0, (path, chart)
            assert chart["legend"] >= 2 and chart["legendSize"] >= 12, (path, chart)
            assert chart["clashes"] == [], (path, chart)
        assert not result["pageScrolls"], path
        board = page.locator(".table-wrap", has=page.locator("table.sc-board-table"))
        assert board.evaluate("box => box.scrollWidth > box.clientWidth")
        assert board.get_attribute("role") == "region" and board.get_attribute("tabindex") == "0"
        assert board.locator(".table-hint").is_visible()
        board.evaluate("box => { box.scrollLeft = box.scrollWidth; }")
        assert board.evaluate("box => box.scrollLeft") > 0


def cards_keep_one_shape_with_or_without_an_image(demo, page):
    """Newsroom cards, one of them without a picture, have media boxes of one size and equal heights per row."""
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(demo + "/en/news/")
    cards = page.locator(".card-grid").first.locator(".news-card")
    assert page.locator(".news-card .card__placeholder").count() >= 1
    assert page.locator(".news-card img").count() >= 1
    media = [
        box["height"]
        for box in cards.locator(".card__media").evaluate_all(
            "items => items.map(item => item.getBoundingClientRect().toJSON())"
        )
    ]
    assert max(media) - min(media) < 1
    rows = {}
    for box in cards.evaluate_all("items => items.map(item => item.getBoundingClientRect().toJSON())"):
        rows.setdefault(round(box["y"]), []).append(box["height"])
    assert all(max(heights) - min(heights) < 1 for heights in rows.values())
