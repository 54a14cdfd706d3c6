"""s44 in the browser: what a parent sees on the built handbook's search page for some
of this round's queries (tests/test_hostile_parents_s44.py reads every one of them
without a browser): a skill said lost, whatever the skill, finds the lost skill's sign
first; a rash that does not go when pressed, said in Spanish, gets the call for an
ambulance above everything, on a phone within the first screen; two babies, one with a
long name, fit a phone's screen where the parent chooses between them.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_emergency import by_edition, search
from tests.browser.test_phone import PHONE

pytestmark = pytest.mark.browser

#: Before: "Walks alone: the WHO window" (8-18 months), or a tip ("Plenty of floor
#: time", "Short, frequent tummy time sessions"), first.
LOST = {
    "": ["baby stopped walking", "stopped rolling over"],
    "es/": ["dejó de caminar", "dejó de ponerse de pie"],
}

#: Before: "This handbook does not cover illness or injuries" (today), or no notice.
RASH = {"es/": ["sarpullido que no se quita al apretar", "le salieron manchitas que no se quitan"]}


@pytest.mark.parametrize(("edition", "query"), by_edition(LOST))
def test_a_skill_said_lost_finds_the_lost_skill_first(
    search_tab: Tab, edition: str, query: str
) -> None:
    shown = search(search_tab, query, search_tab.base + edition)
    assert shown["kind"] == "", shown
    assert shown["ids"][:1] == ["lost-skills"], shown


@pytest.mark.parametrize(("edition", "query"), by_edition(RASH))
def test_a_rash_that_does_not_go_gets_the_call_first_on_a_phone(
    open_page: Callable[..., Tab], edition: str, query: str
) -> None:
    tab = open_page(**PHONE)
    shown = search(tab, query, tab.base + edition)
    assert shown["kind"] == "crawl-search-emergency", shown
    assert shown["aboveAll"], shown
    assert {"tel:911", "tel:999", "tel:112"} <= set(shown["calls"])
    assert shown["folded"] or not shown["ids"], shown
    # The call's heading is on the first screen of a phone, and nothing scrolls sideways.
    seen = tab.page.evaluate(
        """() => ({top: document.querySelector('.crawl-search-emergency')
                       .getBoundingClientRect().top,
                   wide: document.documentElement.scrollWidth})"""
    )
    assert 0 <= seen["top"] < 812 / 2, seen  # PHONE's viewport: 375 x 812
    assert seen["wide"] <= 375, seen


#: Twins remembered on this device, one with the longest name the form takes (40
#: characters, one word), a year ago and born 5 weeks early.
TWINS = {
    "v": 1,
    "current": "b1",
    "babies": {
        "b1": {
            "name": "MaximilianaGuadalupeFernandezRodriguezzz",
            "born": "2026-01-15",
            "early": 5,
            "marks": {},
        },
        "b2": {"name": "Tiny", "born": "2026-01-15", "early": 5, "marks": {}},
    },
}

#: What goes past the screen's right edge, but the theme's drawers kept off screen.
PAST_THE_EDGE = """() => [...document.querySelectorAll('article *, .crawl-baby-line *')]
    .filter((e) => e.getBoundingClientRect().width > 0
      && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
    .map((e) => `${e.tagName.toLowerCase()}.${e.className}`
      + ` right=${Math.round(e.getBoundingClientRect().right)}`)"""


TWINS_PAGES = ["milestones.html", "red-flags.html", "tracker.html", "summary.html"]


@pytest.mark.parametrize("path", [*TWINS_PAGES, "es/milestones.html"])
def test_two_babies_with_a_long_name_fit_a_phone(open_page: Callable[..., Tab], path: str) -> None:
    """Before, the baby chooser ran 12 to 29 px past a 375 px screen's edge (the page
    itself did not scroll sideways: the theme clips it), its arrow and the name's end
    cut off."""
    tab = open_page(**PHONE)
    tab.page.add_init_script(
        f"localStorage.setItem('sphinx-crawl:babies', {json.dumps(json.dumps(TWINS))})"
    )
    tab.goto(path)
    chooser = tab.page.locator("select:has(option:text-is('Tiny'))").first
    chooser.wait_for()
    assert chooser.evaluate("(s) => s.options.length") == 2
    assert tab.page.evaluate(PAST_THE_EDGE) == []
