"""open_page's kept pages (tests/browser/conftest.py): a page a test used is handed to a
later test asking for the same options only as a new context would give it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

#: Options no other test asks for: only these tests share the page.
OPTIONS = {"viewport": {"width": 641, "height": 479}}
USED: list[Tab] = []


def test_a_page_that_stores_and_caches(open_page: Callable[..., Tab]) -> None:
    tab = open_page(**OPTIONS)
    tab.goto("tracker.html")
    tab.page.evaluate("() => localStorage.setItem('sphinx-crawl:kept-test', 'left')")
    USED.append(tab)


def test_is_kept_for_the_next_test_as_a_new_context_has_it(
    open_page: Callable[..., Tab],
) -> None:
    if not USED:
        pytest.skip("the test before did not run")
    tab = open_page(**OPTIONS)
    assert tab is USED[0], "the page was kept"
    assert tab.page.url == "about:blank"
    assert tab.requests == []
    assert tab.errors == []
    tab.goto("tracker.html")
    assert tab.page.evaluate("() => Object.keys(localStorage)") == [], "nothing stored"
    # Nothing from the cache: the page's files are asked of the server again.
    sizes = tab.page.evaluate(
        "() => performance.getEntriesByType('resource').map((e) => e.transferSize)"
    )
    assert sizes, "the page loads files"
    assert all(size > 0 for size in sizes), sizes


def test_a_page_whose_context_was_changed_is_not_kept(open_page: Callable[..., Tab]) -> None:
    if not USED:
        pytest.skip("the tests before did not run")
    changed = open_page(**OPTIONS)
    assert changed is USED[0]
    changed.page.context.set_offline(False)  # a change, however small: the page is not kept
    USED.append(changed)


def test_so_the_next_test_gets_a_new_one(open_page: Callable[..., Tab]) -> None:
    if len(USED) < 2:
        pytest.skip("the tests before did not run")
    assert open_page(**OPTIONS) is not USED[0]
