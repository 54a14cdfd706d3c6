"""s45 in the browser, on a 375 px phone: what a parent sees first on the built
handbook's search page for some of this round's queries (tests/test_hostile_parents_s45.py
reads every one of them without a browser), and three babies with names alike in the
tracker, one forgotten, the baby switched between two ticks.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_companion import PHONE, enter_baby, stored
from tests.browser.test_emergency import search

pytestmark = pytest.mark.browser


@pytest.fixture
def phone(open_page: Callable[..., Tab]) -> Tab:
    tab = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    tab.page.on("dialog", lambda dialog: dialog.accept())
    return tab


#: (edition, query, the first entry listed). Before: "Your baby loses a skill" first for
#: a parent who stopped tummy time ("dejó la barriga abajo" alike); another entry, or
#: none, for a skill said gone as "no more" or "no ... más"; "Usually, yes" (back
#: crawling) first for a flat head, the card second.
FIRST = [
    ("", "stopped tummy time", "short-frequent-tummy-time"),
    ("", "no more crawling", "lost-skills"),
    ("", "baby flat head", "parent-worry"),
    ("es/", "no gatea más", "lost-skills"),
    ("es/", "dejó la barriga abajo", "short-frequent-tummy-time"),
    ("es/", "cabeza plana", "parent-worry"),
]


@pytest.mark.parametrize(("edition", "query", "entry"), FIRST)
def test_the_first_entry_on_a_phone(phone: Tab, edition: str, query: str, entry: str) -> None:
    shown = search(phone, query, phone.base + edition)
    assert shown["kind"] == "", shown
    assert shown["ids"][:1] == [entry], shown


#: Misspelt or odd emergencies (held): the call is the first thing in the page's main
#: part, above every result, with the numbers to tap.
CALL = [("", "lips going blue"), ("", "cant wake him"), ("es/", "conbulsiones")]
CALL += [("es/", "no respira bien")]


@pytest.mark.parametrize(("edition", "query"), CALL)
def test_an_odd_emergency_calls_first_on_a_phone(phone: Tab, edition: str, query: str) -> None:
    shown = search(phone, query, phone.base + edition)
    assert (shown["kind"], shown["firstInMain"]) == ("crawl-search-emergency",) * 2, shown
    assert shown["aboveAll"], shown
    assert "tel:112" in shown["calls"], shown


def test_three_babies_with_names_alike_keep_their_own_ticks(phone: Tab) -> None:
    """Ana, Ana María and ana (held): the chooser tells the two Anas apart by their birth
    dates; a tick made after switching baby goes to the baby switched to, and after Ana
    María is forgotten, the others' marks and summaries are theirs alone."""
    page = phone.page
    enter_baby(phone, "Ana")
    for name in ("Ana María", "ana"):
        page.click("button.crawl-baby-add")
        page.fill("#crawl-baby-name", name)
        page.fill("#crawl-baby-born", "2026-06-01")
        page.click("button.crawl-baby-save")
    chooser = page.locator("#crawl-baby-which")
    labels = chooser.locator("option").all_inner_texts()
    # The two Anas told apart by their birth dates; Ana María by her name.
    assert [label.split(" (")[0] for label in labels] == ["Ana", "Ana María", "ana"]
    assert labels[0] != "Ana", labels
    assert labels[2] != "ana", labels
    for label, sign in ((labels[1], "floppy-muscle-tone"), (labels[0], "stiff-limbs")):
        chooser.select_option(label=label)
        page.check(f"input[name=track-{sign}]")
    chooser.select_option(label=labels[1])
    page.click("button.crawl-baby-forget")
    marks = {b["name"]: sorted(b["marks"]) for b in stored(phone)["babies"].values()}
    assert marks == {"Ana": ["stiff-limbs"], "ana": []}
    phone.goto("summary.html")
    summaries = {}
    for label in page.locator("#crawl-summary-which option").all_inner_texts():
        page.select_option("#crawl-summary-which", label=label)
        text = page.locator(".crawl-summary").inner_text()
        summaries[label] = [sign for sign in SIGNS if sign in text]
    assert summaries == {labels[0]: [SIGNS[0]], labels[2]: []}


#: The two signs' titles, as the summary for the doctor lists them.
SIGNS = ("Stiff or tight arms or legs", "Very floppy muscles")
