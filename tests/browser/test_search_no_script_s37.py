"""A hostile reader's check (s37): a frightened parent whose browser runs no script (a
data saver, a strict privacy setting, an old phone) and who searched "baby not
breathing" from a page's search box got a search page that said only "Please activate
JavaScript to enable the search functionality": no emergency number at all. Every other
page has the emergency line in its HTML; the search page (made from the theme's
template) gets it from a script (render/top.py, window.crawlTopParts, placed by
crawl.js), so without scripts it has none.

Mended in render/top.py: pages made from templates are rendered through a template
that puts the parts in their HTML.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "words"),
    [("search.html?q=baby+not+breathing", "911"), ("es/search.html?q=no+respira", "112")],
)
def test_the_search_page_gives_the_emergency_number_without_scripts(
    open_page: Callable[..., Tab], path: str, words: str
) -> None:
    tab = open_page(java_script_enabled=False, viewport={"width": 375, "height": 800})
    tab.goto(path)
    line = tab.page.locator(".crawl-emergency-line")
    assert line.count() == 1
    assert line.is_visible()
    assert words in line.inner_text()
