"""A theme whose pages are wider than a phone's screen: the emergency notice stays on it.

Sphinx's own haiku theme gives the body a minimum width of 944 px. On a phone the page
opens at the screen's width and the reader scrolls sideways for the rest, and the
search's emergency notice, as wide as the page, put the number to call past the right
edge of the screen (s52). crawl-search.js keeps the notice to what the screen shows
there; where the page fits the screen, the notice keeps its column's width.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.browser.test_themes import built_themes

pytestmark = pytest.mark.browser

NOTICE = ".crawl-search-emergency"
EDGES = "(el) => ((r) => [Math.round(r.left), Math.round(r.right)])(el.getBoundingClientRect())"


@pytest.fixture(scope="module")
def haiku_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_themes(tmp_path_factory.mktemp("wide-theme"), ["haiku"]) as url:
        yield f"{url}haiku/"


def _notice(browser: Any, url: str, **settings: Any) -> tuple[list[int], list[int], int, str]:
    """The notice's and the results' left and right edges, the screen's width, and the
    notice's text, on a search for an emergency."""
    context = browser.new_context(service_workers="block", **settings)
    context.route(lambda address: not address.startswith(url), lambda route: route.abort())
    page = context.new_page()
    page.goto(f"{url}search.html?q=baby+not+breathing")
    page.locator("section.crawl-search").wait_for()
    notice = page.locator(NOTICE).evaluate(EDGES)
    results = page.locator("section.crawl-search").evaluate(EDGES)
    screen = page.evaluate("Math.round(window.visualViewport.width)")
    text = page.locator(NOTICE).inner_text()
    context.close()
    return notice, results, screen, text


def test_on_a_phone_the_notice_and_its_number_are_on_the_screen(
    playwright_browser: Any, haiku_url: str
) -> None:
    phone = {"viewport": {"width": 375, "height": 800}, "is_mobile": True, "has_touch": True}
    notice, results, screen, text = _notice(playwright_browser, haiku_url, **phone)
    assert results[1] > screen, "the theme's page is wider than the phone's screen"
    assert notice[0] >= 0, notice
    assert notice[1] <= screen, (notice, screen)
    assert "911" in text


def test_where_the_page_fits_the_notice_keeps_its_column(
    playwright_browser: Any, haiku_url: str
) -> None:
    notice, results, screen, _text = _notice(
        playwright_browser, haiku_url, viewport={"width": 1280, "height": 900}
    )
    assert results[1] <= screen
    assert notice == results
