"""Files worked out from every entry, kept between builds (sphinx_crawl/kept.py): after an
edit, the entry search index and crawl.json work out only the entries it may change, and
are what a clean build writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sphinx_crawl import export
from sphinx_crawl.kept import kept_path
from sphinx_crawl.render import search
from sphinx_crawl.render.search import encode_postings
from sphinx_crawl.render.search_kept import KEPT_NAME, decode_postings
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
    kept = kept_path(first.app, KEPT_NAME)
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


# -- crawl.json ---------------------------------------------------------------------------


@pytest.fixture
def records_encoded(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the entries each build encoded a crawl.json record for."""
    calls: list[str] = []
    record = export.entry_record

    def counted(entry: Any, *args: Any) -> Any:
        calls.append(entry["id"])
        return record(entry, *args)

    monkeypatch.setattr(export, "entry_record", counted)
    return calls


def content_of(site: Any) -> Any:
    return json.loads(site.text("crawl.json"))


@pytest.mark.parametrize(
    ("page", "old", "new", "encoded"),
    [
        # A link added: the target's back-links change, on a page not read again.
        (
            "tips-home.md",
            ":id: crawling-lane\n",
            ":id: crawling-lane\n:helps: rolls-over\n",
            {"crawling-lane", "sofa-cruise", "rolls-over"},
        ),
        # A milestone turned tip: the tip linking to it as a milestone it helps (on a
        # page not read again) loses the link, and its record changes.
        (
            "milestones-late.md",
            ":::{milestone} Climbs stairs",
            ":::{tip-card} Climbs stairs",
            {"hands-knees", "climbs-stairs", "sofa-cruise"},
        ),
    ],
    ids=["link-added", "target-type"],
)
def test_an_edit_encodes_only_the_records_it_may_change(
    tmp_path: Path,
    make_app: Any,
    records_encoded: list[str],
    page: str,
    old: str,
    new: str,
    encoded: set[str],
) -> None:
    srcdir = copy_root("many-pages", tmp_path / "project")
    first = build(srcdir, make_app=make_app)
    assert len(records_encoded) == len(content_of(first)["entries"])
    records_encoded.clear()
    edit(srcdir / page, old, new)
    again = build(srcdir, make_app=make_app)
    assert set(records_encoded) == encoded
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert again.text("crawl.json") == clean.text("crawl.json")
