"""Light: small reader assets, and nothing fetched from any other host."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.browser.conftest import Tab
from tests.browser.support import AGED_PAGES, STATIC

pytestmark = pytest.mark.browser

#: What every page downloads of ours, gzipped: the stylesheet and crawl.js as shipped.
#: (Until s54 the sources were measured, comments and all, against 15 KiB: a comment on
#: why a function is there cost as much as the code.)
BUDGET = 13 * 1024


def test_css_and_js_under_13kb_gzipped() -> None:
    from sphinx_crawl.output import shipped_bytes

    sizes = {
        name: len(gzip.compress(shipped_bytes(STATIC / name), compresslevel=9))
        for name in ("crawl.css", "crawl.js")
    }
    assert sum(sizes.values()) < BUDGET, sizes


def test_built_assets_are_the_package_ones(site: Path) -> None:
    """What the package ships, as it ships it (scripts minified: output.shipped_bytes)."""
    from sphinx_crawl.output import shipped_bytes

    for name in ("crawl.css", "crawl.js", "crawl-search.js"):
        assert (site / "_static" / name).read_bytes() == shipped_bytes(STATIC / name)
    assert (site / "_static" / "crawl.css").read_bytes() == (STATIC / "crawl.css").read_bytes()


# Every page asking no other host for anything: the light pass of
# tests/browser/test_a11y.py, which opens every page (and a filtered age, and Sphinx's
# search to its end) and fails on any request that leaves the site.


def test_no_request_leaves_file_url(open_page: Callable[..., Tab], site: Path) -> None:
    tab = open_page()
    tab.expect_sphinx_summary_errors()
    for path in ["index.html", "checklist.html", "search.html", *AGED_PAGES]:
        query = "?q=tummy+time" if path == "search.html" else "?age=9"
        tab.goto((site / path).as_uri() + query)
        if path == "search.html":
            tab.page.locator("section.crawl-search").wait_for()
    assert tab.requests
    assert all(url.startswith("file://") for url in tab.requests), tab.outside_requests()
