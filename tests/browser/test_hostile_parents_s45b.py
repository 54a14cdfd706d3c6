"""s45b in the browser, on a 375 px phone: a child older than every entry of the
handbook (3 and 4 years old). Before, the tracker showed each item past its ages and
the search the worried parent's card first, but nothing said plainly that the handbook
is about babies and does not cover a child that old, nor where to go instead (CDC "Act
Early": a concern is reason to ask the doctor now, for a developmental check).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_companion import PHONE, enter_baby
from tests.browser.test_emergency import search

pytestmark = pytest.mark.browser

#: What the note says, in each edition: the handbook does not cover the child, and
#: whom to contact now.
SAYS = {
    "": ("does not cover an older child", "contact your pediatrician"),
    "es/": ("No habla de niños mayores", "comuníquese ya con"),
}


def born_years_ago(years: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=int(years * 365.25) + 10)).isoformat()


@pytest.fixture
def phone(open_page: Callable[..., Tab]) -> Tab:
    tab = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    tab.page.on("dialog", lambda dialog: dialog.accept())
    return tab


def note_on_screen(tab: Tab, selector: str) -> dict[str, Any]:
    """The note's words, whether it is shown and within a 375 px screen, and where it
    stands (top, in px from the page's top)."""
    return tab.page.evaluate(
        """(selector) => {
          const note = document.querySelector(selector);
          if (!note) return { shown: false, text: '' };
          const box = note.getBoundingClientRect();
          return { shown: !note.hidden && box.height > 0, text: note.innerText,
            fits: box.left >= 0 && box.right <= window.innerWidth,
            top: box.top + window.scrollY, live: note.getAttribute('aria-live') || '' };
        }""",
        selector,
    )


def top_of(tab: Tab, selector: str) -> float:
    return tab.page.evaluate(
        "(s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY", selector
    )


@pytest.mark.parametrize("edition", ["", "es/"])
@pytest.mark.parametrize("years", [3, 4])
def test_the_tracker_says_it_does_not_cover_a_child_that_old(
    phone: Tab, edition: str, years: int
) -> None:
    """Entered in the baby panel: the note right below the date of birth, above the
    buttons, said as it appears; then atop the tracker's list, above its first item."""
    page = phone.page
    phone.goto(f"{edition}tracker.html")
    page.fill("#crawl-baby-born", born_years_ago(years))
    page.click("button.crawl-baby-save")
    page.locator(".crawl-baby-beyond").wait_for()
    panel = note_on_screen(phone, ".crawl-baby-beyond")
    assert (panel["shown"], panel["fits"], panel["live"]) == (True, True, "polite"), panel
    assert all(words in panel["text"] for words in SAYS[edition]), panel
    assert panel["top"] < top_of(phone, "button.crawl-baby-save")
    tracker = note_on_screen(phone, ".crawl-track-beyond")
    assert (tracker["shown"], tracker["fits"], tracker["text"]) == (True, True, panel["text"])
    assert tracker["top"] < top_of(phone, "li.crawl-track-item")


def test_a_baby_the_handbook_covers_gets_no_such_note(phone: Tab) -> None:
    enter_baby(phone)  # 14 months old
    assert not note_on_screen(phone, ".crawl-baby-beyond")["shown"]
    assert not note_on_screen(phone, ".crawl-track-beyond")["shown"]


#: How the note begins, with the oldest age an entry's window reaches.
LEAD = {
    "": "This handbook is about babies up to {} months",
    "es/": "Este manual trata de bebés de hasta {} meses",
}


@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_age_filter_says_it_first_for_such_an_age(phone: Tab, edition: str) -> None:
    """48 months (4 years), and 80 (past the filter's 72): the status line begins with
    the note; at 14 months it says only what applies."""
    page = phone.page
    for age, beyond in (("48", True), ("80", True), ("14", False)):
        phone.goto(f"{edition}milestones.html?age={age}")
        oldest = page.evaluate("() => window.crawlCompanionText.oldest")
        status = page.locator(".crawl-age-status").inner_text()
        assert status.startswith(LEAD[edition].format(oldest)) is beyond, (age, status)
        assert all(words in status for words in SAYS[edition]) is beyond, (age, status)


#: "My 4 year old ...", "mi hijo de 3 años ...": the note above the results, the
#: worried parent's card first (held).
ASKED = [
    ("", "my 4 year old only crawls backwards"),
    ("", "3 year old still not walking"),
    ("es/", "mi hijo de 4 años gatea hacia atrás"),
]


@pytest.mark.parametrize(("edition", "query"), ASKED)
def test_the_search_says_it_for_a_child_that_old(phone: Tab, edition: str, query: str) -> None:
    shown = search(phone, query, phone.base + edition)
    assert shown["ids"][:1] == ["parent-worry"], shown
    assert len(shown["notes"]) == 1, shown
    assert all(words in shown["notes"][0] for words in SAYS[edition]), shown
    fits = phone.page.evaluate(
        "() => document.querySelector('.crawl-search-beyond').getBoundingClientRect().right"
    )
    assert fits <= PHONE["width"]
