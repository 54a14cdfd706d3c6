"""A setting that changes only what pages show (``rebuild="html"``) rewrites pages
without reading them again; one that changes what is read re-reads them (issue 26)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.config import SETTINGS
from tests.build_utils import build, copy_root, read_search_index

READ_AGAIN: list[str] = []


def reads(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    READ_AGAIN.extend(sorted(changed | added))
    return []


def rebuild_with(srcdir: Path, line: str) -> Any:
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")
    READ_AGAIN.clear()
    site = build(srcdir, listeners={"env-get-outdated": reads})
    return site


def test_every_setting_says_what_a_change_rebuilds() -> None:
    kinds = {setting.name: setting.rebuild for setting in SETTINGS}
    assert set(kinds.values()) == {"env", "html"}
    assert kinds["crawl_search_synonyms"] == "html"
    assert kinds["crawl_sources"] == "env"


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("crawl_search_synonyms = {'bum': ['bottom']}", False),
        ("crawl_search_box = False", False),
        ("crawl_require_source = False", True),
    ],
)
def test_a_display_setting_rewrites_pages_without_reading_them(
    tmp_path: Path, line: str, read: bool
) -> None:
    srcdir = copy_root("basic", tmp_path / "src")
    first = build(srcdir)
    pages = sorted(first.written)
    site = rebuild_with(srcdir, line)
    # Sphinx reports a changed "env" setting as every page changed; an "html" one, none.
    assert bool(READ_AGAIN) is read, READ_AGAIN
    assert sorted(site.written) == pages  # each page written again, with the new setting
    if "synonyms" in line:
        index = read_search_index((site.outdir / "crawl-searchindex.js").read_text("utf-8"))
        assert index["synonyms"] == {"bum": ["bottom"]}
