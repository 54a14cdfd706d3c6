"""Offline and installable (issue 13): once the reader keeps the handbook (the box on
the about page; a handbook within the budget is kept whole after one visit), with the
network switched off every page, the search and the tracker still work; each edition
keeps its own copy. (What a first visit keeps within a budget, the reader's choice, a
failed file and a deploy: tests/browser/test_offline_budget.py.)
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

#: What the worker of the page's edition keeps (its scope's one cache), as full URLs.
CACHED = """async () => {
  const registration = await navigator.serviceWorker.ready;
  const prefix = 'sphinx-crawl ' + new URL(registration.scope).pathname + ' ';
  const mine = (await caches.keys()).filter((key) => key.startsWith(prefix));
  if (mine.length !== 1) return [];
  const cache = await caches.open(mine[0]);
  return (await cache.keys()).map((request) => request.url);
}"""


def keep_the_handbook(open_page: Callable[..., Tab], about: str = "about.html") -> Tab:
    """The first visit, online, to the about page; the whole handbook kept (asked for
    there, unless the handbook fits in the budget and is kept whole at once)."""
    tab = open_page(service_workers="allow", viewport={"width": 375, "height": 800})
    tab.goto(about)
    page = tab.page
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    box = page.locator("div.crawl-offline[data-state]")
    box.wait_for()
    if box.get_attribute("data-state") == "some":
        page.click("button.crawl-offline-keep")
    page.locator('div.crawl-offline:is([data-state="kept"], [data-state="whole"])').wait_for(
        timeout=60_000
    )
    return tab


def test_every_page_search_and_tracker_work_with_the_network_off(
    open_page: Callable[..., Tab], site: Path
) -> None:
    tab = keep_the_handbook(open_page)
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
    for url in ((site / "index.html").as_uri(), (site / "about.html").as_uri()):
        tab.goto(url)
        tab.page.wait_for_load_state("load")
        assert tab.page.evaluate("() => window.crawlRegistered") == 0
    # Nothing to keep from disk: the reader's choice stays hidden.
    assert tab.page.locator("div.crawl-offline").is_hidden()
    # Over http the same script does register it.
    tab.goto("index.html")
    tab.page.wait_for_function("() => window.crawlRegistered === 1")


def test_the_page_names_its_manifest(tab: Tab, site: Path) -> None:
    tab.goto("tips/index.html")
    href = tab.page.locator("link[rel=manifest]").get_attribute("href")
    assert href == "../manifest.webmanifest"
    assert (site / "manifest.webmanifest").is_file()


def test_each_edition_keeps_its_own_copy(open_page: Callable[..., Tab], site: Path) -> None:
    """The English worker (scope /) and the Spanish one (scope /es/) share one origin:
    each keeps its own cache, and neither drops the other's."""
    tab = keep_the_handbook(open_page)
    page = tab.page
    tab.goto("es/about.html")
    page.wait_for_function(
        "() => navigator.serviceWorker.controller"
        " && navigator.serviceWorker.controller.scriptURL.endsWith('/es/crawl-sw.js')"
    )
    page.wait_for_function(
        "() => caches.keys()"
        ".then((keys) => keys.some((key) => key.startsWith('sphinx-crawl /es/ ')))"
    )
    status = page.locator("div.crawl-offline[data-state] .crawl-offline-status")
    status.wait_for()
    assert "manual" in status.inner_text()  # in Spanish
    es_kept = page.evaluate(CACHED)
    assert any(url.endswith("/es/about.html") for url in es_kept)
    assert not [url for url in es_kept if "/es/" not in url]
    names = page.evaluate("() => caches.keys()")
    assert len([name for name in names if name.startswith("sphinx-crawl / ")]) == 1, names
    page.context.set_offline(True)
    for path in ("milestones.html", "es/about.html", "tracker.html"):
        response = tab.goto(path)
        assert response is not None
        assert response.ok, path
        assert response.body() == (site / path).read_bytes(), path
