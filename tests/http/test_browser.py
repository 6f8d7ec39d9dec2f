"""A real browser (Debian's Chromium driven by Playwright) reading the pages.

Opens a person page, follows a source link from the timeline, and runs an example
query from the query page. Screenshots land in the test's temporary folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

pytestmark = [pytest.mark.http, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():  # noqa: ANN201
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: `make system-deps` installs Debian's chromium")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser, server):  # noqa: ANN001, ANN201
    context = browser.new_context(base_url=server.url, viewport={"width": 1200, "height": 900})
    # Only the server under test may be reached: the pages must need no outside network.
    outside: list[str] = []

    def guard(route, request) -> None:  # noqa: ANN001
        if request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(request.url)
            route.abort()

    context.route("**/*", guard)
    opened = context.new_page()
    yield opened
    context.close()
    assert outside == [], f"the page tried to reach outside the server: {outside}"


def test_person_page_then_a_source(page, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto("/id/person/tukhachevskii")
    assert page.locator("h1").inner_text() == "Mikhail Tukhachevskii"
    timeline = page.locator("ol.timeline li.event")
    assert timeline.count() == 2
    assert timeline.first.locator(".date").inner_text() == "1937-05-22"
    page.screenshot(path=str(tmp_path / "person.png"), full_page=True)
    page.locator("ol.timeline a", has_text="f. 4, op. 19, d. 16").first.click()
    page.wait_for_url("**/id/archive/rgva/f4/op19/d16")
    assert page.locator("h1").inner_text() == "RGVA, f. 4, op. 19, d. 16"
    assert "Claims resting on this source" in page.content()


def test_query_page_runs_an_example(page, tmp_path: Path) -> None:  # noqa: ANN001
    """Pick example questions from the list until one has answers in the small fixture."""
    page.goto("/query")
    examples = page.locator("#example option").count() - 1
    assert examples > 0, "the query page offers no example questions"
    answered = None
    for index in range(1, examples + 1):
        page.select_option("#example", index=index)
        assert page.input_value("#query").lstrip().startswith("#")
        page.click("#run")
        page.wait_for_function(
            "document.getElementById('status').textContent !== 'Running…' && "
            "!document.getElementById('run').disabled", timeout=15000)
        assert page.locator("#results .error").count() == 0, page.inner_text("#results")
        if page.locator("#results table tbody tr").count() > 0:
            answered = index
            break
    assert answered is not None, "no example question had answers"
    assert "result" in page.locator("#status").inner_text()
    page.screenshot(path=str(tmp_path / "query.png"), full_page=True)


def test_search_box(page) -> None:  # noqa: ANN001
    page.goto("/")
    page.fill("header input[type=search]", "Yezhov")
    page.press("header input[type=search]", "Enter")
    page.wait_for_url("**/search?q=Yezhov")
    page.locator("ul.results a", has_text="Nikolai Ezhov").click()
    page.wait_for_url("**/id/person/ezhov")
    assert page.locator("h1").inner_text() == "Nikolai Ezhov"
