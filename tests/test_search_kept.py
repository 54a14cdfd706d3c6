"""The entry search index kept between builds (render/search_kept.py): an edit works out
only the entries it changed, and the index is the one a clean build writes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_crawl.render import search
from sphinx_crawl.render.search import encode_postings
from sphinx_crawl.render.search_kept import KEPT_FILE, decode_postings
from tests.build_utils import build, copy_root, copy_source, read_search_index
from tests.test_incremental import add_entry, edit

TIP = "{tip-card} Clear a crawling lane"


@pytest.fixture
def whole_index_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many entries each build worked the whole index out for."""
    calls: list[int] = []
    whole = search._whole

    def counted(entries: list[Any], *args: Any) -> Any:
        calls.append(len(entries))
        return whole(entries, *args)

    monkeypatch.setattr(search, "_whole", counted)
    return calls


def index_of(site: Any) -> Any:
    return read_search_index(site.text("crawl-searchindex.js"))


def assert_as_clean(srcdir: Path, tmp_path: Path, make_app: Any, again: Any) -> None:
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert index_of(again) == index_of(clean)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        # A title's words: the tip is found by "path", no longer by "crawling".
        (TIP, "{tip-card} Clear a path"),
        # Its tags, and so a field's words.
        (":tags: surfaces", ":tags: floor, stairs"),
    ],
    ids=["title", "tags"],
)
def test_an_edit_changes_only_its_entries_in_the_kept_index(
    tmp_path: Path, make_app: Any, whole_index_builds: list[int], old: str, new: str
) -> None:
    srcdir = copy_root("many-pages", tmp_path / "project")
    build(srcdir, make_app=make_app)
    assert len(whole_index_builds) == 1
    edit(srcdir / "tips-home.md", old, new)
    again = build(srcdir, make_app=make_app)
    assert len(whole_index_builds) == 1, "the edit worked out every entry's words again"
    index = index_of(again)
    titles = [row[0] for row in index["entries"]]
    assert ("Clear a path" in titles) == (new.endswith("path"))
    assert_as_clean(srcdir, tmp_path, make_app, again)


def test_an_entry_added_works_the_whole_index_out(
    tmp_path: Path, make_app: Any, whole_index_builds: list[int]
) -> None:
    srcdir = copy_root("many-pages", tmp_path / "project")
    build(srcdir, make_app=make_app)
    add_entry(srcdir)
    again = build(srcdir, make_app=make_app)
    assert len(whole_index_builds) == 2
    assert "A sand box to dig in" in [row[0] for row in index_of(again)["entries"]]
    assert_as_clean(srcdir, tmp_path, make_app, again)


@pytest.mark.parametrize("damage", [b"", b"not a pickle", None], ids=["empty", "garbage", "gone"])
def test_a_damaged_or_missing_kept_index_is_worked_out_again(
    tmp_path: Path, make_app: Any, whole_index_builds: list[int], damage: bytes | None
) -> None:
    srcdir = copy_root("many-pages", tmp_path / "project")
    first = build(srcdir, make_app=make_app)
    kept = Path(first.app.doctreedir) / KEPT_FILE.format(builder="html")
    assert kept.is_file()
    if damage is None:
        kept.unlink()
    else:
        kept.write_bytes(damage)
    edit(srcdir / "tips-home.md", TIP, "{tip-card} Clear a path")
    again = build(srcdir, make_app=make_app)
    assert len(whole_index_builds) == 2
    assert_as_clean(srcdir, tmp_path, make_app, again)


@given(st.data())
def test_postings_decode_to_the_positions_encoded(data: st.DataObject) -> None:
    total = data.draw(st.integers(1, 3000))
    positions = sorted(data.draw(st.sets(st.integers(0, total - 1), min_size=1)))
    assert decode_postings(encode_postings(positions, total), total) == positions
