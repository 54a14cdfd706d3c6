"""A build killed at any moment never breaks the site: the next build writes, for every
file, what a clean build of the same source writes.

Each case builds a project with ``sphinx-build`` in a subprocess (as authors and CI
run it), changes a source, starts a second build and SIGKILLs it (with its ``-j``
workers) part-way, then builds again and compares every file of the output folder,
byte for byte, with a clean build of the changed source in a fresh folder. Nothing is
left out of the comparison: not ``.buildinfo`` (it holds hashes of the configuration
and tags, which are the same), not Sphinx's ``searchindex.js`` or ``objects.inv``,
not the service worker (``crawl_offline`` is on) or a half-written temporary file.

The kill comes at chosen points, through the test-only extension
``tests/kill_points.py`` (inside the writing of a page, of an output file of Sphinx or
of sphinx-crawl, right before the service worker), and, in the ``slow`` tests, at
random moments of the build.

Not compared here: changes that remove a page. Sphinx never deletes the output of a
removed document (in any build, stopped or not), so the folder keeps a page a clean
build does not have, and the service worker keeps it too; ``tests/test_interrupted.py``
covers those changes without a service worker.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sphinx_crawl.unfinished import marker_for
from tests.build_utils import copy_root, made_once
from tests.test_incremental import SCENARIOS

KILL_POINTS = Path(__file__).parent / "kill_points.py"
#: What the build after a stopped one says when it finds the stopped build's marker.
REDONE = "did not finish; every page is written again"


def project(root: Path) -> Path:
    """test-many-pages, offline, with the kill points armed from the environment."""
    srcdir = copy_root("many-pages", root / "project")
    shutil.copy(KILL_POINTS, srcdir / "kill_points.py")
    conf = srcdir / "conf.py"
    conf.write_text(
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent))\n"
        + conf.read_text(encoding="utf-8")
        + '\nextensions.append("kill_points")\ncrawl_offline = True\n',
        encoding="utf-8",
    )
    return srcdir


def marker(srcdir: Path) -> Path:
    """Where a build of ``srcdir`` (see :func:`command`) marks its output unfinished."""
    return marker_for(srcdir / "_build" / "html", srcdir / "_build" / "doctrees")


def command(srcdir: Path, parallel: int = 0) -> list[str]:
    out = srcdir / "_build"
    found = [sys.executable, "-m", "sphinx", "-b", "html", "-d", str(out / "doctrees")]
    if parallel:
        found += ["-j", str(parallel)]
    return [*found, str(srcdir), str(out / "html")]


def sphinx(srcdir: Path, parallel: int = 0, **kill: str) -> subprocess.CompletedProcess[str]:
    """A build in its own process group, killed as ``kill`` says (``file``, ``at``,
    ``how``: see tests/kill_points.py), else left to finish."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("CRAWL_KILL")}
    if kill:
        env |= {f"CRAWL_KILL_{key.upper()}": value for key, value in kill.items()}
        env["CRAWL_KILL_COUNTER"] = str(srcdir.parent / f"counter-{time.monotonic_ns()}")
    return subprocess.run(
        command(srcdir, parallel),
        env=env,
        capture_output=True,
        text=True,
        check=False,
        start_new_session=True,
    )


def killed_after(srcdir: Path, seconds: float, parallel: int = 0) -> bool:
    """A build SIGKILLed (its whole process group) ``seconds`` after it starts; whether
    it was still running then."""
    build = subprocess.Popen(
        command(srcdir, parallel),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        build.wait(timeout=seconds)
        return False
    except subprocess.TimeoutExpired:
        os.killpg(build.pid, signal.SIGKILL)
        build.wait()
        return True


def finished(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def files(outdir: Path) -> dict[str, bytes]:
    """Every file of an output folder, by its path in the folder."""
    return {
        path.relative_to(outdir).as_posix(): path.read_bytes()
        for path in sorted(outdir.rglob("*"))
        if path.is_file()
    }


def assert_same_files(built: Path, clean: Path, stale_docs: frozenset[str] = frozenset()) -> None:
    """Every file of ``built`` equals the clean build's, byte for byte; the only extra
    files allowed are the pages (and page sources) of ``stale_docs``, documents the
    source no longer has, which Sphinx never deletes."""
    have, want = files(built), files(clean)
    extra = sorted(set(have) - set(want))
    stale = [
        name
        for name in extra
        if any(re.match(rf"(_sources/)?{re.escape(doc)}(/index)?\.", name) for doc in stale_docs)
    ]
    assert extra == stale, f"files a clean build does not write: {extra}"
    assert sorted(set(want) - set(have)) == [], "files missing"
    differing = [name for name in want if have[name] != want[name]]
    assert differing == [], f"files that differ from a clean build: {differing}"


_CLEAN: dict[str, Path] = {}


def clean_build(srcdir: Path, scenario: str, root: Path) -> Path:
    """A clean build of the changed source in a fresh folder (once per change; its
    output does not depend on where it is built)."""
    if scenario not in _CLEAN:
        clean = root / f"clean-{scenario}"
        shutil.copytree(srcdir, clean, ignore=shutil.ignore_patterns("_build", "counter-*"))
        finished(sphinx(clean))
        _CLEAN[scenario] = clean / "_build" / "html"
    return _CLEAN[scenario]


def changed_project(root: Path, scenario: str, parallel: int = 0) -> Path:
    srcdir = project(root)
    finished(sphinx(srcdir, parallel))  # a first build that finished
    SCENARIOS[scenario](srcdir)
    return srcdir


def changed_after_first_build(root: Path, scenario: str, parallel: int = 0) -> Path:
    """As :func:`changed_project`, with the first build made once for the module's
    tests (serial, and -j) and put back where it was made: each test starts from the
    same finished build, as if it had just made it."""

    def first_build(place: Path) -> None:
        finished(sphinx(project(place), parallel))

    made = made_once(f"crash-safe-first-build-{parallel}", root / "first-build", first_build)
    srcdir = made / "project"
    SCENARIOS[scenario](srcdir)
    return srcdir


def assert_repaired(srcdir: Path, scenario: str, root: Path, parallel: int = 0) -> str:
    """The build after a stopped one (serial or -j as the stopped one) equals a clean
    build; what it printed."""
    after = finished(sphinx(srcdir, parallel))
    assert_same_files(srcdir / "_build" / "html", clean_build(srcdir, scenario, root))
    assert not marker(srcdir).exists()
    return after.stdout


#: (file name part, which opening, how): where in a build the kill comes.
POINTS = {
    # Inside the writing of the third HTML file (a page: pages come before indices).
    "inside-a-page": (".html", "2", "half"),
    # Inside the writing of Sphinx's inventory, at the end of the build.
    "inside-objects.inv": ("objects.inv", "0", "half"),
    # Inside the writing of crawl.json (at build-finished).
    "inside-crawl.json": ("crawl.json", "0", "half"),
    # Inside the writing of the service worker: the last file of a build. Before, it
    # stayed empty for good (the next build saw "nothing changed").
    "inside-the-worker": ("crawl-sw.js", "0", "half"),
    # Right after every other file (crawl.json, the pages...), before the worker. Before,
    # the worker kept the old version for good: offline readers kept old pages.
    "before-the-worker": ("crawl-sw.js", "0", "before"),
    # While Sphinx saves its environment (after reading, before writing).
    "inside-the-environment": ("environment.pickle", "0", "half"),
}


@pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "j2"])
@pytest.mark.parametrize("point", sorted(POINTS))
def test_a_build_killed_at_a_chosen_point_is_repaired_by_the_next(
    tmp_path: Path, point: str, parallel: int
) -> None:
    srcdir = changed_after_first_build(tmp_path, "edit-title", parallel)
    part, at, how = POINTS[point]
    stopped = sphinx(srcdir, parallel, file=part, at=at, how=how)
    assert stopped.returncode == -signal.SIGKILL, stopped.stderr[-3000:]
    printed = assert_repaired(srcdir, "edit-title", tmp_path, parallel)
    assert REDONE in printed
    # Redone from the saved environment: nothing read again (but after a kill while the
    # environment is saved: Sphinx then reads everything again).
    if point != "inside-the-environment":
        assert "0 added, 0 changed, 0 removed" in printed


def test_a_killed_build_leaves_no_half_written_file_of_its_own(tmp_path: Path) -> None:
    """Our files are written under a temporary name, then moved into place: killed in
    the middle, the old file is whole and the next build removes the temporary one."""
    srcdir = changed_after_first_build(tmp_path, "edit-title")
    worker = srcdir / "_build" / "html" / "crawl-sw.js"
    before = worker.read_bytes()
    assert sphinx(srcdir, file="crawl-sw.js", at="0", how="half").returncode == -signal.SIGKILL
    assert worker.read_bytes() == before  # the old worker, whole
    partial = worker.with_name(".crawl-sw.js.crawl-partial")
    assert 0 < partial.stat().st_size < len(before) + 100  # what the kill cut short
    assert_repaired(srcdir, "edit-title", tmp_path)
    assert not partial.exists()


def test_sphinx_search_index_holds_the_pages_written_before_the_kill(tmp_path: Path) -> None:
    """Sphinx indexes only the pages a build writes: killed after writing the edited
    page, the next build (which sees that page newer than its source) used to leave its
    old words in searchindex.js until a clean build."""
    srcdir = changed_after_first_build(tmp_path, "edit-title")
    # flags-general (the edited page) is the first page written, then killed.
    assert sphinx(srcdir, file=".html", at="1", how="before").returncode == -signal.SIGKILL
    outdir = srcdir / "_build" / "html"
    assert "Legs stay stiff" in (outdir / "flags-general.html").read_text("utf-8")
    finished(sphinx(srcdir))
    clean = clean_build(srcdir, "edit-title", tmp_path)
    assert (outdir / "searchindex.js").read_bytes() == (clean / "searchindex.js").read_bytes()
    assert_same_files(outdir, clean)


#: Changes that remove no page (see the module's docstring).
KEEPING_PAGES = sorted(set(SCENARIOS) - {"delete-page", "move-sources-page"})


def timed(srcdir: Path, parallel: int = 0) -> tuple[float, float, float]:
    """A build left to finish, watched: seconds from its start until it marked its
    folder, until it removed the mark, and until it ended."""
    mark = marker(srcdir)
    started = time.monotonic()
    build = subprocess.Popen(
        command(srcdir, parallel), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    marked = unmarked = None
    while build.poll() is None:
        now = time.monotonic() - started
        if marked is None and mark.exists():
            marked = now
        elif marked is not None and unmarked is None and not mark.exists():
            unmarked = now
        time.sleep(0.005)
    assert build.returncode == 0
    ended = time.monotonic() - started
    return marked or 0.0, unmarked or ended, ended


@pytest.mark.slow
@pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "j2"])
def test_builds_killed_at_random_moments_are_repaired(tmp_path: Path, parallel: int) -> None:
    """SIGKILLs at random moments until ``CRAWL_KILL_EXAMPLES`` (6) of them landed while
    the build had its folder marked, and were repaired; ``CRAWL_KILL_SEED`` picks the
    changes and the moments.

    Each change is built first in a twin project, watched: three kills in four come at a
    random moment between the twin marking its folder and removing the mark, the fourth
    anywhere from the start to the end. A kill before the folder is marked (start-up:
    nothing has been written yet) must leave the folder as the last build left it, and
    the next build is an ordinary incremental one (tests/test_incremental.py compares
    those with clean builds); a kill after the mark is removed finds the build done, so
    the next one has nothing to do. Those are counted and checked, not repaired."""
    chooser = random.Random(int(os.environ.get("CRAWL_KILL_SEED", "25")) + parallel)
    wanted = int(os.environ.get("CRAWL_KILL_EXAMPLES", "6"))
    outcomes: list[str] = []
    # How fast the killed build runs against its twin, learnt from the misses (a kill
    # too late: the next comes sooner; too soon: later). Under load the watched twin can
    # run far slower than the build after it: at 4bd2c2e, on a machine at load 14, 11 of
    # 13 builds finished before their kill.
    pace = 1.0
    # Up to 6 tries a repair: on a busy machine a build may run faster or slower than
    # its twin did, and a kill then comes before the mark or after the build (at e8f94ac
    # and a88082c, with other tests beside it, 12 of 18 did).
    while outcomes.count("repaired") < wanted and len(outcomes) < 6 * wanted:
        root = tmp_path / f"example-{len(outcomes)}"
        scenario = chooser.choice(KEEPING_PAGES)
        srcdir = changed_project(root, scenario, parallel)
        twin = changed_project(root / "twin", scenario, parallel)
        marked, unmarked, ended = timed(twin, parallel)
        if chooser.random() < 0.75:
            delay = chooser.uniform(marked, unmarked) * pace
        else:
            delay = chooser.uniform(0, ended) * pace
        outdir = srcdir / "_build" / "html"
        before = files(outdir)
        if not killed_after(srcdir, delay, parallel):
            outcomes.append("finished before the kill")
            pace *= 0.8
        elif marker(srcdir).exists():
            printed = finished(sphinx(srcdir, parallel)).stdout
            assert REDONE in printed
            assert_same_files(outdir, clean_build(srcdir, scenario, tmp_path))
            outcomes.append("repaired")
        elif files(outdir) == before:
            finished(sphinx(srcdir, parallel))
            outcomes.append("killed before writing")
            pace /= 0.8
        else:
            # Killed after its last step (the mark is removed last): nothing to redo.
            printed = finished(sphinx(srcdir, parallel)).stdout
            assert "0 added, 0 changed, 0 removed" in printed
            assert "no targets are out of date" in printed
            outcomes.append("killed once done")
            pace *= 0.8
        print(
            f"{scenario}: killed at {delay:.2f} s (the twin marked its folder from "
            f"{marked:.2f} to {unmarked:.2f} s of {ended:.2f} s): {outcomes[-1]}"
        )
        shutil.rmtree(root)
    print({outcome: outcomes.count(outcome) for outcome in sorted(set(outcomes))})
    assert outcomes.count("repaired") == wanted, outcomes
