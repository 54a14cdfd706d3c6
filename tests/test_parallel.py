"""``-j 2`` builds give what serial builds give: same JSON, pages, inventory, warnings."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.domain import SECOND_DEFINITION
from tests.build_utils import Build, build, copy_root, line_of, load_inventory

#: A page with problems, so that warnings raised in worker processes are compared too.
TROUBLE = """\
# Trouble

:::{tip-card} Knees again
:id: bare-knees
:source: kc

A second definition of an id defined in tips-floor.md.
:::

See {crawl:tip}`no-such-tip` and {crawl:tip}`no-movement`.

:::{crawl-list} Bad layout
:layout: grid
:::
"""


def project(base: Path) -> Path:
    srcdir = copy_root("many-pages", base / "src")
    (srcdir / "trouble.md").write_text(TROUBLE, encoding="utf-8")
    index = srcdir / "index.md"
    index.write_text(index.read_text().replace("glossary\n", "glossary\ntrouble\n"))
    return srcdir


def build_noting_readers(srcdir: Path, parallel: int) -> tuple[Build, set[int]]:
    """Build; also return the ids of the processes that read documents."""
    pids = srcdir.parent / "pids"
    pids.mkdir()

    def note_reader(app: Any, doctree: Any) -> None:
        (pids / str(os.getpid())).touch()  # a file: worker processes share no memory

    result = build(srcdir, parallel=parallel, listeners={"doctree-read": note_reader})
    return result, {int(p.name) for p in pids.iterdir()}


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Build, set[int]]]:
    base = tmp_path_factory.mktemp("parallel")
    return {
        "serial": build_noting_readers(project(base / "serial"), 1),
        "parallel": build_noting_readers(project(base / "parallel"), 2),
    }


@pytest.fixture(scope="module")
def builds(runs: dict[str, tuple[Build, set[int]]]) -> dict[str, Build]:
    return {name: result for name, (result, _) in runs.items()}


def test_the_project_is_read_in_parallel(runs: dict[str, tuple[Build, set[int]]]) -> None:
    (_, serial_readers), (parallel, parallel_readers) = runs["serial"], runs["parallel"]
    assert len(parallel.app.env.found_docs) >= 12
    assert serial_readers == {os.getpid()}
    # Documents were read by worker processes, not by this one.
    assert parallel_readers - {os.getpid()}


def test_crawl_json_is_identical(builds: dict[str, Build]) -> None:
    serial, parallel = builds["serial"], builds["parallel"]
    assert parallel.text("crawl.json") == serial.text("crawl.json")
    assert parallel.text("crawl.schema.json") == serial.text("crawl.schema.json")
    assert len(serial.crawl_json()["entries"]) == 13


def test_every_page_shows_the_same_content(builds: dict[str, Build]) -> None:
    serial, parallel = builds["serial"], builds["parallel"]
    assert parallel.pages() == serial.pages()
    for page in serial.pages():
        assert parallel.shown(page) == serial.shown(page), f"{page}.html differs"


def test_objects_inv_is_identical(builds: dict[str, Build]) -> None:
    def entries(result: Build) -> dict[str, Any]:
        inv = load_inventory((result.outdir / "objects.inv").read_bytes())
        return {
            key: {name: (item.uri, item.display_name) for name, item in items.items()}
            for key, items in inv.data.items()
        }

    serial, parallel = entries(builds["serial"]), entries(builds["parallel"])
    assert parallel == serial
    assert set(serial["crawl:tip"]) >= {"bare-knees", "sofa-cruise", "grass-hands"}


def test_the_same_warnings(builds: dict[str, Build]) -> None:
    serial, parallel = builds["serial"].warnings(), builds["parallel"].warnings()
    assert sorted(parallel) == sorted(serial)
    assert len(serial) == 4, serial


@pytest.mark.parametrize("which", ["serial", "parallel"])
def test_duplicate_id_warning_names_both_places(builds: dict[str, Build], which: str) -> None:
    result = builds[which]
    first = line_of(result.srcdir / "tips-floor.md", ":::{tip-card} Bare knees")
    second = line_of(result.srcdir / "trouble.md", ":::{tip-card} Knees again")
    # tips-floor sorts before trouble, so its definition is the one that counts.
    assert result.crawl_warnings("id") == [
        f"<src>/trouble.md:{second}: WARNING: duplicate crawl id 'bare-knees'; "
        f"also defined at <src>/tips-floor.md:{first}{SECOND_DEFINITION} [crawl.id]"
    ]
    assert [e["docname"] for e in result.crawl_json()["entries"] if e["id"] == "bare-knees"] == [
        "tips-floor"
    ]


@pytest.mark.parametrize("which", ["serial", "parallel"])
def test_reference_warnings_from_workers_keep_their_lines(
    builds: dict[str, Build], which: str
) -> None:
    result = builds[which]
    line = line_of(result.srcdir / "trouble.md", "no-such-tip")
    assert sorted(result.crawl_warnings("ref")) == [
        f"<src>/trouble.md:{line}: WARNING: reference to unknown crawl tip "
        "'no-such-tip' [crawl.ref]",
        f"<src>/trouble.md:{line}: WARNING: reference to unknown crawl tip "
        "(it is a red-flag) 'no-movement' [crawl.ref]",
    ]
