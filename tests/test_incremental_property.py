"""Incremental builds equal clean builds, whatever sequence of edits led to them.

Each example starts from a random handbook (``tests/roots/test-incremental-base``:
four entry pages, three MyST and one reStructuredText, a page of ``crawl-list``
variants, a ``crawl-sources`` page and two pages of references), builds it, then
applies 3 to 6 random edits: add an entry, change its title, age, urgency, tags,
sources or id, delete it, move it to another page or position, add or remove a
``crawl-list``, move ``crawl-sources`` to another page. After each edit the
project is rebuilt in place (Sphinx reuses its pickled environment) and built
clean in a fresh directory, and the two must agree on:

* ``crawl.json`` and ``crawl-searchindex.js`` (parsed), and the crawl objects of
  ``objects.inv``;
* every page of the clean build, by its normalised main content (text, links and
  ids): entry pages, the lists, the sources page, both reference pages and the
  ``crawl-*`` domain indices.

Which pages were written is not compared: Sphinx also rewrites the toctree
parents of changed pages. Ids come from a small pool, so edits also make and
unmake duplicates across pages, and the references page links to ids that come
and go.

``CRAWL_INCREMENTAL_EXAMPLES`` and ``CRAWL_FUZZ_RANDOM=1`` search further;
``CRAWL_FUZZ_SHRINK=1`` lets Hypothesis shrink a failure (slow).
"""

from __future__ import annotations

import os
import tempfile
import time
from copy import deepcopy
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, note
from hypothesis import strategies as st

from tests.build_utils import (
    Build,
    build,
    build_property_settings,
    copy_root,
    copy_source,
    load_inventory,
    read_search_index,
)

pytestmark = pytest.mark.slow

PROPERTY_SETTINGS = build_property_settings("CRAWL_INCREMENTAL_EXAMPLES", 20)

PAGES = ("p1", "p2", "p3", "p4")
RST_PAGES = {"p3"}
IDS = ("alpha", "beta", "gamma", "delta", "epsilon", "zeta")
TAGS = ("play", "Play", "sleep", "floor", "outdoors")
SOURCES = ("kc", "who", "aap", "nope")
AGES = ("4-6 months", "6-9 months", "9 months", "12 months+", "by 12 months", "10+ months", "soon")
URGENCIES = ("routine", "soon", "urgent")

#: The crawl-list variants the lists page may hold (each may appear more than once).
LISTS = {
    "all": [],
    "tip-cards": [("type", "tip"), ("layout", "cards")],
    "flag-checklist": [("type", "red-flag"), ("layout", "checklist")],
    "milestones-by-age": [("type", "milestone"), ("age", "6-12 months")],
    "play": [("tags", "play"), ("layout", "cards")],
    "sleep-or-floor": [("tags", "sleep, floor"), ("layout", "checklist")],
    "nine-months": [("age", "9 months")],
}


@dataclass(frozen=True)
class Entry:
    type: str  # tip-card, red-flag or milestone: the directive
    title: str
    id: str | None = None
    age: str | None = None
    urgency: str | None = None
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


@dataclass
class Handbook:
    pages: dict[str, list[Entry]]
    lists: list[str]
    #: The page holding crawl-sources, which every source link points at.
    sources_page: str = "sources"

    def entries(self) -> list[tuple[str, int]]:
        """(page, position) of every entry, in page order."""
        return [(page, i) for page in PAGES for i in range(len(self.pages[page]))]


# -- strategies -------------------------------------------------------------------

titles = st.text(
    st.sampled_from("abcdefgh ABC\u00e9\u00df\u4e2d\U0001f476&<>'-"), min_size=1, max_size=14
)
entries = st.builds(
    Entry,
    type=st.sampled_from(["tip-card", "red-flag", "milestone"]),
    title=titles,
    id=st.none() | st.sampled_from(IDS),
    age=st.none() | st.sampled_from(AGES),
    urgency=st.none() | st.sampled_from(URGENCIES),
    tags=st.lists(st.sampled_from(TAGS), max_size=2, unique=True).map(tuple),
    sources=st.lists(st.sampled_from(SOURCES), max_size=2, unique=True).map(tuple),
)
handbooks = st.builds(
    Handbook,
    pages=st.fixed_dictionaries({page: st.lists(entries, max_size=3) for page in PAGES}),
    lists=st.lists(st.sampled_from(sorted(LISTS)), min_size=1, max_size=3),
    sources_page=st.sampled_from(["sources", "about"]),
)

#: An edit names an entry by a number taken modulo the number of entries.
which = st.integers(0, 50)
edits = st.one_of(
    st.tuples(st.just("add"), st.sampled_from(PAGES), which, entries),
    st.tuples(st.just("title"), which, titles),
    st.tuples(st.just("age"), which, st.none() | st.sampled_from(AGES)),
    st.tuples(st.just("urgency"), which, st.none() | st.sampled_from(URGENCIES)),
    st.tuples(st.just("tags"), which, st.lists(st.sampled_from(TAGS), max_size=2, unique=True)),
    st.tuples(st.just("sources"), which, st.lists(st.sampled_from(SOURCES), max_size=2)),
    st.tuples(st.just("id"), which, st.none() | st.sampled_from(IDS)),
    st.tuples(st.just("delete"), which),
    st.tuples(st.just("move"), which, st.sampled_from(PAGES), which),
    st.tuples(st.just("add-list"), st.sampled_from(sorted(LISTS))),
    st.tuples(st.just("remove-list"), which),
    st.tuples(st.just("move-sources"), st.sampled_from(["sources", "about"])),
)


def apply(handbook: Handbook, edit: tuple[Any, ...]) -> None:
    kind, *args = edit
    if kind == "add":
        page, position, entry = args
        handbook.pages[page].insert(position % (len(handbook.pages[page]) + 1), entry)
        return
    if kind == "add-list":
        handbook.lists.append(args[0])
        return
    if kind == "remove-list":
        if handbook.lists:
            del handbook.lists[args[0] % len(handbook.lists)]
        return
    if kind == "move-sources":
        handbook.sources_page = args[0]
        return
    located = handbook.entries()
    if not located:
        return
    page, i = located[args[0] % len(located)]
    entry = handbook.pages[page][i]
    if kind == "delete":
        del handbook.pages[page][i]
    elif kind == "move":
        del handbook.pages[page][i]
        dest = handbook.pages[args[1]]
        dest.insert(args[2] % (len(dest) + 1), entry)
    else:
        # title, age, urgency, tags, sources or id: the edit is named after the field.
        value = tuple(args[1]) if isinstance(args[1], list) else args[1]
        handbook.pages[page][i] = replace(entry, **{kind: value})


# -- writing the project ------------------------------------------------------------


def options(entry: Entry) -> list[tuple[str, str]]:
    found = [
        ("id", entry.id),
        ("age", entry.age),
        ("urgency", entry.urgency if entry.type == "red-flag" else None),
        ("tags", ", ".join(entry.tags)),
        ("source", ", ".join(entry.sources)),
    ]
    return [(key, value) for key, value in found if value]


def myst_entry(entry: Entry) -> str:
    lines = [f":::{{{entry.type}}} {entry.title}"]
    lines += [f":{key}: {value}" for key, value in options(entry)]
    return "\n".join([*lines, "", f"About {entry.title}.", ":::", ""])


def rst_entry(entry: Entry) -> str:
    lines = [f".. {entry.type}:: {entry.title}"]
    lines += [f"   :{key}: {value}" for key, value in options(entry)]
    return "\n".join([*lines, "", f"   About {entry.title}.", ""])


def page_source(page: str, entries: list[Entry]) -> str:
    if page in RST_PAGES:
        heading = f"Page {page}\n{'=' * (len(page) + 5)}\n"
        return "\n".join([heading, *map(rst_entry, entries)])
    return "\n".join([f"# Page {page}\n", *map(myst_entry, entries)])


SOURCES_LIST = ":::{crawl-sources}\n:::\n"


def lists_source(lists: list[str]) -> str:
    blocks = []
    for n, name in enumerate(lists, 1):
        lines = [f":::{{crawl-list}} List {n}: {name}", *(f":{k}: {v}" for k, v in LISTS[name])]
        blocks.append("\n".join([*lines, ":::", ""]))
    return "\n".join(["# Lists\n", *blocks])


def write(srcdir: Path, handbook: Handbook) -> list[str]:
    """Write the pages whose source changed (only those: the rest keep their mtime)."""
    sources = {
        f"{page}{'.rst' if page in RST_PAGES else '.md'}": page_source(page, entries)
        for page, entries in handbook.pages.items()
    }
    sources["lists.md"] = lists_source(handbook.lists)
    for page, title in (("sources", "Sources"), ("about", "About")):
        held = SOURCES_LIST if handbook.sources_page == page else "No sources here.\n"
        sources[f"{page}.md"] = f"# {title}\n\n{held}"
    changed = []
    for name, text in sources.items():
        path = srcdir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            # Stamped from the precise clock: a file system's coarser clock could date
            # the edit before the previous build read the page, which would then be kept.
            stamp = time.time_ns()
            os.utime(path, ns=(stamp, stamp))
            changed.append(name)
    return changed


# -- comparing ----------------------------------------------------------------------


def crawl_objects(result: Build) -> dict[str, Any]:
    inv = load_inventory((result.outdir / "objects.inv").read_bytes())
    return {
        key: {name: (item.uri, item.display_name) for name, item in items.items()}
        for key, items in inv.data.items()
        if key.startswith("crawl:")
    }


def search_index(result: Build) -> Any:
    return read_search_index(result.text("crawl-searchindex.js"))


def differences(incremental: Build, clean: Build) -> list[str]:
    found = []
    if incremental.crawl_json() != clean.crawl_json():
        found.append("crawl.json")
    if search_index(incremental) != search_index(clean):
        found.append("crawl-searchindex.js")
    if crawl_objects(incremental) != crawl_objects(clean):
        found.append("objects.inv")
    for page in clean.pages():
        shown, expected = incremental.shown(page), clean.shown(page)
        if shown != expected:
            found.append(f"{page}.html")
            note(f"{page}.html incrementally: {shown}\n{page}.html clean: {expected}")
    return found


@PROPERTY_SETTINGS
@given(handbook=handbooks, steps=st.lists(edits, min_size=3, max_size=6))
def test_incremental_builds_equal_clean_builds(
    handbook: Handbook, steps: list[tuple[Any, ...]]
) -> None:
    handbook = deepcopy(handbook)  # edited below; Hypothesis reports the one it made
    with tempfile.TemporaryDirectory(prefix="crawl-incremental-") as tmp:
        srcdir = copy_root("incremental-base", Path(tmp) / "src")
        write(srcdir, handbook)
        note(f"start: {handbook}")
        build(srcdir)
        for n, edit in enumerate(steps, 1):
            apply(handbook, edit)
            changed = write(srcdir, handbook)
            note(f"edit {n}: {edit} -> {changed}")
            incremental = build(srcdir)
            clean = build(copy_source(srcdir, Path(tmp) / f"clean-{n}"))
            found = differences(incremental, clean)
            if found:
                note(f"handbook after edit {n}: {handbook}")
                for name in changed:
                    note(f"{name}:\n{(srcdir / name).read_text(encoding='utf-8')}")
            assert found == [], f"after edit {n} ({edit}), the incremental build differs"
