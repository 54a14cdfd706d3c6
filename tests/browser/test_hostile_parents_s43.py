"""s43 in the browser: what a parent sees on the built handbook's search page for some
of this round's queries (tests/test_hostile_parents_s43.py reads every one of them
without a browser): the call first, above everything, with the crawling entries folded
below it; no notice for everyday words that were read as an emergency's; the worried
parent's card among the first three for "is my baby normal".
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_emergency import by_edition, search

pytestmark = pytest.mark.browser

#: Before: the illness notice, with "Very floppy muscles: book an appointment" first
#: ("my baby is limp"), or no notice ("found baby in the pool", "se puso flojito").
EMERGENCIES = {
    "": ["my baby is limp", "found baby in the pool", "baby fell while crawling and is not moving"],
    "es/": ["se puso flojito", "se pegó en la cabeza y tiene sueño", "lo encontré en la piscina"],
}

#: Before: "This could be an emergency: call 911, 999 or 112 now."
FALSE_ALARMS = {
    "": ["baby has brown poop", "baby grasping toys", "choking hazards for crawling babies"],
    "es/": ["mi bebé es una monada", "gatea hasta el muro"],
}


@pytest.mark.parametrize(("edition", "query"), by_edition(EMERGENCIES))
def test_the_call_comes_first_and_crawling_waits_folded(
    search_tab: Tab, edition: str, query: str
) -> None:
    shown = search(search_tab, query, search_tab.base + edition)
    assert shown["kind"] == "crawl-search-emergency", shown
    assert shown["aboveAll"], shown
    assert shown["role"] == "alert"
    assert {"tel:911", "tel:999", "tel:112"} <= set(shown["calls"])
    assert shown["folded"] or not shown["ids"], shown


@pytest.mark.parametrize(("edition", "query"), by_edition(FALSE_ALARMS))
def test_everyday_words_get_no_call(search_tab: Tab, edition: str, query: str) -> None:
    shown = search(search_tab, query, search_tab.base + edition)
    assert shown["kind"] == "", shown
    assert not shown["folded"], shown


@pytest.mark.parametrize(
    ("edition", "query"), [("", "is my baby normal"), ("es/", "mi bebé es normal")]
)
def test_is_my_baby_normal_shows_where_to_get_help_among_the_first_three(
    search_tab: Tab, edition: str, query: str
) -> None:
    shown = search(search_tab, query, search_tab.base + edition)
    assert shown["kind"] == "", shown
    assert "parent-worry" in shown["ids"][:3], shown
