"""End-to-end tests: Playwright for Python driving Debian's Chromium (/usr/bin/chromium).

Playwright never downloads a browser here: the tests launch the system Chromium by path.
.ci/run installs it (apt-get install chromium); without it these tests are skipped locally.
"""

import os
import shutil
import threading

import pytest

CHROMIUM = os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop in the test thread; the Django ORM calls the tests make
# (building pages) are ordinary synchronous code, so Django's async-safety guard is relaxed here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    if shutil.which(CHROMIUM) or os.path.exists(CHROMIUM):
        return
    skip = pytest.mark.skip(reason=f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="id-ID")
    page = context.new_page()
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(f"{message.text} {message.location}"),
    )
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()
    _wait_for_live_server_requests()


def _wait_for_live_server_requests(timeout=30):
    """Let the live server finish the requests the browser had started (a page's late fetches, a redirect
    after a form) before the test's database is emptied: on SQLite the server's threads share the test's
    connection, and a query still running there makes the flush fail with "database table is locked";
    on PostgreSQL it could write a row after the flush."""
    current = threading.current_thread()
    for thread in threading.enumerate():
        if thread is not current and "process_request_thread" in thread.name:
            thread.join(timeout)
            assert not thread.is_alive(), f"the live server still answers a request after {timeout} s"
