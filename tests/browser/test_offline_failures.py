"""Offline when things go wrong (the tester's report on the offline copy), in Chromium:
a file that fails while a handbook kept whole installs is told, and tried again at a
later visit; a network that never answers gets the kept copy after a few seconds;
storage that runs out keeps the most important files, the install still succeeds, and
the box says the storage is full (not "is the network on?"); the whole handbook
downloads most important first, the authors' pages (``crawl_demo_pages``) last.

One module build of two handbooks (the generated one of test_offline_budget.py, with an
emergency page and an authors' page): one kept whole, one within a small budget.
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import Tab
from tests.browser.storage import limit_storage, settled_storage_used
from tests.browser.test_offline_budget import (
    ROOM,
    Served,
    _Handler,
    box_state,
    close_and_check,
    first_visit,
    kept,
    set_budget,
    sphinx_build,
    wait_kept,
    write_handbook,
)
from tests.build_utils import serving

pytestmark = pytest.mark.browser

#: The worker's wait for the network before a kept copy answers (crawl-sw.js).
NETWORK_WAIT = 3.0


def _add_pages(src: Path) -> None:
    """An emergency page (kept on a first visit, first of all) and a large authors'
    page, first in the contents but named by ``crawl_demo_pages``."""
    (src / "emergency.md").write_text(
        "# When to call for help\n\nCall the emergency number if your baby is not breathing.\n",
        encoding="utf-8",
    )
    (src / "authoring.md").write_text(
        "# For authors\n\n" + "An example for the authors of the handbook. " * 4000 + "\n",
        encoding="utf-8",
    )
    index = src / "index.md"
    index.write_text(
        re.sub(r"(:maxdepth: 1\n\n?)", r"\1authoring\nemergency\n", index.read_text(), count=1),
        encoding="utf-8",
    )


def _conf_tail(src: Path, budget: int) -> None:
    """The budget (set_budget drops every line from ``crawl_offline`` on), then the
    emergency page and the authors' page."""
    set_budget(src, budget)
    conf = src / "conf.py"
    extra = '\ncrawl_emergency = {"page": "emergency"}\ncrawl_demo_pages = ["authoring"]\n'
    conf.write_text(conf.read_text(encoding="utf-8") + extra, encoding="utf-8")


@pytest.fixture(scope="module")
def builds(playwright_browser: Any, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two handbooks: every file within the budget ("whole"); the essentials and ROOM
    ("budget")."""
    root = tmp_path_factory.mktemp("failures")
    whole = root / "whole"
    src, out = whole / "src", whole / "out"
    write_handbook(src, 10**9)
    _add_pages(src)
    _conf_tail(src, 10**9)
    sphinx_build(src, out)
    site = Served(src, out)
    assert len(site.essential()) == len(site.files())
    budget = root / "budget"
    shutil.copytree(whole, budget)
    src, out = budget / "src", budget / "out"
    _conf_tail(src, 1)
    sphinx_build(src, out)
    site = Served(src, out)
    files = site.files()
    essential = sum(files[path][1] for path in site.essential())
    _conf_tail(src, essential + ROOM)
    sphinx_build(src, out)
    return {"whole": whole, "budget": budget}


class _Slow(_Handler):
    """Fails ``site.fail``; with ``hang`` set, accepts and answers only once
    ``release`` is set (with ``hang`` cleared; not at all if the test ends first).
    Every answer is to be checked again (``no-cache``), as a live site's pages are:
    the browser's own cache does not answer instead of the server."""

    hang: threading.Event
    release: threading.Event

    def do_GET(self) -> None:
        if self.hang.is_set():
            self.release.wait(60)
            if self.hang.is_set():
                return  # the test is over
        super().do_GET()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()


@pytest.fixture
def serve(builds: dict[str, Path], tmp_path: Path) -> Iterator[Callable[[str], Served]]:
    servers: list[Any] = []
    events: list[threading.Event] = []

    def start(name: str) -> Served:
        shutil.copytree(builds[name], tmp_path / name)
        site = Served(tmp_path / name / "src", tmp_path / name / "out")
        hang, release = threading.Event(), threading.Event()
        events.append(release)
        handler = type("Handler", (_Slow,), {"site": site, "hang": hang, "release": release})
        server = serving(functools.partial(handler, directory=str(site.out)))
        site.base, _ = server.__enter__()
        site.server = (hang, release)  # what the test turns the server into
        servers.append(server)
        return site

    yield start
    for event in events:
        event.set()
    for server in servers:
        server.__exit__(None, None, None)


@pytest.fixture
def phone(playwright_browser: Any) -> Iterator[Callable[..., Tab]]:
    contexts: list[Any] = []
    tabs: list[Tab] = []

    def opener(site: Served, quota: int = 0) -> Tab:
        context = playwright_browser.new_context(
            service_workers="allow", viewport={"width": 375, "height": 800}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        if quota:
            limit_storage(context, quota)
        page = context.new_page()
        tab = Tab(page, site.base)
        tabs.append(tab)
        return tab

    yield opener
    close_and_check(contexts, tabs)


def works_offline(tab: Tab, path: str) -> None:
    """With the network off, ``path`` opens from the kept copy."""
    tab.page.context.set_offline(True)
    response = tab.goto(path)
    assert response is not None
    assert response.ok, path


def test_a_file_that_fails_in_a_whole_handbook_is_told_and_tried_again(
    phone: Callable[..., Tab], serve: Callable[[str], Served]
) -> None:
    site = serve("whole")
    files = site.files()
    site.fail.add("p00005.html")
    tab = phone(site)
    first_visit(tab, "about.html")
    status = box_state(tab, "failed")
    assert status.startswith(f"1 of {len(files)} files could not be kept"), status
    assert tab.page.locator("button.crawl-offline-keep").inner_text() == "Try again"
    assert "p00005.html" not in kept(tab)
    # A later visit, the server mended: the missing file is kept, and the box says so.
    site.fail.clear()
    tab.goto("index.html")
    assert "p00005.html" in wait_kept(tab, lambda now: "p00005.html" in now)
    tab.goto("about.html")
    assert box_state(tab, "whole").startswith("The whole handbook")
    works_offline(tab, "p00005.html")


def test_a_network_that_never_answers_gets_the_kept_page_in_seconds(
    phone: Callable[..., Tab], serve: Callable[[str], Served]
) -> None:
    site = serve("budget")
    tab = phone(site)
    first_visit(tab, "index.html")
    wait_kept(tab, lambda now: set(site.essential()) <= set(now))
    hang, release = site.server
    hang.set()  # the weak signal: connections taken, not answered
    began = time.monotonic()
    response = tab.goto("emergency.html", timeout=NETWORK_WAIT * 1000 + 6000)
    took = time.monotonic() - began
    assert response is not None
    assert response.ok
    assert response.body() == (site.out / "emergency.html").read_bytes()
    assert took < NETWORK_WAIT + 5, took
    assert "not breathing" in tab.page.locator("main, [role=main]").first.inner_text()
    # The network answers at last, with a newer page: that answer refreshes the kept copy.
    page = site.out / "emergency.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- newer -->", encoding="utf-8")
    hang.clear()
    release.set()
    kept_text = """async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith('sphinx-crawl / '));
      const copy = await (await caches.open(names[0])).match('emergency.html');
      return copy ? (await copy.text()).endsWith('<!-- newer -->') : false;
    }"""
    deadline = time.monotonic() + 10
    while not tab.page.evaluate(kept_text) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert tab.page.evaluate(kept_text)


def _files_in_order(site: Served) -> list[str]:
    return list(site.files())


def test_storage_that_runs_out_keeps_the_most_important_and_says_so(
    phone: Callable[..., Tab], serve: Callable[[str], Served]
) -> None:
    site = serve("budget")
    files = site.files()
    essential = site.essential()
    order = _files_in_order(site)
    # Most important first: the emergency page, the search and its index.
    assert order[0] == "emergency.html"
    assert order.index("crawl-searchindex.js") < order.index("index.html")
    assert order[-1] == "authoring.html"  # the authors' page, last
    # Room for some of the essentials only.
    quota = sum(files[path][1] for path in essential) // 2
    tab = phone(site, quota=quota)
    tab.goto("about.html")
    # The install succeeds with what fits: the worker runs the page.
    tab.page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    now = kept(tab)
    assert "emergency.html" in now
    status = box_state(tab, "full")
    assert "storage is full" in status, status
    assert "network" not in status
    assert tab.page.locator("button.crawl-offline-keep").inner_text() == "Try again"
    works_offline(tab, "emergency.html")


def test_keeping_the_whole_handbook_in_little_storage_keeps_pages_first_and_says_storage_is_full(
    phone: Callable[..., Tab], serve: Callable[[str], Served]
) -> None:
    site = serve("budget")
    files = site.files()
    order = _files_in_order(site)
    pages = [path for path in order if re.fullmatch(r"p\d+\.html", path)]
    # What the first visit takes of the storage, as the limited storage counts it
    # (limit_storage: room to spare): then room for about five pages more, of the
    # handbook's ten. (With three, the first page found no room in two runs of many, on
    # a loaded machine and in CI at 4d2eed8: the quota's count of what a visit keeps
    # varies from run to run, so an estimate of three pages could hold none.)
    # (Read once the first visit's keeping has settled, here and before the reader asks
    # for everything below: s48, in a whole run at load 8-10 no page fitted again, the
    # count read while the worker was still keeping the visit's files.)
    probe = phone(site, quota=10**12)
    first_visit(probe, "about.html")
    box_state(probe, "some")
    used = settled_storage_used(probe.page.context, probe.page)
    kept_bytes = sum(files[path][1] for path in kept(probe))
    room = sum(files[path][1] for path in pages[:5]) * used // max(1, kept_bytes)
    tab = phone(site, quota=used + room)
    first_visit(tab, "about.html")
    box_state(tab, "some")
    settled_storage_used(tab.page.context, tab.page)
    tab.page.click("button.crawl-offline-keep")
    status = box_state(tab, "full")
    assert "storage is full" in status, status
    assert "network" not in status
    now = kept(tab)
    assert pages[0] in now
    assert "authoring.html" not in now  # the authors' page comes last


def test_storage_full_is_said_once_on_the_page_the_reader_is_on(
    phone: Callable[..., Tab], serve: Callable[[str], Served]
) -> None:
    """Storage that runs out on a first visit to a page other than the about page: the
    reader is told there, once, in words (a status that screen readers read once), with
    the way to the box that can try again; the next page does not say it again."""
    site = serve("budget")
    files = site.files()
    quota = sum(files[path][1] for path in site.essential()) // 2
    tab = phone(site, quota=quota)
    tab.goto("index.html")
    page = tab.page
    notice = page.locator(".crawl-offline-notice")
    notice.wait_for(timeout=20_000)
    assert notice.get_attribute("role") == "status"
    text = notice.inner_text()
    assert "storage is full" in text, text
    assert notice.locator("a").get_attribute("href") == site.base + "about.html"
    assert notice.locator("[role=alert]").count() == 0
    # Out of the way, and closed with one tap.
    notice.get_by_role("button", name="Close").click()
    assert notice.is_hidden()
    # The next page: not said again.
    tab.goto("p00005.html")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_timeout(500)
    assert page.locator(".crawl-offline-notice").count() == 0
    # The about page's box still says it, with "Try again".
    tab.goto("about.html")
    assert "storage is full" in box_state(tab, "full")
    assert page.locator(".crawl-offline-notice").count() == 0
