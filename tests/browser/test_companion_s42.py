"""A parent who uses both editions: the summary for the doctor names each mark in the
summary's own language, whichever edition's page was visited last (both editions share
the browser's record)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_companion import PHONE, enter_baby, stored

pytestmark = pytest.mark.browser

ENTRY = "pushes-up-on-arms"
SIGN = "stiff-limbs"


@pytest.fixture
def phone(open_page: Callable[..., Tab]) -> Tab:
    tab = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    tab.page.on("dialog", lambda dialog: dialog.accept())
    return tab


def tracker_title(tab: Tab, path: str, entry: str) -> str:
    tab.goto(path)
    item = tab.page.locator(f"li.crawl-track-item[data-crawl-track='{entry}']")
    return item.locator(".crawl-track-line strong").inner_text().strip()


def summary_text(tab: Tab, path: str) -> str:
    tab.goto(path)
    return " ".join(tab.page.locator(".crawl-summary-part").all_inner_texts())


def test_each_editions_summary_names_the_marks_in_its_own_language(phone: Tab) -> None:
    page = phone.page
    enter_baby(phone, "Lucía")
    spanish = tracker_title(phone, "es/tracker.html", ENTRY)
    page.check(f"input[name=track-{ENTRY}][value=yes]")
    spanish_sign = tracker_title(phone, "es/tracker.html", SIGN)
    page.check(f"input[name=track-{SIGN}]")
    # The English tracker is visited last: the stored titles are now English ones.
    english = tracker_title(phone, "tracker.html", ENTRY)
    english_sign = tracker_title(phone, "tracker.html", SIGN)
    assert spanish != english
    assert spanish_sign != english_sign
    mark = stored(phone)["babies"]
    (baby,) = mark.values()
    assert baby["marks"][ENTRY]["title"] == english

    text = summary_text(phone, "es/summary.html")
    assert spanish in text, text
    assert spanish_sign in text, text
    assert english not in text, text
    assert english_sign not in text, text
    text = summary_text(phone, "summary.html")
    assert english in text, text
    assert english_sign in text, text
    assert spanish not in text, text


def test_a_spanish_checklist_tick_reads_in_spanish_after_the_english_tracker(
    phone: Tab,
) -> None:
    page = phone.page
    enter_baby(phone, "Ana")
    phone.goto("es/checklist.html")
    page.check(f'input.crawl-check[data-crawl-key="checklist:{SIGN}"]')
    title = page.locator(f"li:has(input[data-crawl-key='checklist:{SIGN}']) .crawl-check-title")
    spanish = title.first.inner_text().strip()
    english = tracker_title(phone, "tracker.html", SIGN)  # seen in English last
    assert spanish != english
    text = summary_text(phone, "es/summary.html")
    assert spanish in text, text
    assert english not in text, text
    text = summary_text(phone, "summary.html")
    assert english in text, text
    assert spanish not in text, text


def test_tracker_tabs_in_both_languages_do_not_rewrite_each_other_for_ever(
    open_page: Callable[..., Tab],
) -> None:
    """Each tab redraws when the other writes; the English tab kept the mark's English
    title, the Spanish one its Spanish title, each writing again whenever it saw the
    other's (the record rewritten many times a second for as long as both were open).
    Now each keeps its own language's name of the mark, and both settle."""
    english = open_page(viewport=PHONE)
    enter_baby(english, "Mia")
    english.page.check(f"input[name=track-{ENTRY}][value=yes]")
    spanish = Tab(english.page.context.new_page(), english.base)
    count = "window.__writes = 0; const set = Storage.prototype.setItem;"
    count += " Storage.prototype.setItem = function (...a) { window.__writes += 1;"
    count += " return set.apply(this, a); };"
    english.page.context.add_init_script(count)
    spanish.goto("es/tracker.html")
    english.goto("tracker.html")
    english.page.wait_for_timeout(1500)  # both have drawn, and seen each other's writes
    writes = [tab.page.evaluate("window.__writes") for tab in (english, spanish)]
    english.page.wait_for_timeout(1000)
    later = [tab.page.evaluate("window.__writes") for tab in (english, spanish)]
    assert later == writes, f"still writing: {writes} then {later}"
    assert sum(later) <= 4, later
