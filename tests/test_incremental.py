"""Incremental builds give what a clean build of the same source gives.

Each scenario builds test-many-pages, changes its source, rebuilds in place (a new
app on the same source and output directories: Sphinx reuses the pickled
environment), and compares the result with a clean build of the changed source
in a fresh directory.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sphinx

from tests.build_utils import Build, build, copy_root, copy_source, load_inventory, made_once

Mutation = Callable[[Path], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def block(path: Path, entry_id: str) -> str:
    """The source of the entry with ``entry_id``: from its ``:::{`` line to its ``:::``."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.strip() == f":id: {entry_id}")
    start = max(i for i in range(at) if lines[i].startswith(":::{"))
    end = next(i for i in range(at, len(lines)) if lines[i].strip() == ":::")
    return "".join(lines[start : end + 1])


def add_to_toctree(srcdir: Path, after: str, docname: str) -> None:
    edit(srcdir / "index.md", f"\n{after}\n", f"\n{after}\n{docname}\n")


def remove_from_toctree(srcdir: Path, docname: str) -> None:
    edit(srcdir / "index.md", f"\n{docname}\n", "\n")


# -- scenarios ----------------------------------------------------------------------


def add_entry(src: Path) -> None:
    path = src / "tips-outside.md"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "\n:::{tip-card} A sand box to dig in\n:id: sand-box\n:age: 9-11 months\n"
        ":tags: play, outdoors\n:source: kc\n\nSand is soft under the knees.\n:::\n",
        encoding="utf-8",
    )


def edit_title(src: Path) -> None:
    # Shown by the bare MyST link [](#stiff-legs) in refs.md, by lists and indices.
    edit(src / "flags-general.md", "{red-flag} Stiff legs", "{red-flag} Legs stay stiff")


def edit_any_ref_title(src: Path) -> None:
    # Linked from refs-rst.rst by :any:, with the title as link text.
    edit(src / "milestones-late.md", "{milestone} Climbs stairs", "{milestone} Climbs the stairs")


def edit_helped_title(src: Path) -> None:
    # Shown on both pages that link to it: "Helps with" (tips-floor) and "See also"
    # (flags-motor); its own page lists who links to it.
    edit(src / "milestones-late.md", "{milestone} Hands and knees", "{milestone} On all fours")


def drop_relation(src: Path) -> None:
    # The milestone's page (unchanged itself) loses its "Tips that help" line.
    edit(src / "tips-floor.md", ":helps: hands-knees\n", "")


def edit_urgency(src: Path) -> None:
    edit(src / "flags-general.md", ":urgency: soon", ":urgency: urgent")


def edit_age(src: Path) -> None:
    # Out of the "Around 9 months" list, and later in the red-flag index.
    edit(src / "flags-motor.md", ":age: 6-12 months", ":age: 13-18 months")


def delete_entry(src: Path) -> None:
    path = src / "tips-outside.md"
    edit(path, block(path, "grass-hands"), "")


def rename_id(src: Path) -> None:
    # refs.md still links to the old id: its link must go, with a warning.
    edit(src / "tips-floor.md", ":id: bare-knees", ":id: knees-bare")


def move_entry(src: Path) -> None:
    source, dest = src / "flags-general.md", src / "flags-motor.md"
    moved = block(source, "stiff-legs")
    edit(source, moved, "")
    dest.write_text(dest.read_text(encoding="utf-8") + "\n" + moved, encoding="utf-8")


def delete_page(src: Path) -> None:
    (src / "flags-general.md").unlink()
    remove_from_toctree(src, "flags-general")


def add_page(src: Path) -> None:
    (src / "tips-water.md").write_text(
        "# Water tips\n\n"
        ":::{tip-card} Crawl to the bath\n:id: bath-crawl\n:age: 8-10 months\n"
        ":tags: play\n:source: aap\n\nLet the baby crawl to bath time.\n:::\n\n"
        ":::{red-flag} Fear of the floor\n:id: floor-fear\n:urgency: routine\n"
        ":age: 9+ months\n\nCries whenever put down.\n:::\n",
        encoding="utf-8",
    )
    add_to_toctree(src, "tips-outside", "tips-water")


def move_sources_page(src: Path) -> None:
    # Every entry's source links must follow the crawl-sources list to its new page.
    (src / "sources.md").rename(src / "references.md")
    edit(src / "index.md", "\nsources\n", "\nreferences\n")


SCENARIOS: dict[str, Mutation] = {
    "add-entry": add_entry,
    "edit-title": edit_title,
    "edit-title-of-any-ref": edit_any_ref_title,
    "edit-helped-title": edit_helped_title,
    "drop-relation": drop_relation,
    "edit-urgency": edit_urgency,
    "edit-age": edit_age,
    "delete-entry": delete_entry,
    "rename-id": rename_id,
    "move-entry": move_entry,
    "delete-page": delete_page,
    "add-page": add_page,
    "move-sources-page": move_sources_page,
}


# -- comparing ----------------------------------------------------------------------


def crawl_objects(result: Build) -> dict[str, Any]:
    inv = load_inventory((result.outdir / "objects.inv").read_bytes())
    return {
        key: {name: (item.uri, item.display_name) for name, item in items.items()}
        for key, items in inv.data.items()
        if key.startswith("crawl:")
    }


def assert_same_output(incremental: Build, clean: Build) -> None:
    assert incremental.crawl_json() == clean.crawl_json()
    assert crawl_objects(incremental) == crawl_objects(clean)
    pages = clean.pages()
    assert {"lists", "checklist", "sources", "crawl-tips", "crawl-red-flags"} & set(pages)
    for page in pages:
        assert incremental.shown(page) == clean.shown(page), f"{page}.html differs"


def first_build(tmp_path: Path, parallel: int = 0) -> Path:
    """test-many-pages as its first HTML build (serial, or ``-j parallel``) left it,
    without a warning: made once for the module's tests and put back, file times and
    all, where it was made (tests/build_utils.made_once), so each test rebuilds in place
    as if it had just built it. Its source folder."""

    def make(place: Path) -> None:
        first = build(copy_root("many-pages", place / "project"), parallel=parallel)
        assert first.warnings() == []

    return made_once(f"incremental-first-build-{parallel}", tmp_path / "first", make) / "project"


def rebuild_and_compare(
    tmp_path: Path, make_app: Any, mutate: Mutation, parallel: int = 0
) -> tuple[Build, Build]:
    srcdir = first_build(tmp_path, parallel)
    mutate(srcdir)
    incremental = build(srcdir, make_app=make_app, parallel=parallel)
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert_same_output(incremental, clean)
    return incremental, clean


@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_incremental_build_matches_a_clean_build(
    tmp_path: Path, make_app: Any, scenario: str
) -> None:
    incremental, clean = rebuild_and_compare(tmp_path, make_app, SCENARIOS[scenario])
    # Not a rebuild of everything: a page that shows no crawl data is left alone.
    assert "about" not in incremental.written
    assert "glossary" not in incremental.written
    assert clean.written == sorted(clean.app.env.found_docs)


@pytest.mark.parametrize("scenario", ["edit-title", "move-entry", "delete-page", "add-page"])
def test_parallel_incremental_build_matches_a_clean_serial_build(
    tmp_path: Path, make_app: Any, scenario: str
) -> None:
    rebuild_and_compare(tmp_path, make_app, SCENARIOS[scenario], parallel=2)


def test_a_renamed_id_leaves_the_old_link_dangling_with_a_warning(
    tmp_path: Path, make_app: Any
) -> None:
    incremental, clean = rebuild_and_compare(tmp_path, make_app, rename_id)
    expected = clean.crawl_warnings("ref")
    assert len(expected) == 1
    assert "'bare-knees'" in expected[0]
    assert "<src>/refs.md:" in expected[0]
    assert incremental.crawl_warnings("ref") == expected
    refs = incremental.main("refs")
    assert not [a for a in refs.find_all("a") if "bare-knees" in a.get("href", "")]


#: Files sphinx-crawl itself writes beside the pages.
OUR_FILES = (
    "crawl.json",
    "crawl.schema.json",
    "crawl-searchindex.js",
    ".crawl-shown.json",
    "_static/crawl.css",
    "_static/crawl.js",
    "_static/crawl-checklist.js",
)


def _stamps(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` and when it was written."""
    return {
        str(path.relative_to(folder)): path.stat().st_mtime_ns
        for path in folder.rglob("*")
        if path.is_file()
    }


def _contents(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in folder.rglob("*")
        if path.is_file()
    }


def _without_index_entries(searchindex: bytes) -> dict[str, Any]:
    prefix, suffix = "Search.setIndex(", ")"
    data: dict[str, Any] = json.loads(searchindex.decode("utf-8")[len(prefix) : -len(suffix)])
    data.pop("indexentries")
    return data


#: Sphinx 8.2 stopped ending a rebuild with nothing to do before its finishing steps
#: (sphinx-doc/sphinx#13236: so a changed theme's static files are copied), which
#: write these again, with the bytes they hold. sphinx-crawl leaves them to Sphinx.
SPHINX_REWRITES_ON_NO_OP = sphinx.version_info >= (8, 2)


@pytest.mark.parametrize("buildername", ["html", "dirhtml"])
def test_a_rebuild_without_changes_changes_no_file(
    tmp_path: Path, make_app: Any, buildername: str
) -> None:
    srcdir = copy_root("many-pages", tmp_path / "project")
    first = build(srcdir, make_app=make_app, buildername=buildername)
    build_dir = first.outdir.parent  # the output, the saved environment and doctrees
    assert all((first.outdir / name).is_file() for name in OUR_FILES)
    contents, stamps = _contents(build_dir), _stamps(build_dir)
    again = build(srcdir, make_app=make_app, buildername=buildername)
    # Nothing read, no page written: not even because of what sphinx-crawl or
    # sphinx-design do at start-up (sphinx-design adds its static folder then).
    assert "0 added, 0 changed, 0 removed" in again.app.status.getvalue()
    assert again.written == []
    # Every file holds the bytes it held...
    after = _contents(build_dir)
    if SPHINX_REWRITES_ON_NO_OP:
        # ...but Sphinx's own search index, which Sphinx dumps again without the index
        # entries (glossary terms) of the pages it did not write: sphinx-doc/sphinx#12599,
        # in every incremental build, with or without sphinx-crawl.
        name = str(first.outdir.relative_to(build_dir) / "searchindex.js")
        assert _without_index_entries(after.pop(name)) == _without_index_entries(contents.pop(name))
    assert after == contents
    rewritten = {name for name, stamp in _stamps(build_dir).items() if stamps[name] != stamp}
    # ...and sphinx-crawl, which compares the bytes before it writes, touched none of its own.
    out = first.outdir.relative_to(build_dir)
    assert not rewritten & {str(out / name) for name in OUR_FILES}
    if SPHINX_REWRITES_ON_NO_OP:
        # Only Sphinx's finishing steps (indices, search page and index, inventory,
        # .buildinfo, static files made from templates): no page of a document, and
        # not the saved environment or a doctree.
        builder: Any = again.app.builder  # an HTML builder: it has get_outfilename
        documents = {
            str(Path(builder.get_outfilename(doc)).relative_to(build_dir))
            for doc in again.app.env.found_docs
        }
        assert rewritten
        assert not rewritten & documents
        assert all(Path(name).is_relative_to(out) for name in rewritten)
    else:
        assert rewritten == set()  # Sphinx before 8.2 ends a build with nothing to do early


def test_a_rebuild_without_changes_restores_missing_files(tmp_path: Path, make_app: Any) -> None:
    """A no-op rebuild skips regenerating a file only while it exists. (Not searchindex.js:
    Sphinx rebuilds it from the one it finds, so without it only rewritten pages count.)"""
    srcdir = first_build(tmp_path)
    outdir = srcdir / "_build" / "html"
    removed = [
        "genindex.html",
        "crawl-tips.html",
        "search.html",
        "objects.inv",
        ".buildinfo",
        "_static/basic.css",
        "_static/documentation_options.js",
        "_static/pygments.css",
        *OUR_FILES,
    ]
    before = {name: (outdir / name).read_bytes() for name in removed}
    for name in removed:
        (outdir / name).unlink()
    again = build(srcdir, make_app=make_app)
    assert {name: (again.outdir / name).read_bytes() for name in removed} == before


def test_a_rebuild_without_changes_works_out_nothing_from_every_entry(
    tmp_path: Path, make_app: Any
) -> None:
    """Nothing read: the content types' index pages, the search index and crawl.json
    are neither worked out nor written again (issue 27: a no-op rebuild's cost). The
    file as the last build left it decides (its size and time), not "the file exists":
    one altered between builds is written again."""
    srcdir = first_build(tmp_path)
    outdir = srcdir / "_build" / "html"
    kept = ["crawl-tips.html", "crawl-searchindex.js", "crawl.json", ".crawl-shown.json"]
    stamps = {name: (outdir / name).stat().st_mtime_ns for name in kept}
    good = (outdir / "crawl.json").read_bytes()
    again = build(srcdir, make_app=make_app)
    assert {name: (again.outdir / name).stat().st_mtime_ns for name in kept} == stamps
    (again.outdir / "crawl.json").write_text("{}", encoding="utf-8")
    third = build(srcdir, make_app=make_app)
    assert (third.outdir / "crawl.json").read_bytes() == good


def test_after_an_edit_the_indices_and_search_are_regenerated(
    tmp_path: Path, make_app: Any
) -> None:
    srcdir = first_build(tmp_path)
    edit(srcdir / "tips-home.md", "{tip-card} Clear a crawling lane", "{tip-card} Clear a lane")
    again = build(srcdir, make_app=make_app)
    for name in ("crawl-tips.html", "crawl-searchindex.js", "crawl.json"):
        assert "Clear a lane" in again.text(name), name
        assert "Clear a crawling lane" not in again.text(name), name


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        # Retitled: its page, the list showing it, the sources page (it cites a
        # source) and the page linking to it (the link's tooltip is the title).
        (
            lambda src: edit(
                src / "tips-home.md", "{tip-card} Clear a crawling lane", "{tip-card} Clear a lane"
            ),
            ["index", "lists", "refs", "sources", "tips-home"],
        ),
        # A new urgency: its page and the list showing its badge; links to it
        # ([](#stiff-legs) in refs.md) and the sources page show no urgency.
        (edit_urgency, ["flags-general", "index", "lists"]),
    ],
    ids=["title", "urgency"],
)
def test_editing_one_entry_rewrites_only_the_pages_that_show_it(
    tmp_path: Path, make_app: Any, mutate: Mutation, expected: list[str]
) -> None:
    # "index" is Sphinx's own doing: it rewrites the toctree parent of a changed page.
    srcdir = first_build(tmp_path)
    mutate(srcdir)
    incremental = build(srcdir, make_app=make_app)
    assert incremental.written == expected
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    assert_same_output(incremental, clean)


def test_an_edit_rewrites_only_the_index_pages_that_list_the_entry(
    tmp_path: Path, make_app: Any
) -> None:
    """Retitling a milestone rewrites the milestones' index page, not the tips' or the
    red flags' (issue 27: Sphinx writes every domain index at every build); the kept
    pages and the header links of every page are what a clean build writes."""
    srcdir = first_build(tmp_path)
    outdir = srcdir / "_build" / "html"
    pages = ["crawl-milestones.html", "crawl-tips.html", "crawl-red-flags.html"]
    stamps = {name: (outdir / name).stat().st_mtime_ns for name in pages}
    edit(srcdir / "milestones-early.md", "{milestone} Pushes up", "{milestone} Pushes up high")
    again = build(srcdir, make_app=make_app)
    changed = [name for name in pages if (again.outdir / name).stat().st_mtime_ns != stamps[name]]
    assert changed == ["crawl-milestones.html"]
    assert "Pushes up high" in again.text("crawl-milestones.html")
    clean = build(copy_source(srcdir, tmp_path / "clean"), make_app=make_app)
    for name in [*pages, "search.html", "milestones-early.html", "genindex.html"]:
        assert again.text(name) == clean.text(name), name
    # The configuration changed (a new page title): every index page is written again.
    conf = srcdir / "conf.py"
    conf.write_text(conf.read_text(encoding="utf-8") + "\nhtml_title = 'Handbook X'\n", "utf-8")
    third = build(srcdir, make_app=make_app)
    assert all("Handbook X" in third.text(name) for name in pages)
