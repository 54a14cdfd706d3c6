"""s46 on a 375 px phone: what the Node-side cases of tests/test_hostile_parents_s46.py
cannot show (the page as a parent sees it), and the companion with the babies a
hostile round enters.

- Floppy and cold is an emergency (as limp and cold was): the call comes above
  everything (before: no notice, "Very floppy muscles: book an appointment"). A baby who
  won't stop crawling backwards is no skill lost (before: "Your baby loses a skill"
  first). Fixed.
- The age filter by keyboard alone: Tab to the age, type it as a parent would ("9
  months", "-3", "100": held; "9 weeks", "9 meses": before, nothing said, fixed); a baby
  born today, or born 16 weeks early a month ago; twins with no name and one birth
  date. Held.
"""

from __future__ import annotations

import datetime

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_companion import PHONE, stored
from tests.browser.test_emergency import search
from tests.browser.test_hostile_parents_s45 import phone as phone  # the fixture

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("edition", "query"), [("", "my newborn is cold and floppy"), ("es/", "está flojito y frío")]
)
def test_floppy_and_cold_calls_first(phone: Tab, edition: str, query: str) -> None:
    shown = search(phone, query, phone.base + edition)
    assert (shown["kind"], shown["firstInMain"]) == ("crawl-search-emergency",) * 2, shown
    assert shown["aboveAll"], shown
    assert shown["calls"], shown


@pytest.mark.parametrize(
    ("edition", "query"),
    [
        ("", "my 9 month old won't stop crawling backwards"),
        ("es/", "ya no le gusta estar boca abajo"),
    ],
)
def test_no_skill_lost_is_shown_for_a_baby_who_keeps_on(
    phone: Tab, edition: str, query: str
) -> None:
    shown = search(phone, query, phone.base + edition)
    assert shown["kind"] == "", shown
    assert shown["ids"], shown
    assert "lost-skills" not in shown["ids"][:3], shown


def focus_by_tab(tab: Tab, element_id: str, most: int = 80) -> int:
    """Press Tab until the element has the focus; how many presses it took."""
    for presses in range(1, most + 1):
        tab.page.keyboard.press("Tab")
        if (
            tab.page.evaluate("() => document.activeElement && document.activeElement.id")
            == element_id
        ):
            return presses
    raise AssertionError(f"#{element_id} never took the focus in {most} presses of Tab")


#: Typed into the age, and what the status line then begins with (each edition). Words
#: the number field cannot read ("9 weeks", "9 meses": an "e" makes an exponent, and
#: the field holds nothing) are told to enter an age, as a number out of range is
#: (before, the status said nothing and no age applied); "9 months" is read as 9.
TYPED = {
    "": [
        ("9 months", "9 of "),
        ("9 weeks", "Enter an age from 0 to 72 months"),
        ("-3", "Enter an age from 0 to 72 months"),
        ("100", "This handbook is about babies up to"),
        ("0", "0 of "),
    ],
    "es/": [
        ("9 meses", "Escriba una edad de 0 a 72 meses"),
        ("9", "9 de "),
        ("-3", "Escriba una edad de 0 a 72 meses"),
        ("100", "Este manual trata de"),
    ],
}


@pytest.mark.parametrize("edition", ["", "es/"])
def test_the_age_filter_by_keyboard_alone(phone: Tab, edition: str) -> None:
    page = phone.page
    phone.goto(f"{edition}milestones.html")
    focus_by_tab(phone, "crawl-age")
    said = []
    for typed, _ in TYPED[edition]:
        page.keyboard.press("Control+a")
        page.keyboard.press("Backspace")
        page.keyboard.type(typed)
        page.keyboard.press("Enter")
        status = page.locator(".crawl-age-status")
        said.append(status.inner_text())
        assert page.evaluate("() => document.activeElement.id") == "crawl-age"
    wanted = [start for _, start in TYPED[edition]]
    assert [text[: len(start)] for text, start in zip(said, wanted, strict=True)] == wanted


def born(days_ago: int) -> str:
    return (datetime.date.today() - datetime.timedelta(days=days_ago)).isoformat()


@pytest.mark.parametrize(("days_ago", "early"), [(0, "0"), (30, "16")])
def test_a_baby_not_yet_at_the_first_entries_is_saved_and_shown_at_0_months(
    phone: Tab, days_ago: int, early: str
) -> None:
    """Born today, or 16 weeks early a month ago (before the due date): saved, no note
    that the handbook does not cover the baby, and the age pages say 0 months (corrected),
    with nothing claimed to apply."""
    page = phone.page
    phone.goto("tracker.html")
    page.fill("#crawl-baby-born", born(days_ago))
    page.fill("#crawl-baby-early", early)
    page.click("button.crawl-baby-save")
    page.wait_for_function(
        "() => /saved/i.test(document.querySelector('.crawl-baby-status').textContent)"
    )
    assert not page.locator(".crawl-baby-beyond").is_visible()
    phone.goto("milestones.html")
    status = page.locator(".crawl-age-status").inner_text()
    assert status.startswith("0 of "), status
    assert "0 months" in page.locator(".crawl-baby-line").inner_text()
    assert page.evaluate("() => document.documentElement.scrollWidth") <= PHONE["width"]


def test_twins_with_no_name_and_one_birth_date_keep_their_own_ticks(phone: Tab) -> None:
    page = phone.page
    phone.goto("tracker.html")
    for another in (False, True):
        if another:
            page.click("button.crawl-baby-add")
        page.fill("#crawl-baby-born", born(300))
        page.click("button.crawl-baby-save")
        page.wait_for_function(
            "() => /saved/i.test(document.querySelector('.crawl-baby-status').textContent)"
        )
    chooser = page.locator("#crawl-baby-which")
    labels = chooser.locator("option").all_inner_texts()
    assert len(set(labels)) == 2, labels
    for label, sign in zip(labels, ("floppy-muscle-tone", "stiff-limbs"), strict=True):
        chooser.select_option(label=label)
        page.check(f"input[name=track-{sign}]")
    marks = sorted(sorted(baby["marks"]) for baby in stored(phone)["babies"].values())
    assert marks == [["floppy-muscle-tone"], ["stiff-limbs"]]
    phone.goto("summary.html")
    assert page.locator("#crawl-summary-which option").all_inner_texts() == labels
