"""A theme that writes no search page, and answers ``?q=`` with its own search on any
page (sphinx-immaterial does both): the search box, the emergency alert and the entry
results still have a page to be on. Found by trying sphinx-immaterial, a theme the
suite had not seen: the box on a phone sent a parent's query to a missing page.

tests/roots/test-own-search-page is tests/roots/test-emergency's project in such a
theme (built with ``-c``): its script at the end of the body records the ``q`` it sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_emergency import built_and_served, search
from tests.build_utils import ROOTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    out = tmp_path_factory.mktemp("own-search-page")
    with built_and_served(out, "-c", str(ROOTS / "test-own-search-page")) as url:
        yield url, out / "html"


@pytest.fixture
def reader(playwright_browser: Any, served: tuple[str, Path]) -> Iterator[Tab]:
    context = playwright_browser.new_context(viewport={"width": 390, "height": 844})
    context.set_default_timeout(10_000)
    tab = Tab(context.new_page(), served[0])
    yield tab
    context.close()
    assert not tab.outside_requests(), tab.outside_requests()
    assert not tab.errors, tab.errors


def test_the_extension_writes_the_search_page_the_theme_did_not(
    served: tuple[str, Path],
) -> None:
    page = (served[1] / "search.html").read_text(encoding="utf-8")
    assert 'id="search-results"' in page
    assert "crawl-search.js" in page
    assert "crawl-searchindex.js" in page
    assert "<title>Search" in page
    assert 'action="search.html"' in (served[1] / "signs.html").read_text(encoding="utf-8")


def test_an_emergency_is_above_all_and_the_theme_search_does_not_cover_it(
    reader: Tab,
) -> None:
    shown = search(reader, "not breathing")
    assert shown["kind"] == "crawl-search-emergency", shown
    assert shown["aboveAll"], shown
    # The theme's script did not see the query (it would open its search over the
    # alert); the address has it again, for a reload or a shared link.
    assert reader.page.evaluate("document.documentElement.dataset.themeQuery") == ""
    assert reader.page.evaluate("new URLSearchParams(location.search).get('q')") == "not breathing"


def test_entries_are_found_on_it_and_its_box_holds_the_query(reader: Tab) -> None:
    shown = search(reader, "grippy rug")
    assert shown["ids"][:1] == ["grippy-rug"], shown
    assert reader.page.locator("#crawl-search-again").input_value() == "grippy rug"
    reader.page.reload()
    reader.page.locator("section.crawl-search li").first.wait_for()
    assert reader.page.locator("#crawl-search-again").input_value() == "grippy rug"
