"""Helpers shared by the browser tests: what to visit, and small in-page checks."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
STATIC = ROOT / "sphinx_crawl" / "static"
ARTIFACTS = ROOT / "tests" / "artifacts"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Pages whose entries carry ages, so they get the age filter.
AGED_PAGES = [
    "milestones.html",
    "red-flags.html",
    "tips/hands-on-help.html",
    "tips/motivation-and-play.html",
    "tips/strength-and-tummy-time.html",
    "tips/surfaces-and-clothing.html",
]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

#: The handbook's editions (docs/conf.py, crawl_editions): the folder each is built in,
#: and a query that finds entries in its language.
EDITIONS = {"": "crawl", "es/": "gatea"}

# Extra states worth checking beyond the plain pages: the search page with entry
# results, and an age-filtered page with highlighted entries.
EXTRA_STATES = [
    "search.html?q=army+crawl",
    "milestones.html?age=8&early=6",
    "es/search.html?q=piernas+r%C3%ADgidas",
    "es/milestones.html?age=8&early=6",
]


def edition_of(path: str) -> str:
    return next((e for e in EDITIONS if e and path.startswith(e)), "")


def html_pages(site: Path, edition: str | None = None) -> list[str]:
    """Every page of the built handbook (of one edition: "" English, "es/" Spanish),
    as paths relative to its root."""
    pages = (
        path.relative_to(site)
        for path in site.rglob("*.html")
        if not {"_static", "_sources", "_images"} & set(path.relative_to(site).parts)
    )
    return sorted(
        page.as_posix()
        for page in pages
        if edition is None or edition_of(page.as_posix()) == edition
    )


def is_search(path: str) -> bool:
    return path.partition("?")[0].endswith("search.html")


def visit_list(site: Path, edition: str | None = None) -> list[str]:
    """Every page (of every edition, or of one), the search page with a query, and the
    extra states."""
    pages = [
        f"{p}?q={EDITIONS[edition_of(p)]}" if is_search(p) else p for p in html_pages(site, edition)
    ]
    extra = [p for p in EXTRA_STATES if edition is None or edition_of(p) == edition]
    return pages + extra


_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b([^>]*)>")
_CLASS = re.compile(r"""\bclass=["']([^"']*)["']""")
_PARTS = re.compile(r"""\b(data-crawl-[a-z-]+|src=["'][^"'?]*\.js)""")


def page_parts(html: str) -> set[str]:
    """What a page is drawn from: each element's tag with each of its classes, the
    scripts it loads (which draw the rest) and the ``data-crawl-*`` hooks they fill."""
    found: set[str] = set()
    for tag, attributes in _TAG.findall(html):
        tag = tag.lower()
        found.add(tag)
        for classes in _CLASS.findall(attributes):
            found.update(f"{tag}.{name}" for name in classes.split())
        found.update(_PARTS.findall(attributes))
    return found


def pages_covering_every_part(site: Path, visited: list[str]) -> list[str]:
    """Fewer pages that still show every part of ``visited``: every page state (a path
    with a query: drawn by script) and, of the plain pages, a greedy cover of
    :func:`page_parts` of both editions. Colours come from stylesheet rules on those
    parts, so a colour check on the cover sees every rule any page uses."""
    states = [path for path in visited if "?" in path]
    left = {
        path: page_parts((site / path).read_text("utf-8")) for path in visited if "?" not in path
    }
    missing = set().union(*left.values()) if left else set()
    cover: list[str] = []
    while missing:
        best = max(left, key=lambda path: (len(left[path] & missing), path))
        cover.append(best)
        missing -= left.pop(best)
    return sorted(cover) + states


def is_local(url: str, base: str) -> bool:
    """True for the handbook's own server, files, and inline data (no other host)."""
    scheme = urlsplit(url).scheme
    if scheme in ("file", "data", "blob"):
        return True
    return url.startswith(base) and urlsplit(url).hostname == "127.0.0.1"


def entry_state(page: Any) -> dict[str, Any]:
    """What the age filter shows: form values, which entries apply, which are visible."""
    return page.evaluate(
        """() => {
          const aged = [...document.querySelectorAll('[data-crawl-age-min]')];
          const shown = (e) =>
            e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden';
          const form = document.querySelector('form.crawl-age-filter');
          return {
            form: !!form && shown(form),
            age: form ? form.querySelector('#crawl-age').value : null,
            early: form ? form.querySelector('#crawl-early').value : null,
            only: form ? form.querySelector('#crawl-only').checked : null,
            status: form ? form.querySelector('.crawl-age-status').textContent : '',
            all: aged.map((e) => e.id),
            applies: aged.filter((e) => e.classList.contains('crawl-age-applies')).map((e) => e.id),
            visible: aged.filter(shown).map((e) => e.id),
            flagged: aged
              .filter((e) => [...e.querySelectorAll('.crawl-age-flag')].some(shown))
              .map((e) => e.id),
            ranges: Object.fromEntries(aged.map((e) => [e.id, [
              parseFloat(e.dataset.crawlAgeMin),
              e.dataset.crawlAgeMax === '' ? null : parseFloat(e.dataset.crawlAgeMax),
            ]])),
          };
        }"""
    )


def expected_applies(ranges: dict[str, list[float | None]], months: float) -> list[str]:
    """Entry ids whose age range covers ``months`` (an open upper end covers any age)."""
    return [
        entry_id
        for entry_id, (low, high) in ranges.items()
        if low is not None and low <= months and (high is None or months <= high)
    ]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "root"


def run_page_script(script: str, folder: Path) -> Any:
    """``folder`` served on 127.0.0.1 and ``script`` run against it with Chromium in a
    process of its own (in the test run, the browser tests' session holds Playwright's
    loop in this one): the script gets the browser's path and the address as its
    arguments and prints JSON, returned read. Skipped (failed under CI) without
    Playwright or Chromium, as the browser tests are."""
    import functools
    import json
    import subprocess
    import sys

    from tests.browser.conftest import chromium_executable, unavailable
    from tests.build_utils import QuietHandler, serving

    try:
        import playwright  # noqa: F401
    except ImportError:
        unavailable("Playwright is not installed")
    executable = chromium_executable()
    if executable is None:
        unavailable("Chromium not found")
    with serving(functools.partial(QuietHandler, directory=str(folder))) as (url, _server):
        measured = subprocess.run(
            [sys.executable, "-c", script, executable, url],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
            cwd=ROOT,
        )
    return json.loads(measured.stdout)
