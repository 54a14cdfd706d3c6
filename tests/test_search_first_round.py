"""The search page asks for what a first search waits for at high priority (issue 27):
a deferred script is fetched at low priority, and Chromium lets one such request out at
a time while a page's head is read, so the entry index came 100 ms after it was asked
for on a handbook of 5,000 entries, behind the theme's files."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any


def _script_tags(html: str, name: str) -> list[str]:
    return [tag for tag in re.findall(r"<script\b[^>]*>", html) if name in tag]


def test_the_entry_index_and_search_script_are_asked_for_first(
    handbook: tuple[Any, Path],
) -> None:
    html = (handbook[1] / "search.html").read_text(encoding="utf-8")
    for name in ("crawl-searchindex.js", "_static/crawl-search.js"):
        tags = _script_tags(html, name)
        assert tags, name
        assert all('fetchpriority="high"' in tag and "defer" in tag for tag in tags), tags
    # Other pages do not load the search at all.
    page = (handbook[1] / "index.html").read_text(encoding="utf-8")
    assert not _script_tags(page, "crawl-search")
