"""A large entry index in parts (issue 27): a first search downloads the words it asks
about and the rows it shows, not the whole index, and ranks exactly as the whole index
does. Checked on the handbook's own index, split as if it were large."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.render.search_shards import split_index, write_parts
from tests.build_utils import read_search_index
from tests.test_javascript import node

ROOT = Path(__file__).resolve().parents[1]
QUERIES = [
    "stiff legs",
    "slippery floor",
    "is crawling backwards normal",
    "crawlling backwards",
    "bum shuffle",
    "baby not talking 18 months",
    "baby not breathing",
    "my baby is 9 months and only goes backwards",
    "my 15 month old crawls backwards",
    "stiff legs 4 months",
    "hates tummy time",
    "zebra",
]


@pytest.fixture(scope="module")
def whole(handbook: tuple[Any, Path]) -> dict[str, Any]:
    text = (handbook[1] / "crawl-searchindex.js").read_text(encoding="utf-8")
    index: dict[str, Any] = read_search_index(text)
    assert "parts" not in index, "the handbook is small: its index is one file"
    return index


def test_split_parts_rank_as_the_whole_index(whole: dict[str, Any], tmp_path: Path) -> None:
    upfront, parts = split_index(whole, single_file_bytes=0)
    assert "words" not in upfront
    assert "entries" not in upfront
    assert len(upfront["kinds"]) == len(parts["a"]) == len(whole["entries"])
    assert "from" not in upfront  # the ages are a part of their own
    files = {}
    for name, data in (("whole", whole), ("upfront", upfront), ("parts", parts)):
        files[name] = tmp_path / f"{name}.json"
        files[name].write_text(json.dumps(data), encoding="utf-8")
    files["queries"] = tmp_path / "queries.json"
    files["queries"].write_text(json.dumps(QUERIES), encoding="utf-8")
    result = subprocess.run(
        [node(), str(ROOT / "tests" / "js" / "split-compare.mjs"), *map(str, files.values())],
        capture_output=True,
        text=True,
        check=True,
    )
    for found in json.loads(result.stdout):
        assert found["split"] == found["whole"], found["query"]
        # Only what the query needs: a few word parts and the rows of its results.
        words = [name for name in found["loaded"] if name.startswith("w-")]
        assert len(words) <= 2 * len(found["query"].split()) + 4, found
        assert len(found["loaded"]) < len(parts) / 2, found
        # The entries' ages only for a query that names one.
        names_age = any(unit in found["query"] for unit in ("months", "month old"))
        assert ("a" in found["loaded"]) == names_age, found


def test_parts_are_written_and_old_ones_removed(whole: dict[str, Any], tmp_path: Path) -> None:
    from sphinx_crawl.render.search import _call

    _upfront, parts = split_index(whole, single_file_bytes=0)
    (tmp_path / "_crawl_search").mkdir()
    stale = tmp_path / "_crawl_search" / "w-7a7a.js"
    stale.write_text("old", encoding="utf-8")
    write_parts(tmp_path, parts, _call)
    written = sorted(p.stem for p in (tmp_path / "_crawl_search").glob("*.js"))
    assert written == sorted(parts)
    sample = (tmp_path / "_crawl_search" / f"{sorted(parts)[0]}.js").read_text("utf-8")
    assert sample.startswith(f'crawlSearchPart("{sorted(parts)[0]}", JSON.parse(')
    assert not stale.exists()
    # Small again: one file, and the parts folder emptied.
    write_parts(tmp_path, {}, _call)
    assert list((tmp_path / "_crawl_search").glob("*.js")) == []
    shutil.rmtree(tmp_path / "_crawl_search")
