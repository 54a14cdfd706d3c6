"""The storage-full notice on a phone that turns, and closed from the keyboard (left
open at the last stop): the room kept at the page's end follows the notice's height
when the phone turns (it kept the height the notice had first, so a taller notice hid
the page's last links), and closing it from within sends focus to the page's main
part, not to nowhere (the document's start, for a screen reader).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.test_reader_checks_s36 import COVERED, small_phone

pytestmark = pytest.mark.browser


def test_the_notice_s_room_follows_a_turned_phone_and_close_keeps_focus(
    open_page: Callable[..., Tab],
) -> None:
    tab = small_phone(open_page)
    page = tab.page
    page.set_viewport_size({"width": 800, "height": 375})  # held sideways
    tab.goto("milestones.html")
    notice = page.locator(".crawl-offline-notice")
    notice.wait_for(timeout=20_000)
    page.locator(".crawl-offline-close").wait_for()
    wide = notice.bounding_box()
    page.set_viewport_size({"width": 320, "height": 640})  # turned upright, narrower
    page.wait_for_timeout(300)
    tall = notice.bounding_box()
    assert wide
    assert tall
    assert tall["height"] > wide["height"]  # the words wrap more
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(300)
    assert not page.evaluate(COVERED)
    page.locator(".crawl-offline-close").focus()
    page.keyboard.press("Enter")
    assert notice.is_hidden()
    focused = page.evaluate(
        "() => document.activeElement === document.body ? 'body' : "
        "document.activeElement.closest('main, [role=main]') ? 'main' : 'elsewhere'"
    )
    assert focused == "main"
