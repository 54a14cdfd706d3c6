"""A reader's check (s36) of "storage full is said once on any page", on the handbook as
built, on a phone (375 px wide) whose storage cannot hold the offline copy:

- a frightened parent whose first visit is the emergency page reads it undisturbed:
  the notice waits for the next page (it was drawn over the emergency instructions);
- while the notice shows, the end of the page can still be scrolled clear of it (the
  "Next" link and the footer were under it for good, unless the notice was closed);
- it is closed by keyboard: Escape within it, or its Close button (Tab reaches it last,
  and Tab goes on past it: no trap).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tests.browser.conftest import Tab
from tests.browser.storage import limit_storage

pytestmark = pytest.mark.browser

#: About half the English edition's first-visit copy (about 600 KB of files since the
#: scripts are minified; 2 MB before): storage runs out.
QUOTA = 300_000
#: The page's last links (related pages, footer) under the notice, by their text.
COVERED = """() => {
  const top = document.querySelector('.crawl-offline-notice').getBoundingClientRect().top;
  return [...document.querySelectorAll('.related-pages a, footer a')]
    .filter((a) => a.getBoundingClientRect().height > 0)
    .filter((a) => a.getBoundingClientRect().bottom > top)
    .map((a) => a.textContent.trim().replace(/\\s+/g, ' '));
}"""


#: The page's worker asked how what it keeps stands (as each page asks it once): whether it
#: answers that storage is full, a file missing. The page's own script hears the same
#: answer (and would show its notice on hearing it).
FOUND_FULL = """() => new Promise((resolve) => {
  const heard = (event) => {
    if (!event.data || event.data.crawlOffline !== 'status') return;
    navigator.serviceWorker.removeEventListener('message', heard);
    resolve(Boolean(event.data.full && event.data.missing));
  };
  navigator.serviceWorker.addEventListener('message', heard);
  navigator.serviceWorker.controller.postMessage({type: 'status'});
})"""


def small_phone(open_page: Callable[..., Tab]) -> Tab:
    tab = open_page(service_workers="allow", viewport={"width": 375, "height": 700})
    limit_storage(tab.page.context, QUOTA)
    return tab


def test_storage_full_waits_until_after_the_emergency_page(
    open_page: Callable[..., Tab],
) -> None:
    tab = small_phone(open_page)
    page = tab.page
    tab.goto("emergency.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20_000)
    # Asked as every page asks, until the worker has found storage full: this page has
    # heard so, and says nothing.
    deadline = time.monotonic() + 20
    while not page.evaluate(FOUND_FULL):
        assert time.monotonic() < deadline, "the worker never found storage full"
        page.wait_for_timeout(100)
    assert page.locator(".crawl-offline-notice:not(:empty)").count() == 0
    # Said on the next page instead.
    tab.goto("milestones.html")
    notice = page.locator(".crawl-offline-notice")
    notice.wait_for(timeout=20_000)
    assert "storage is full" in notice.inner_text()


def test_the_storage_full_notice_hides_nothing_for_good_and_closes_by_keyboard(
    open_page: Callable[..., Tab],
) -> None:
    tab = small_phone(open_page)
    page = tab.page
    tab.goto("milestones.html")
    notice = page.locator(".crawl-offline-notice")
    notice.wait_for(timeout=20_000)
    page.locator(".crawl-offline-close").wait_for()
    # Scrolled to the end, the page's last links are above the notice, not under it.
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(300)
    covered = page.evaluate(COVERED)
    assert not covered, covered
    # Tab reaches its link and Close button, and goes on past them (no trap).
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.classList.contains('crawl-offline-close')"):
            break
    else:
        pytest.fail("Tab never reached the notice's Close button")
    # Escape, within the notice, closes it.
    page.keyboard.press("Escape")
    assert notice.is_hidden()
