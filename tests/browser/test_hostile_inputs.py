"""What a reader types cannot break the page: search words that name JavaScript object
internals, and ages or weeks out of range. (Every page opened here also fails the test
on any uncaught script error, see conftest.)"""

from __future__ import annotations

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import entry_state

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    "query", ["constructor", "__proto__", "hasOwnProperty", "toString valueOf", "prototype"]
)
def test_search_words_that_are_object_internals(tab: Tab, query: str) -> None:
    tab.goto(f"search.html?q={query}")
    page = tab.page
    page.wait_for_selector("section.crawl-search")
    section = page.locator("section.crawl-search")
    assert "Entries in the handbook" in section.inner_text()


def test_a_synonym_list_still_works_next_to_them(tab: Tab) -> None:
    tab.goto("search.html?q=constructor+stiff+legs")
    tab.page.wait_for_selector("section.crawl-search")
    links = tab.page.locator("section.crawl-search a").evaluate_all(
        "els => els.map((a) => a.getAttribute('href'))"
    )
    assert any("stiff-limbs" in href for href in links), links


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("age=500", "Enter an age from 0 to 72 months."),
        ("age=-3", "Enter an age from 0 to 72 months."),
        ("age=9&early=90", "Weeks born early must be from 0 to 20; it is left out."),
    ],
)
def test_out_of_range_numbers_are_named_not_guessed(tab: Tab, query: str, message: str) -> None:
    tab.goto(f"milestones.html?{query}")
    state = entry_state(tab.page)
    assert message in state["status"]
    if "early" in query:
        # The age still applies, without a correction built on a wrong number.
        assert "Corrected age" not in state["status"]
        assert state["applies"]
    else:
        assert state["applies"] == []
        assert state["visible"] == state["all"]
