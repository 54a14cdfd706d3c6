"""What changed (issue 28, part 2): with ``crawl_previous`` set to the last release's
crawl.json, the build writes crawl-changes.json (added, removed, changed with the keys
that changed, each with the version and date), keeps each entry's ``changed`` date in
crawl.json, and fills ``crawl-changes`` for readers; crawl-import says when an
imported entry changed upstream. Incremental and ``-j 2`` builds equal clean ones."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from tests.build_utils import Build, QuietHandler, build, serving

CONF = """
project = "Changes"
release = "{release}"
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
crawl_sources = {{"s": {{"title": "A source", "publisher": "Us"}}}}
crawl_release_date = "{date}"
{previous}
"""

INDEX = """\
# Home

```{toctree}
signs
tips
news
```
"""

SIGNS = """\
# Signs

:::{red-flag} Stiff legs
:id: stiff
:urgency: soon
:source: s

Legs feel stiff.
:::

:::{red-flag} One side
:id: one-side
:urgency: soon
:action: Book an appointment.
:source: s

One side does the work.
:::
"""

TIPS = """\
# Tips

:::{tip-card} Carpet
:id: carpet
:source: s

Try carpet.
:::

:::{tip-card} Old tip
:id: old-tip
:source: s

Going away.
:::
"""

NEWS = """\
# What changed

:::{crawl-changes} What changed in this version
:::
"""


def write(src: Path, release: str, date: str, previous: str = "", **pages: str) -> None:
    src.mkdir(parents=True, exist_ok=True)
    line = f'crawl_previous = "{previous}"' if previous else ""
    (src / "conf.py").write_text(
        CONF.format(release=release, date=date, previous=line), encoding="utf-8"
    )
    texts = {"index": INDEX, "signs": SIGNS, "tips": TIPS, "news": NEWS}
    for name, text in {**texts, **pages}.items():
        (src / f"{name}.md").write_text(text, encoding="utf-8")


def edited_pages() -> dict[str, str]:
    """One entry edited (its action), one added, one removed."""
    signs = SIGNS.replace(":action: Book an appointment.", ":action: Book an appointment now.")
    tips = TIPS.split(":::{tip-card} Old tip")[0] + (
        ":::{tip-card} Bare feet\n:id: bare-feet\n:source: s\n\nBare feet grip.\n:::\n"
    )
    return {"signs": signs, "tips": tips}


@pytest.fixture(scope="module")
def releases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    """1.0 (no previous), then 1.1 compared with it, after one edit, one addition and
    one removal; then 1.1 built again, compared with itself."""
    base = tmp_path_factory.mktemp("releases")
    write(base / "1.0", "1.0", "2026-11-01", **{"news": "# News\n"})
    first = build(base / "1.0")
    (base / "prev-1.0").mkdir()
    shutil.copy(first.outdir / "crawl.json", base / "prev-1.0" / "crawl.json")
    write(base / "1.1", "1.1", "2026-12-05", "../prev-1.0/crawl.json", **edited_pages())
    second = build(base / "1.1")
    (base / "prev-1.1").mkdir()
    shutil.copy(second.outdir / "crawl.json", base / "prev-1.1" / "crawl.json")
    write(base / "again", "1.1", "2026-12-05", "../prev-1.1/crawl.json", **edited_pages())
    return {"1.0": first, "1.1": second, "again": build(base / "again")}


def changes(site: Build) -> dict[str, Any]:
    return json.loads(site.text("crawl-changes.json"))


def test_no_previous_release_no_changes_file(releases: dict[str, Build]) -> None:
    first = releases["1.0"]
    assert first.warnings() == []
    assert not (first.outdir / "crawl-changes.json").exists()
    data = first.crawl_json()
    assert data["version"] == "1.0"
    # crawl_release_date without a previous release: every entry is of this release.
    assert {e["changed"] for e in data["entries"]} == {"2026-11-01"}


def test_exactly_the_edited_added_and_removed_entries_are_reported(
    releases: dict[str, Build],
) -> None:
    site = releases["1.1"]
    assert site.warnings() == []
    data = changes(site)
    jsonschema.validate(data, json.loads(site.text("crawl-changes.schema.json")))
    stamp = {"version": "1.1", "date": "2026-12-05"}
    assert {k: data[k] for k in ("version", "date")} == stamp
    assert data["previous"] == {"version": "1.0", "generator": data["previous"]["generator"]}
    assert data["added"] == [
        {"id": "bare-feet", "type": "tip", "title": "Bare feet", "url": "tips.html#bare-feet"}
        | stamp
    ]
    assert data["changed"] == [
        {
            "id": "one-side",
            "type": "red-flag",
            "title": "One side",
            "url": "signs.html#one-side",
            "fields": ["action"],
        }
        | stamp
    ]
    assert data["removed"] == [{"id": "old-tip", "type": "tip", "title": "Old tip"} | stamp]


def test_each_entry_keeps_the_date_it_last_changed(releases: dict[str, Build]) -> None:
    dates = {e["id"]: e["changed"] for e in releases["1.1"].crawl_json()["entries"]}
    assert dates == {
        "stiff": "2026-11-01",
        "one-side": "2026-12-05",
        "carpet": "2026-11-01",
        "bare-feet": "2026-12-05",
    }


def test_nothing_is_reported_when_nothing_changed(releases: dict[str, Build]) -> None:
    again = releases["again"]
    assert again.warnings() == []
    data = changes(again)
    assert (data["added"], data["changed"], data["removed"]) == ([], [], [])
    # Dates carry over from the release compared with.
    assert again.crawl_json()["entries"] == releases["1.1"].crawl_json()["entries"]
    shown = " ".join(again.main("news").get_text(" ").split())
    assert "Nothing has changed since 1.1." in shown


def test_readers_see_what_changed(releases: dict[str, Build]) -> None:
    box = releases["1.1"].main("news").find(class_="crawl-changes")
    text = " ".join(box.get_text(" ").split())
    assert "Version 1.1, 5 December 2026. Compared with 1.0." in text
    added = box.find(class_="crawl-changes-added")
    assert [a["href"] for a in added.find_all("a")] == ["tips.html#bare-feet"]
    changed = box.find(class_="crawl-changes-changed")
    assert [a.get_text() for a in changed.find_all("a")] == ["One side"]
    assert "what changed: what to do" in changed.get_text()
    removed = box.find(class_="crawl-changes-removed")
    assert "Old tip" in removed.get_text()
    assert removed.find("a") is None  # it is gone: nothing to link to


def test_incremental_and_parallel_builds_equal_a_clean_one(
    tmp_path: Path, releases: dict[str, Build]
) -> None:
    prev = tmp_path / "prev"
    prev.mkdir()
    shutil.copy(releases["1.0"].outdir / "crawl.json", prev / "crawl.json")
    src = tmp_path / "src"
    write(src, "1.1", "2026-12-05", "../prev/crawl.json")
    build(src)
    # Only the signs page changes: the news page must be written again.
    (src / "signs.md").write_text(edited_pages()["signs"], encoding="utf-8")
    after = build(src)
    assert "news" in after.written
    assert "tips" not in after.written
    clean = build(shutil.copytree(src, tmp_path / "clean", ignore=shutil.ignore_patterns("_build")))
    parallel = build(
        shutil.copytree(src, tmp_path / "parallel", ignore=shutil.ignore_patterns("_build")),
        parallel=2,
    )
    for other in (clean, parallel):
        assert after.text("crawl-changes.json") == other.text("crawl-changes.json")
        assert after.text("crawl.json") == other.text("crawl.json")
        assert after.shown("news") == other.shown("news")
    assert [c["id"] for c in changes(after)["changed"]] == ["one-side"]
    assert build(src).written == []  # a rebuild with nothing changed writes nothing


def test_an_older_previous_file_is_compared_too(tmp_path: Path, releases: dict[str, Build]) -> None:
    """A crawl.json of schema 1.3 (no version, no dates) as the previous release."""
    old = releases["1.0"].crawl_json()
    old["schema_version"] = "1.3"
    del old["version"]
    for entry in old["entries"]:
        del entry["changed"]
    (tmp_path / "prev").mkdir()
    (tmp_path / "prev" / "crawl.json").write_text(json.dumps(old), encoding="utf-8")
    src = tmp_path / "src"
    write(src, "1.1", "2026-12-05", "../prev/crawl.json", **edited_pages())
    site = build(src)
    assert site.warnings() == []
    data = changes(site)
    assert data["previous"]["version"] is None
    assert [c["id"] for c in data["changed"]] == ["one-side"]
    dates = {e["id"]: e["changed"] for e in site.crawl_json()["entries"]}
    assert dates["stiff"] is None  # unchanged since a release that gave no date
    assert dates["one-side"] == "2026-12-05"


# -- what goes wrong -------------------------------------------------------------------


def test_problems_are_located_warnings_and_nothing_is_compared(tmp_path: Path) -> None:
    src = tmp_path / "src"
    write(src, "1.1", "", "missing/crawl.json")
    site = build(src)
    warnings = site.crawl_warnings("config")
    assert any(
        "conf.py:" in w and "crawl_previous: no file 'missing/crawl.json'" in w for w in warnings
    )
    assert not (site.outdir / "crawl-changes.json").exists()
    assert "no earlier release" in site.main("news").get_text()

    (src / "bad.json").write_text('{"schema_version": "1.4"', encoding="utf-8")
    write(src, "1.1", "", "bad.json")
    assert any("crawl_previous: bad.json: not JSON" in w for w in build(src).crawl_warnings())

    write(src, "1.1", "not a date")
    site = build(src)
    assert any("crawl_release_date: 'not a date' is not a date" in w for w in site.warnings())
    assert any(
        "<src>/news.md:3:" in w and "crawl_previous is not set" in w for w in site.warnings()
    )


def test_another_editions_previous_file_is_not_compared(
    tmp_path: Path, releases: dict[str, Build]
) -> None:
    (tmp_path / "prev").mkdir()
    shutil.copy(releases["1.0"].outdir / "crawl.json", tmp_path / "prev" / "crawl.json")
    src = tmp_path / "src"
    write(src, "1.1", "2026-12-05", "../prev/crawl.json")
    site = build(src, confoverrides={"language": "es"})
    assert any("is the 'en' edition and this build is 'es'" in w for w in site.crawl_warnings())
    assert not (site.outdir / "crawl-changes.json").exists()


# -- over HTTP -------------------------------------------------------------------------


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[Path, str, http.server.ThreadingHTTPServer]]:
    folder = tmp_path / "served"
    folder.mkdir()
    with serving(functools.partial(QuietHandler, directory=str(folder))) as (url, httpd):
        yield folder, url, httpd


def test_a_previous_release_at_a_url_is_fetched_and_cached(
    tmp_path: Path,
    releases: dict[str, Build],
    server: tuple[Path, str, http.server.ThreadingHTTPServer],
) -> None:
    folder, base, httpd = server
    shutil.copy(releases["1.0"].outdir / "crawl.json", folder / "crawl.json")
    src = tmp_path / "src"
    write(src, "1.1", "2026-12-05", f"{base}crawl.json", **edited_pages())
    site = build(src)
    assert site.warnings() == []
    assert [c["id"] for c in changes(site)["added"]] == ["bare-feet"]
    httpd.shutdown()
    httpd.server_close()
    offline = build(src, freshenv=True)
    warned = offline.crawl_warnings("config")
    assert len(warned) == 1
    assert "using the copy cached by an earlier build" in warned[0]
    assert changes(offline) == changes(site)


# -- crawl-import: an entry changed upstream -------------------------------------------

IMPORT_CONF = """
project = "Importer"
extensions = ["myst_parser", "sphinx_crawl"]
myst_enable_extensions = ["colon_fence"]
crawl_import_sources = {"notes": "notes.yaml"}
"""

NOTES = """\
project: Notes
entries:
  - type: tip
    id: a
    title: Tip A
    text: Text A.
  - type: tip
    id: b
    title: Tip B
    text: Text B.
"""


def test_crawl_import_says_once_which_imported_entries_changed_upstream(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(IMPORT_CONF, encoding="utf-8")
    (src / "notes.yaml").write_text(NOTES, encoding="utf-8")
    (src / "index.md").write_text(
        "# Home\n\n:::{crawl-import} notes\n:ids: a\n:::\n", encoding="utf-8"
    )
    assert build(src).warnings() == []
    notes = NOTES.replace("Text A.", "Text A, changed.").replace("Text B.", "Text B, changed.")
    (src / "notes.yaml").write_text(notes.replace("Tip A", "Tip A2"), encoding="utf-8")
    changed = build(src)
    assert [w.split(" WARNING: ")[0] for w in changed.warnings()] == ["<src>/index.md:3:"]
    (warning,) = changed.warnings()
    assert "entries[0] ('a') changed upstream since the copy used before (title, text)" in warning
    assert "[crawl.import]" in warning
    assert build(src).warnings() == []  # said once: the copy in use is now this one


# -- the loader and the example program (part 4) ----------------------------------------

EXAMPLE = Path(__file__).parent.parent / "docs" / "authoring" / "examples" / "what_changed.py"


def test_the_loader_reads_crawl_changes_json(releases: dict[str, Build]) -> None:
    from sphinx_crawl.api import compare, load, load_changes

    site = releases["1.1"]
    changes = load_changes(site.outdir / "crawl-changes.json", validate=True)
    assert (changes.project, changes.language) == ("Changes", "en")
    assert (changes.version, changes.date, changes.previous_version) == (
        "1.1",
        "2026-12-05",
        "1.0",
    )
    assert [c.id for c in changes.added] == ["bare-feet"]
    assert changes.added[0].url == "tips.html#bare-feet"
    assert [(c.id, c.fields) for c in changes.changed] == [("one-side", ("action",))]
    assert [(c.id, c.url) for c in changes.removed] == [("old-tip", None)]
    assert changes
    assert not load_changes(releases["again"].outdir / "crawl-changes.json")
    # The same, worked out from the two releases' crawl.json (no dates there).
    worked_out = compare(
        load(releases["1.0"].outdir / "crawl.json"), load(site.outdir / "crawl.json")
    )
    for group in ("added", "changed", "removed"):
        assert [(c.id, c.fields, c.url) for c in getattr(worked_out, group)] == [
            (c.id, c.fields, c.url) for c in getattr(changes, group)
        ]
    assert worked_out.date is None
    assert worked_out.previous_version == "1.0"


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (lambda d: d.__setitem__("schema_version", "2.0"), "schema_version: '2.0' is not one"),
        (lambda d: d.pop("previous"), "the key 'previous' is missing"),
        (lambda d: d["added"][0].__setitem__("date", "5/12/2026"), "added[0].date: expected"),
        (lambda d: d["changed"][0].__setitem__("fields", "action"), "changed[0].fields"),
        (lambda d: d["removed"][0].pop("title"), "removed[0]: the key 'title' is missing"),
    ],
)
def test_a_broken_changes_file_is_a_located_crawl_data_error(
    tmp_path: Path, releases: dict[str, Build], tamper: Any, message: str
) -> None:
    from sphinx_crawl.api import CrawlDataError, load_changes

    data = changes(releases["1.1"])
    tamper(data)
    path = tmp_path / "crawl-changes.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CrawlDataError, match=re.escape(message)):
        load_changes(path)
    shutil.copy(releases["1.1"].outdir / "crawl-changes.schema.json", tmp_path)
    with pytest.raises(CrawlDataError):
        load_changes(path, validate=True)


def run_example(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLE), *map(str, paths)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_the_documented_example_prints_what_changed(
    tmp_path: Path, releases: dict[str, Build]
) -> None:
    old, new = releases["1.0"].outdir / "crawl.json", releases["1.1"].outdir / "crawl.json"
    two = run_example(old, new)
    assert two.returncode == 0, two.stderr
    assert two.stdout.splitlines() == [
        "Changes: from 1.0 to 1.1",
        "  New: Bare feet (tip) at tips.html#bare-feet",
        "  Changed: One side (red-flag): action",
        "  Removed: Old tip (tip)",
    ]
    one = run_example(releases["1.1"].outdir / "crawl-changes.json")
    assert one.returncode == 0, one.stderr
    assert one.stdout.splitlines()[0] == "Changes: from 1.0 to 1.1 (2026-12-05)"
    assert one.stdout.splitlines()[1:] == two.stdout.splitlines()[1:]
    same = run_example(new, new)
    assert same.stdout.splitlines()[1:] == ["  Nothing changed."]
    (tmp_path / "bad.json").write_text("{", encoding="utf-8")
    broken = run_example(tmp_path / "bad.json")
    assert broken.returncode == 1
    assert "cannot read it" in broken.stderr
    assert "not JSON" in broken.stderr
    # What the docs show it printing is what it prints.
    page = (EXAMPLE.parent.parent / "json-api.md").read_text(encoding="utf-8")
    assert "\n".join(two.stdout.splitlines()) in page
