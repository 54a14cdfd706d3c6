"""What a reader waits for and downloads on a first search, in headless Chromium.

The built handbook is served on 127.0.0.1; ``search.html?q=...`` is opened in a fresh
browser context each time (an empty cache: a first visit), and a MutationObserver
installed before any page script records, from the start of navigation, when the first
of Sphinx's own results appears (``ul.search li``; on (c) there may be none, as entries'
words are the entry search's alone), when its search has finished (its summary), and
when sphinx_crawl's entry results appear (``section.crawl-search``).

In the first round every response of the searches is also kept and its body gzipped
(level 6, what a web server sends): sphinx_crawl's search (its up-front index, its
script, the parts of the index it loaded) and Sphinx's own index.

:func:`offline_cache` visits one page of a build made with ``crawl_offline = True``
and measures what the service worker keeps.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

_OBSERVER = r"""
window.__searchTimes = {};
new MutationObserver(() => {
  const t = window.__searchTimes;
  if (t.sphinx === undefined && document.querySelector("#search-results ul.search li"))
    t.sphinx = performance.now();
  // Sphinx's search has finished when it writes its summary (results or none).
  const summary = document.querySelector("#search-results p.search-summary");
  if (t.sphinxDone === undefined && summary && /\S/.test(summary.textContent))
    t.sphinxDone = performance.now();
  if (t.crawl === undefined && document.querySelector("section.crawl-search"))
    t.crawl = performance.now();
}).observe(document, { childList: true, subtree: true });
"""

#: What a response is, by its path: sphinx_crawl's search, Sphinx's own index, a page.
CRAWL_INDEX = "crawl-searchindex.js"
CRAWL_SCRIPT = "_static/crawl-search.js"
CRAWL_PARTS = "_crawl_search/"
SPHINX_INDEX = "searchindex.js"
KINDS = ("index", "script", "parts", "sphinx", "pages", "other")  # the last two not counted


def kind_of(path: str) -> str:
    path = path.lstrip("/")
    if path == CRAWL_INDEX:
        return "index"
    if path == CRAWL_SCRIPT:
        return "script"
    if path.startswith(CRAWL_PARTS):
        return "parts"
    if path == SPHINX_INDEX:
        return "sphinx"
    if path.endswith(".html") and path != "search.html":
        return "pages"
    return "other"


def gzipped(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


@dataclass
class QueryBytes:
    """What one first query downloaded, gzipped, by kind; and how many parts."""

    query: str
    gz: dict[str, int] = field(default_factory=dict)
    raw: dict[str, int] = field(default_factory=dict)
    parts: int = 0

    @property
    def crawl_gz(self) -> int:
        """sphinx_crawl's search: its up-front index, its script and the parts loaded."""
        return sum(self.gz.get(k, 0) for k in ("index", "script", "parts"))


@dataclass
class SearchMeasure:
    ms: dict[str, float]  # median over queries and rounds: "crawl", "sphinx"
    queries: list[QueryBytes]

    def most(self, attribute: str) -> int:
        return max(getattr(q, attribute) for q in self.queries)

    def sphinx_gz(self) -> int:
        return max(q.gz.get("sphinx", 0) for q in self.queries)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a request the browser gave up on (the next page was opened)


@contextmanager
def _browser(outdir: Path) -> Iterator[tuple[Any, str]]:
    """(a headless Chromium, the address the build is served at)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import chromium_executable
    from tests.browser.support import CHROMIUM_ARGS

    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(outdir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
            try:
                yield browser, f"http://127.0.0.1:{server.server_address[1]}/"
            finally:
                browser.close()
    finally:
        server.shutdown()
        server.server_close()


def measure_search(
    outdir: Path, queries: Iterable[str], rounds: int = 3, crawl: bool = True
) -> SearchMeasure:
    """Median milliseconds to the first results of each kind (``crawl`` false: a build
    without sphinx_crawl, Sphinx's only) and, from the first round, the bytes each
    query downloaded."""
    queries = list(queries)
    times: dict[str, list[float]] = {"crawl": [], "sphinx": []} if crawl else {"sphinx": []}
    downloads = []
    # On (c) Sphinx's page results may be none (a query whose words are only in entries:
    # those are the entry search's, issue 27): wait for its search to finish instead.
    ready = (
        "() => window.__searchTimes.crawl !== undefined && window.__searchTimes.sphinxDone "
        "!== undefined"
        if crawl
        else "() => window.__searchTimes.sphinx !== undefined"
    )
    with _browser(outdir) as (browser, base):
        for round_number in range(rounds):
            for query in queries:
                context = browser.new_context()  # an empty cache: a first visit
                context.add_init_script(_OBSERVER)
                page = context.new_page()
                responses: list[Any] = []
                if round_number == 0:
                    page.on("response", functools.partial(_keep, responses))
                page.goto(f"{base}search.html?q={quote(query)}")
                page.wait_for_function(ready, timeout=120_000)
                found = page.evaluate("window.__searchTimes")
                for name in times:
                    if name in found:  # Sphinx's own on (c): only when it found a page
                        times[name].append(found[name])
                if round_number == 0:
                    downloads.append(_bytes(query, responses))
                context.close()
    return SearchMeasure(
        {k: statistics.median(v) if v else float("nan") for k, v in times.items()}, downloads
    )


def _keep(found: list[Any], response: Any) -> None:
    found.append(response)


def _bytes(query: str, responses: list[Any]) -> QueryBytes:
    """What the searches downloaded before their results showed. (Not the pages fetched
    for excerpts and summaries afterwards: Sphinx fetches one per page found, for
    seconds on a large handbook.)"""
    found = QueryBytes(query)
    for response in responses:
        kind = kind_of(urlsplit(response.url).path)
        if kind in ("pages", "other"):
            continue
        try:
            body = response.body()
        except Exception:  # a redirect or an aborted request has none
            continue
        found.gz[kind] = found.gz.get(kind, 0) + gzipped(body)
        found.raw[kind] = found.raw.get(kind, 0) + len(body)
        found.parts += kind == "parts"
    return found


_CACHE_CONTENTS = """async () => {
  const urls = [];
  let bytes = 0;
  for (const key of await caches.keys()) {
    const cache = await caches.open(key);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      bytes += (await response.arrayBuffer()).byteLength;
      urls.push(request.url);
    }
  }
  return [urls, bytes];
}"""


@dataclass
class OfflineCache:
    files: int
    bytes: int  # as kept in the cache
    gz: int  # the same files gzipped: what the first visit downloads from a web server


def offline_cache(outdir: Path, page_name: str = "index.html") -> OfflineCache:
    """Visit one page of a build made with ``crawl_offline = True`` in a fresh context,
    wait for its service worker to be ready, and measure what it keeps."""
    with _browser(outdir) as (browser, base):
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + page_name)
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        urls, kept = page.evaluate(_CACHE_CONTENTS)
        context.close()
    gz = 0
    for url in urls:
        path = outdir / urlsplit(url).path.lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            gz += gzipped(path.read_bytes())
    return OfflineCache(len(urls), kept, gz)
