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

from sphinx_crawl import domain, export, incremental
from sphinx_crawl.core.schema import entry_record
from sphinx_crawl.kept import kept_path
from sphinx_crawl.render import search, search_shards
from sphinx_crawl.render.postings import decode_postings, encode_postings
from sphinx_crawl.render.search_kept import KEPT_NAME
from sphinx_crawl.selection import view_digest as selection_view_digest
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


def part_files(site: Any) -> dict[str, bytes]:
    folder = site.outdir / search_shards.PART_FOLDER
    return {path.name: path.read_bytes() for path in folder.glob("*.js")}


SPLIT = {"crawl_search_split_bytes": 0}


def test_a_split_index_encodes_only_the_parts_an_edit_changes(
    tmp_path: Path, make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Split into parts (``crawl_search_split_bytes = 0``): after a title's edit, the
    parts and the up-front index are what a clean build writes, and a part of no word or
    entry the edit changed is not encoded again (its JSON is kept with the index)."""
    srcdir = copy_root("many-pages", tmp_path / "project")
    before = part_files(build(srcdir, make_app=make_app, confoverrides=SPLIT))
    encoded: list[Any] = []
    compact_json = search_shards.compact_json

    def counted(data: Any) -> str:
        encoded.append(data)
        return compact_json(data)

    monkeypatch.setattr(search_shards, "compact_json", counted)
    edit(srcdir / "tips-home.md", TIP, "{tip-card} Clear a path")
    again = build(srcdir, make_app=make_app, confoverrides=SPLIT)
    after = part_files(again)
    changed = [name for name, data in after.items() if before.get(name) != data]
    # Encoded again: the parts changed, and those made from every entry (the ages', the
    # harmless phrases', other languages' words).
    assert 0 < len(encoded) <= len(changed) + 3 < len(after), "every part was encoded again"
    monkeypatch.undo()
    assert_split_as_clean(srcdir, tmp_path, make_app, again)


def test_a_split_index_whose_labels_change_is_as_a_clean_build_writes(
    tmp_path: Path, make_app: Any
) -> None:
    """An age label no entry uses any more: the label numbers in other entries' rows
    change, so parts of entries the edit did not touch change too."""
    srcdir = copy_root("many-pages", tmp_path / "project")
    build(srcdir, make_app=make_app, confoverrides=SPLIT)
    edit(
        srcdir / "tips-home.md",
        ":age: 7-9 months\n:tags: surfaces",
        ":age: 10+ months\n:tags: surfaces",
    )
    again = build(srcdir, make_app=make_app, confoverrides=SPLIT)
    assert_split_as_clean(srcdir, tmp_path, make_app, again)


def assert_split_as_clean(srcdir: Path, tmp_path: Path, make_app: Any, again: Any) -> None:
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app, confoverrides=SPLIT)
    assert part_files(again) == part_files(clean)
    assert again.text("crawl-searchindex.js") == clean.text("crawl-searchindex.js")


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
    record = entry_record

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


def test_a_crawl_json_changed_since_is_not_taken_for_the_records_kept(
    tmp_path: Path, make_app: Any, records_encoded: list[str]
) -> None:
    """The records an edit keeps are read back from crawl.json as the last build wrote
    it: a file changed since (by hand, by another program) is no such file, and every
    record is encoded again."""
    srcdir = copy_root("many-pages", tmp_path / "project")
    first = build(srcdir, make_app=make_app)
    path = first.outdir / "crawl.json"
    text = path.read_text(encoding="utf-8")
    assert text.count("Bare knees grip the floor") == 1
    path.write_text(text.replace("Bare knees grip the floor", "Bare knees grip the flxxr"))
    records_encoded.clear()
    edit(srcdir / "tips-home.md", TIP, "{tip-card} Clear a path")
    again = build(srcdir, make_app=make_app)
    assert len(records_encoded) == len(content_of(again)["entries"])
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert again.text("crawl.json") == clean.text("crawl.json")


@given(st.data())
def test_records_replaced_are_as_the_records_joined_anew(data: st.DataObject) -> None:
    """crawl.json's entries after an edit (the kept block with a few records replaced)
    are byte for byte those of a build that encodes every record."""
    record = st.binary(min_size=1, max_size=8).filter(lambda b: b"\n" not in b)
    records = data.draw(st.lists(record, min_size=1, max_size=12))
    new = data.draw(st.dictionaries(st.integers(0, len(records) - 1), record))
    replaced = export.EncodedRecords.joined(records).replaced(new)
    anew = export.EncodedRecords.joined([new.get(n, r) for n, r in enumerate(records)])
    assert replaced == anew
    assert replaced.block.split(b",\n    ") == [new.get(n, r) for n, r in enumerate(records)]


@given(st.lists(st.lists(st.text(), min_size=1), max_size=5))
def test_the_views_kept_in_the_environment_read_back_as_they_were(columns: Any) -> None:
    """The objects' columns are kept as one text each (their strings joined by NUL): read
    back, they are the columns as worked out, also where a string holds a NUL."""
    kept = domain._packed(columns)
    assert domain._unpacked(kept) == columns
    assert domain._unpacked(domain._packed([3.5, None])) == [3.5, None]  # the age range


def test_an_edit_leaves_lists_of_other_types_unworked(
    tmp_path: Path, make_app: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A milestone retitled: what a page with a list of red flags alone shows (it
    chooses from red flags only) is not worked out again; the page of lists (one of them
    of every type) is, and both are what a clean build writes."""
    digested: list[str] = []
    view_digest = selection_view_digest

    def counted(domain: Any, docname: str, registry: Any) -> str:
        digested.append(docname)
        return view_digest(domain, docname, registry)

    monkeypatch.setattr(incremental, "view_digest", counted)
    srcdir = copy_root("many-pages", tmp_path / "project")
    (srcdir / "flags-list.md").write_text(
        "# Flags\n\n:::{crawl-list} Every red flag\n:type: red-flag\n:::\n", encoding="utf-8"
    )
    edit(srcdir / "index.md", "lists\n", "lists\nflags-list\n")
    build(srcdir, make_app=make_app)
    assert "flags-list" in digested
    digested.clear()
    edit(srcdir / "milestones-early.md", "{milestone} Pushes up", "{milestone} Pushes up high")
    again = build(srcdir, make_app=make_app)
    assert "lists" in digested
    assert "flags-list" not in digested
    assert "flags-list" not in again.written
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    for name in ("lists.html", "flags-list.html"):
        assert (again.outdir / name).read_text(encoding="utf-8") == clean.text(name)


def test_a_title_edited_reads_anew_in_the_text_of_entries_naming_it(
    tmp_path: Path, make_app: Any
) -> None:
    """An entry whose text names another (on a page not read again) is searched and
    exported with the new title of the one it names."""
    srcdir = copy_root("many-pages", tmp_path / "project")
    edit(
        srcdir / "tips-home.md",
        "Move chairs out of the hallway.",
        "Move chairs out of the hallway, then see {crawl:tip}`bare-knees`.",
    )
    build(srcdir, make_app=make_app)
    edit(srcdir / "tips-floor.md", "{tip-card} Bare knees grip the floor", "{tip-card} Kneepads")
    again = build(srcdir, make_app=make_app)
    lane = next(e for e in content_of(again)["entries"] if e["id"] == "crawling-lane")
    assert "Kneepads" in lane["text"]
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert again.text("crawl.json") == clean.text("crawl.json")
    assert index_of(again) == index_of(clean)
