"""s43 in the browser: what a parent sees on the built handbook's search page for some
of this round's queries (tests/test_hostile_parents_s43.py reads every one of them
without a browser): the call first, above everything, with the crawling entries folded
below it; no notice for everyday words that were read as an emergency's; the worried
parent's card among the first three for "is my baby normal". The later rounds' searches
of the same shapes are checked here too, each shape by one test (s44's tables are in
tests/browser/test_hostile_parents_s44.py).
"""

from __future__ import annotations

import pytest

from tests.browser import test_hostile_parents_s44 as s44
from tests.browser.conftest import Tab
from tests.browser.test_emergency import by_edition, search
from tests.browser.test_phone import PHONE

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


#: Each round's emergencies: (edition, query, searched on a phone).
CALL_FIRST = [(edition, query, False) for edition, query in by_edition(EMERGENCIES)]
CALL_FIRST += [(edition, query, True) for edition, query in by_edition(s44.RASH)]


@pytest.mark.parametrize(("edition", "query", "phone"), CALL_FIRST)
def test_the_call_comes_first_and_crawling_waits_folded(
    request: pytest.FixtureRequest, edition: str, query: str, phone: bool
) -> None:
    """On a phone, the call's heading is on the first screen too, and nothing scrolls
    sideways."""
    if phone:
        tab: Tab = request.getfixturevalue("open_page")(**PHONE)
    else:
        tab = request.getfixturevalue("search_tab")
    shown = search(tab, query, tab.base + edition)
    assert shown["kind"] == "crawl-search-emergency", shown
    assert shown["aboveAll"], shown
    assert shown["role"] == "alert"
    assert {"tel:911", "tel:999", "tel:112"} <= set(shown["calls"])
    assert shown["folded"] or not shown["ids"], shown
    if phone:
        seen = tab.page.evaluate(
            """() => ({top: document.querySelector('.crawl-search-emergency')
                           .getBoundingClientRect().top,
                       wide: document.documentElement.scrollWidth})"""
        )
        assert 0 <= seen["top"] < 812 / 2, seen  # PHONE's viewport: 375 x 812
        assert seen["wide"] <= 375, seen


#: Each round's searches that get no call: (edition, query, the entry a parent needs
#: among the first ``within`` results; none named for everyday words).
NO_CALL = [(edition, query, "", 0) for edition, query in by_edition(FALSE_ALARMS)]
NO_CALL += [
    ("", "is my baby normal", "parent-worry", 3),
    ("es/", "mi bebé es normal", "parent-worry", 3),
]
NO_CALL += [(edition, query, "lost-skills", 1) for edition, query in by_edition(s44.LOST)]


@pytest.mark.parametrize(("edition", "query", "entry", "within"), NO_CALL)
def test_no_call_and_what_the_parent_needs_first(
    search_tab: Tab, edition: str, query: str, entry: str, within: int
) -> None:
    shown = search(search_tab, query, search_tab.base + edition)
    assert shown["kind"] == "", shown
    assert not shown["folded"], shown
    if entry:
        assert entry in shown["ids"][:within], shown
