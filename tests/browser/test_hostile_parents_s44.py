"""s44 in the browser: what a parent sees on the built handbook's search page for some
of this round's queries (tests/test_hostile_parents_s44.py reads every one of them
without a browser): a skill said lost, whatever the skill, finds the lost skill's sign
first; a rash that does not go when pressed, said in Spanish, gets the call for an
ambulance above everything, on a phone within the first screen; two babies, one with a
long name, fit a phone's screen where the parent chooses between them. (The searches
are checked by the tests of their shapes, one each for every round, in
tests/browser/test_hostile_parents_s43.py.)
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_phone import PHONE

pytestmark = pytest.mark.browser

#: Before: "Walks alone: the WHO window" (8-18 months), or a tip ("Plenty of floor
#: time", "Short, frequent tummy time sessions"), first.
LOST = {
    "": ["baby stopped walking", "stopped rolling over"],
    "es/": ["dejó de caminar", "dejó de ponerse de pie"],
}

#: Before: "This handbook does not cover illness or injuries" (today), or no notice.
#: Searched on a phone: the call within its first screen.
RASH = {"es/": ["sarpullido que no se quita al apretar", "le salieron manchitas que no se quitan"]}


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
