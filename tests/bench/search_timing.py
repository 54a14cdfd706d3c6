"""How long a reader waits for search results, in headless Chromium.

The built handbook is served on 127.0.0.1; ``search.html?q=...`` is opened, and a
MutationObserver installed before any page script records, from the start of
navigation, when the first of Sphinx's own results appears (``ul.search li``) and
when sphinx_crawl's entry results appear (``section.crawl-search``). Both happen on
the same page load, so the ratio compares them under the same conditions.
"""

from __future__ import annotations

import functools
import http.server
import statistics
import threading
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

_OBSERVER = """
window.__searchTimes = {};
new MutationObserver(() => {
  const t = window.__searchTimes;
  if (t.sphinx === undefined && document.querySelector("#search-results ul.search li"))
    t.sphinx = performance.now();
  if (t.crawl === undefined && document.querySelector("section.crawl-search"))
    t.crawl = performance.now();
}).observe(document, { childList: true, subtree: true });
"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a request the browser gave up on (the next page was opened)


def time_search(
    outdir: Path, queries: Iterable[str], rounds: int = 3, crawl: bool = True
) -> dict[str, float]:
    """Median milliseconds to the first results, {"crawl": ..., "sphinx": ...}; without
    ``crawl`` (a build without sphinx_crawl) Sphinx's only."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import chromium_executable
    from tests.browser.support import CHROMIUM_ARGS

    server = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(outdir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    times: dict[str, list[float]] = {"crawl": [], "sphinx": []} if crawl else {"sphinx": []}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), args=CHROMIUM_ARGS
            )
            context = browser.new_context()
            context.add_init_script(_OBSERVER)
            page = context.new_page()
            base = f"http://127.0.0.1:{server.server_address[1]}/search.html?q="
            for _ in range(rounds):
                for query in queries:
                    page.goto(base + quote(query))
                    page.wait_for_function(
                        "() => window.__searchTimes.sphinx !== undefined"
                        + (" && window.__searchTimes.crawl !== undefined" if crawl else ""),
                        timeout=60_000,
                    )
                    found = page.evaluate("window.__searchTimes")
                    for name in times:
                        times[name].append(found[name])
            browser.close()
    finally:
        server.shutdown()
    return {name: statistics.median(values) for name, values in times.items()}
