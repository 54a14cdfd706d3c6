"""Offline and installable (issue 13): after one visit, with the network switched
off, every page, the search and the tracker still work; a new build is a new cache.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote_plus

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import visit_list

pytestmark = pytest.mark.browser

CACHED = """async () => {
  const keys = await caches.keys();
  const mine = keys.filter((key) => key.startsWith('sphinx-crawl-'));
  if (mine.length !== 1) return [];
  const cache = await caches.open(mine[0]);
  return (await cache.keys()).map((request) => request.url);
}"""


def visit_once(open_page: Callable[..., Tab]) -> Tab:
    """The first visit, online: the worker installs and keeps the handbook."""
    tab = open_page(service_workers="allow", viewport={"width": 375, "height": 800})
    tab.goto("index.html")
    tab.page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    tab.page.wait_for_function(
        "() => navigator.serviceWorker.controller !== null || caches.keys().then((k) => k.length)"
    )
    return tab


def test_every_page_search_and_tracker_work_with_the_network_off(
    open_page: Callable[..., Tab], site: Path
) -> None:
    tab = visit_once(open_page)
    page = tab.page
    kept = page.evaluate(CACHED)
    for path in ("index.html", "search.html", "tracker.html", "crawl-searchindex.js"):
        assert any(url.endswith("/" + path) for url in kept), (path, kept[:5])
    page.context.set_offline(True)
    for path in visit_list(site, edition=""):  # the English edition's worker keeps its own
        response = tab.goto(path)
        assert response is not None
        assert response.ok, path
        # The kept copy, byte for byte, and the page's own scripts ran (open_page fails
        # the test on a script error).
        assert response.body() == (site / path.partition("?")[0]).read_bytes(), path
        assert page.locator("[role=main]").inner_text().strip(), path
    # Search, with entry results, from the kept index.
    tab.goto("search.html?q=" + quote_plus("stiff legs"))
    first = page.locator("section.crawl-search ul.crawl-search-results a").first
    assert "stiff-limbs" in (first.get_attribute("href") or "")
    # The tracker: a baby entered offline, a mark kept across a reload.
    page.on("dialog", lambda dialog: dialog.accept())
    tab.goto("tracker.html")
    born = (datetime.date.today() - datetime.timedelta(days=300)).isoformat()
    page.fill("#crawl-baby-born", born)
    page.click("button.crawl-baby-save")
    page.check("input[name=track-belly-crawl][value=yes]")
    page.reload()
    assert page.is_checked("input[name=track-belly-crawl][value=yes]")
    tab.goto("milestones.html")
    assert page.locator("form.crawl-age-filter [name=age]").input_value() == "9.8"


def test_opened_from_disk_no_worker_and_no_error(open_page: Callable[..., Tab], site: Path) -> None:
    tab = open_page(service_workers="allow")
    # Record any attempt to register a worker (browsers refuse them on file://).
    tab.page.add_init_script(
        "window.crawlRegistered = 0; if (navigator.serviceWorker) {"
        " navigator.serviceWorker.register = () => {"
        " window.crawlRegistered += 1; return Promise.resolve(); }; }"
    )
    for url in ((site / "index.html").as_uri(), (site / "tracker.html").as_uri()):
        tab.goto(url)
        tab.page.wait_for_load_state("load")
        assert tab.page.evaluate("() => window.crawlRegistered") == 0
    # Over http the same script does register it.
    tab.goto("index.html")
    tab.page.wait_for_function("() => window.crawlRegistered === 1")


def test_the_page_names_its_manifest(tab: Tab, site: Path) -> None:
    tab.goto("tips/index.html")
    href = tab.page.locator("link[rel=manifest]").get_attribute("href")
    assert href == "../manifest.webmanifest"
    assert (site / "manifest.webmanifest").is_file()
