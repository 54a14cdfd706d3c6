"""The companion when the browser keeps nothing, and two tabs editing different babies.

Storage refused: with site data blocked every touch of ``window.localStorage`` throws;
with a full quota every write does. The parent is then never told "Saved", the
warning shows (in words, announced) on every page where things are entered, and its
advice can be followed where it shows: the summary for the doctor, saved as a file
from the tracker itself (the summary page would not have the data).
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 800}
BORN = (datetime.date.today() - datetime.timedelta(days=300)).isoformat()
STIFF = "input[name=track-stiff-limbs]"

# Site data blocked: the getter itself throws, for the handbook's scripts (the theme's
# own script would throw too, uncaught, which is not what is tested here).
BLOCKED = """const real = Object.getOwnPropertyDescriptor(window, 'localStorage').get;
Object.defineProperty(window, 'localStorage', {
  get() {
    if (/crawl-(companion|checklist)\\.js/.test(new Error().stack || '')) {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    }
    return real.call(window);
  },
});"""
# A full quota, from the moment window.full is set (from the start: FULL_NOW).
FULL = """const realSet = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (window.full) throw new DOMException('full', 'QuotaExceededError');
  return realSet.call(this, key, value);
};"""
FULL_NOW = "window.full = true;\n" + FULL


def tracker(open_page: Callable[..., Tab], script: str) -> Tab:
    tab = open_page(viewport=PHONE)
    tab.page.add_init_script(script)
    tab.page.on("dialog", lambda dialog: dialog.accept())
    tab.goto("tracker.html")
    return tab


def save_baby(page: Any, name: str) -> str:
    page.fill("#crawl-baby-name", name)
    page.fill("#crawl-baby-born", BORN)
    page.click("button.crawl-baby-save")
    return str(page.inner_text(".crawl-baby-status"))


def warned(page: Any) -> str:
    warning = page.locator("form.crawl-baby .crawl-companion-unsaved")
    assert warning.is_visible()
    assert warning.get_attribute("role") == "alert"
    return str(warning.inner_text())


@pytest.mark.parametrize("script", [BLOCKED, FULL_NOW], ids=["blocked", "full"])
def test_storage_refused_from_the_start_is_never_called_saved(
    open_page: Callable[..., Tab], script: str, tmp_path: Path
) -> None:
    """The tester's sequence: enter Ana, Save, tick. It said "Saved on this device." and
    "Marks for Ana, kept on this device only." with the warning hidden (blocked), or
    "Saved" beside the warning (full), and the summary page then had nothing."""
    tab = tracker(open_page, script)
    page = tab.page
    status = save_baby(page, "Ana")
    assert "Saved on this device" not in status
    assert status.startswith("Not saved")
    text = warned(page)
    assert "not keeping what you enter" in text
    assert "lost when you leave" in text
    page.check(STIFF)
    notice = page.locator(".crawl-track-notice").first.inner_text()
    assert "kept on this device" not in notice
    assert "Marks for Ana, lost when you leave this page" in notice
    # The advice is true here: the summary, with Ana's tick, saved from this page.
    with page.expect_download() as info:
        page.click("button.crawl-companion-keep")
    html = Path(info.value.path()).read_text(encoding="utf-8")
    assert "Ana" in html
    assert "Stiff or tight arms or legs" in html
    assert "<button" not in html
    # The summary page cannot show it: it says why.
    tab.goto("summary.html")
    assert "not keeping what you enter" in page.locator(".crawl-companion-unsaved").inner_text()
    # The checklist says its ticks are not kept either.
    tab.goto("checklist.html")
    assert "not keeping" in page.locator(".crawl-checklist-saved").inner_text()


def test_storage_filling_up_on_the_way_is_said_at_once(open_page: Callable[..., Tab]) -> None:
    tab = tracker(open_page, FULL)
    page = tab.page
    assert save_baby(page, "Ana") == "Saved on this device."
    assert not page.locator(".crawl-companion-unsaved").first.is_visible()
    assert "kept on this device" in page.locator(".crawl-track-notice").first.inner_text()
    page.evaluate("() => { window.full = true; }")
    page.check(STIFF)
    warned(page)
    page.wait_for_function(
        "() => document.querySelector('.crawl-track-notice').textContent.includes('lost')"
    )
    status = save_baby(page, "Ana Maria")
    assert status.startswith("Not saved")
    # What the page holds is still Ana Maria's, with the tick made after the failure.
    assert page.is_checked(STIFF)
    assert page.input_value("#crawl-baby-name") == "Ana Maria"


@pytest.mark.parametrize("when", ["on the way", "from the load"])
def test_a_milestone_table_row_marked_without_storage_says_not_saved(
    open_page: Callable[..., Tab], when: str
) -> None:
    """The tester's run: Ana saved, then on the milestones page "Yes" chosen in a row
    of the table with storage full. The choice showed as made and nothing said it
    would be lost, unlike the tracker and the checklist."""
    tab = tracker(open_page, FULL)
    page = tab.page
    assert save_baby(page, "Ana") == "Saved on this device."
    if when == "from the load":
        page.add_init_script("window.full = true;")
    tab.goto("milestones.html")
    warning = page.locator(".crawl-row-unsaved")
    if when == "on the way":
        assert not warning.is_visible()
        page.evaluate("() => { window.full = true; }")
    else:
        # Said before anything is marked: the marks here last only as long as the page.
        assert warning.is_visible()
    page.select_option("#seen-belly-crawl", "yes")
    # In words, where the parent marked it (not scrolled away above the table), and
    # announced once.
    assert warning.count() == 1
    assert warning.is_visible()
    assert warning.get_attribute("role") == "alert"
    assert warning.inner_text().startswith("Not saved")
    assert page.locator("#belly-crawl .crawl-row-unsaved").count() == 1
    assert page.input_value("#seen-belly-crawl") == "yes"  # kept while the page is open
    page.select_option("#seen-creeping-backwards", "not-yet")
    assert page.locator("#creeping-backwards .crawl-row-unsaved").is_visible()
    assert warning.count() == 1


# -- Two tabs: an edit belongs to the baby it was started for ------------------------

KEY = "sphinx-crawl:babies"
NOTE = "#note-stiff-limbs"
TICK = 'input.crawl-check[data-crawl-key="checklist:stiff-limbs"]'


def records(page: Any) -> dict[str, Any]:
    """Each stored baby by name: its birth date, marks and whether it is current."""
    data = json.loads(page.evaluate(f"() => localStorage.getItem('{KEY}') || 'null'"))
    return {
        baby["name"]: {
            "born": baby["born"],
            "marks": baby["marks"],
            "current": i == data["current"],
        }
        for i, baby in data["babies"].items()
    }


def two_tabs(open_page: Callable[..., Tab], *names: str) -> tuple[Tab, Tab]:
    """The babies saved in the first tab (the last one current), a second tab beside."""
    first = tracker(open_page, "")
    page = first.page
    for n, name in enumerate(names):
        if n:
            page.click("button.crawl-baby-add")
        page.fill("#crawl-baby-name", name)
        page.fill("#crawl-baby-born", f"2026-0{n + 1}-01" if n else BORN)
        page.click("button.crawl-baby-save")
    second = Tab(page.context.new_page(), first.base)
    second.page.on("dialog", lambda dialog: dialog.accept())
    return first, second


def choose(tab: Tab, name: str) -> None:
    tab.page.bring_to_front()
    tab.goto("tracker.html")
    tab.page.select_option("#crawl-baby-which", label=name)


def said(page: Any, selector: str, words: str) -> None:
    page.wait_for_function(
        "([selector, words]) => document.querySelector(selector).textContent.includes(words)",
        arg=[selector, words],
        polling=50,
        timeout=5000,
    )


def test_a_note_and_tick_stay_with_the_baby_they_were_started_for(
    open_page: Callable[..., Tab],
) -> None:
    """The tester's run: a note typed for Ana Maria, Cy chosen in another tab meanwhile,
    then more typing and a tick. The whole note and the tick went to Cy, Ana Maria
    kept a fragment, and only the line above changed to "Marks for Cy"."""
    first, second = two_tabs(open_page, "Ana Maria", "Cy")
    page = first.page
    page.select_option("#crawl-baby-which", label="Ana Maria")
    first.goto("checklist.html")
    page.click(NOTE)
    page.keyboard.type("Left leg")
    choose(second, "Cy")
    line = ".crawl-list-checklist .crawl-baby-elsewhere"
    said(page, line, "Cy was chosen in another tab")
    assert "still goes to Ana Maria" in page.inner_text(line)
    assert "Marks for Ana Maria" in page.inner_text(".crawl-checklist-saved")
    page.bring_to_front()
    page.keyboard.type(", since March")
    page.check(TICK)
    kept = records(page)
    assert kept["Ana Maria"]["marks"]["stiff-limbs"]["note"] == "Left leg, since March"
    assert kept["Ana Maria"]["marks"]["stiff-limbs"]["state"] == "noticed"
    assert kept["Cy"]["marks"] == {}
    assert kept["Cy"]["current"]
    # Leaving the list: it shows Cy, and says why.
    page.click("h1")
    said(page, line, "Now showing Cy: chosen in another tab.")
    assert "Marks for Cy" in page.inner_text(".crawl-checklist-saved")
    assert page.input_value(NOTE) == ""
    assert not page.is_checked(TICK)


def test_the_baby_form_saves_the_baby_it_was_editing(open_page: Callable[..., Tab]) -> None:
    """Ben chosen and "Benjamin" typed; Ana chosen in another tab; Save. Ana's record
    was renamed "Benjamin", keeping her birth date and notes."""
    first, second = two_tabs(open_page, "Ana", "Ben")
    page = first.page
    before = records(page)
    page.fill("#crawl-baby-name", "Benjamin")
    choose(second, "Ana")
    said(page, ".crawl-baby-status", "Ana was chosen in another tab")
    assert "still goes to Ben" in page.inner_text(".crawl-baby-status")
    page.bring_to_front()
    page.click("button.crawl-baby-save")
    kept = records(page)
    assert set(kept) == {"Ana", "Benjamin"}
    assert kept["Ana"]["born"] == before["Ana"]["born"]
    assert kept["Benjamin"]["born"] == before["Ben"]["born"]
    assert kept["Benjamin"]["current"]  # the baby just saved is the one shown
    assert page.input_value("#crawl-baby-name") == "Benjamin"


def test_a_baby_forgotten_in_another_tab_while_a_note_is_typed(
    open_page: Callable[..., Tab],
) -> None:
    first, second = two_tabs(open_page, "Ana", "Ben")
    page = first.page
    first.goto("checklist.html")
    page.click(NOTE)
    page.keyboard.type("Stiff at night")
    second.page.bring_to_front()
    second.goto("tracker.html")
    second.page.click("button.crawl-baby-forget")  # Ben, the current baby
    line = ".crawl-list-checklist .crawl-baby-elsewhere"
    said(page, line, "forgotten in another tab")
    page.bring_to_front()
    assert "Marks for Ana" in page.inner_text(".crawl-checklist-saved")
    assert page.input_value(NOTE) == ""  # Ben's note is not shown as Ana's
    page.check(TICK)
    kept = records(page)
    assert set(kept) == {"Ana"}
    assert kept["Ana"]["marks"]["stiff-limbs"]["note"] == ""
    assert "Stiff at night" not in json.dumps(kept)
