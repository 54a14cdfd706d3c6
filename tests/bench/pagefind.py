"""Pagefind against the entry search: what a first query downloads, and how long it takes.

Issue 27 asked to measure Pagefind (which shards a site's index, as the entry search
does) before choosing. Given a built corpus (``nox -s bench -- --workdir W`` keeps
them under ``W/out``), this indexes its HTML with Pagefind, then opens a page that runs
the benchmark's five queries through Pagefind's own script, each in a fresh browser
context, as the bench does for the entry search: the files under ``_pagefind/`` it
loaded (counted gzipped, or as sent where Pagefind's files are compressed already) and
the time to eight results with their excerpts::

    pip install "pagefind[bin]"
    python -m tests.bench.pagefind W/out/fair-short-5000-b
"""

from __future__ import annotations

import argparse
import functools
import gzip
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.bench.fair import QUERIES
from tests.bench.search_timing import _browser

_PAGE = """<!doctype html><meta charset="utf-8"><title>Pagefind</title><ul id="r"></ul>
<script type="module">
const query = new URLSearchParams(location.search).get("q");
const pagefind = await import("./_pagefind/pagefind.js");
await pagefind.init();
const found = await pagefind.search(query);
const shown = await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
for (const data of shown) {
  const item = document.createElement("li");
  item.textContent = data.meta.title + ": " + data.excerpt;
  document.getElementById("r").append(item);
}
window.__done = performance.now();
</script>"""


def _keep(found: list[Any], response: Any) -> None:
    found.append(response)


def _sent(body: bytes) -> int:
    return min(len(body), len(gzip.compress(body, compresslevel=6, mtime=0)))


def measure(site: Path, rounds: int = 3) -> dict[str, Any]:
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "_pagefind"],
        check=True,
        capture_output=True,
    )
    (site / "pagefind-probe.html").write_text(_PAGE, encoding="utf-8")
    times: list[float] = []
    first: list[tuple[str, int, int]] = []
    with _browser(site) as (browser, base):
        for round_number in range(rounds):
            for query in QUERIES:
                context = browser.new_context()
                page = context.new_page()
                responses: list[Any] = []
                page.on("response", functools.partial(_keep, responses))
                page.goto(f"{base}pagefind-probe.html?q={query}")
                page.wait_for_function("() => window.__done !== undefined", timeout=120_000)
                times.append(page.evaluate("window.__done"))
                if round_number == 0:
                    ours = [r for r in responses if "/_pagefind/" in r.url]
                    first.append((query, sum(_sent(r.body()) for r in ours), len(ours)))
                context.close()
    return {"ms": statistics.median(times), "queries": first}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built HTML output folder")
    found = measure(parser.parse_args().site)
    for query, sent, files in found["queries"]:
        print(f"{query!r}: {sent / 1024:.1f} KiB in {files} files")
    print(f"median ms to eight results with excerpts: {found['ms']:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
