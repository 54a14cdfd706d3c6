"""A build stopped part-way (an error, Ctrl-C, SIGKILL) does not poison later builds:
the next build gives what a clean build of the same source gives.

Before, the record of what each collecting page showed was saved with the pickled
environment, before any page was written; a build killed while writing left lists,
link titles and sources.html stale, and every later build said "no targets are out of
date" until ``-E``.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.build_utils import Build, build_property_settings, copy_root, copy_source, made_once
from tests.test_crash_safe import assert_same_files
from tests.test_incremental import SCENARIOS, assert_same_output

#: An extension that ends the build while pages are being written: after
#: ``CRAWL_STOP_AFTER`` pages, or at the page ``CRAWL_STOP_FRACTION`` of the way through
#: the pages this build writes (0 the first page, just under 1 the last), so the stop
#: is always reached; as Ctrl-C does (KeyboardInterrupt), or by a real SIGKILL. It says
#: where it stopped on stderr. (Sphinx itself drops the saved environment after an
#: ordinary exception, so the next build starts afresh; after these two it does not.)
#: Test-only: it learns how many pages the build writes from the builder's
#: ``prepare_writing``, which it wraps.
STOPPER = """
import os, signal, sys

def setup(app):
    seen, total = [], []

    def count_pages(app):
        prepare_writing = app.builder.prepare_writing

        def counting(docnames):
            total.append(len(docnames))
            prepare_writing(docnames)

        app.builder.prepare_writing = counting

    def stop(app, doctree, docname):
        seen.append(docname)
        fraction = os.environ.get("CRAWL_STOP_FRACTION")
        if fraction:
            at = int(float(fraction) * total[-1])
        else:
            at = int(os.environ.get("CRAWL_STOP_AFTER", "-1"))
        if len(seen) - 1 == at:
            print(f"crawl-stopper: page {at} of {total[-1]} ({docname})", file=sys.stderr)
            sys.stderr.flush()
            if os.environ.get("CRAWL_STOP_HOW") == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise KeyboardInterrupt("stopped part-way on purpose")

    app.connect("builder-inited", count_pages)
    app.connect("doctree-resolved", stop)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
"""


def project(tmp_path: Path) -> Path:
    srcdir = copy_root("many-pages", tmp_path / "project")
    (srcdir / "crawl_stopper.py").write_text(STOPPER, encoding="utf-8")
    conf = srcdir / "conf.py"
    conf.write_text(
        "import sys, pathlib\nsys.path.insert(0, str(pathlib.Path(__file__).parent))\n"
        + conf.read_text(encoding="utf-8")
        + '\nextensions.append("crawl_stopper")\n',
        encoding="utf-8",
    )
    return srcdir


def sphinx(
    srcdir: Path, stop_after: int = -1, how: str = "raise", fraction: float | None = None
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build`` in place, as an author runs it, optionally armed to stop part-way
    (after ``stop_after`` pages, or ``fraction`` of the way through them)."""
    env = {**os.environ, "CRAWL_STOP_AFTER": str(stop_after), "CRAWL_STOP_HOW": how}
    if fraction is not None:
        env["CRAWL_STOP_FRACTION"] = repr(fraction)
    out = srcdir / "_build"
    command = [sys.executable, "-m", "sphinx", "-b", "html", "-d", str(out / "doctrees")]
    command += [str(srcdir), str(out / "html")]
    return subprocess.run(command, env=env, capture_output=True, text=True, check=False)


def stopped(result: subprocess.CompletedProcess[str], how: str) -> bool:
    """Whether the armed build was stopped (a late stop point may never be reached)."""
    if result.returncode == 0:
        return False
    if how == "kill":
        assert result.returncode == -signal.SIGKILL, result.stderr[-2000:]
    else:
        assert "Interrupted!" in result.stdout + result.stderr, result.stderr[-2000:]
    return True


def output_of(srcdir: Path) -> Build:
    """The built folder, read as the comparisons read a build."""
    return Build(app=SimpleNamespace(outdir=srcdir / "_build" / "html"), srcdir=srcdir)  # type: ignore[arg-type]


def documents(srcdir: Path) -> set[str]:
    return {path.stem for path in srcdir.glob("*.md")} | {p.stem for p in srcdir.glob("*.rst")}


def assert_next_build_is_incremental_and_clean(
    srcdir: Path, tmp_path: Path, removed: frozenset[str] = frozenset(), clean_once: str = ""
) -> None:
    """``clean_once``: a name for the clean build of this source, made once for every
    test that names it (each test's source the same)."""
    after = sphinx(srcdir)
    assert after.returncode == 0, after.stderr[-2000:]
    # Nothing re-read: the repair comes from the saved environment.
    assert "0 added, 0 changed, 0 removed" in after.stdout

    # A clean build, run as this one is (sphinx-build, not the test app and its theme).
    def clean_build(place: Path) -> None:
        assert sphinx(copy_source(srcdir, place)).returncode == 0

    clean_src = tmp_path / "clean"
    if clean_once:
        clean_src = made_once(clean_once, clean_src, clean_build)
    else:
        clean_build(clean_src)
    assert_same_output(output_of(srcdir), output_of(clean_src))
    # Every file, byte for byte (Sphinx's search index and inventory included), but the
    # pages of removed documents, which Sphinx never deletes.
    assert_same_files(srcdir / "_build" / "html", clean_src / "_build" / "html", removed)


@pytest.mark.parametrize("how", ["interrupt", "kill"])
@pytest.mark.parametrize("stop_after", [0, 3])
def test_the_build_after_a_stopped_one_equals_a_clean_build(
    tmp_path: Path, how: str, stop_after: int
) -> None:
    def first_build(place: Path) -> None:  # a first, finished build: the same for each test
        assert sphinx(project(place)).returncode == 0

    srcdir = made_once("interrupted-first-build", tmp_path / "first-build", first_build) / "project"
    SCENARIOS["edit-title"](srcdir)  # shown in a list, a link title and sources.html
    assert stopped(sphinx(srcdir, stop_after, how), how)
    assert_next_build_is_incremental_and_clean(
        srcdir, tmp_path, clean_once="interrupted-clean-edit-title"
    )


INTERRUPT_EXAMPLES = int(os.environ.get("CRAWL_INTERRUPT_EXAMPLES", "6"))


@pytest.mark.slow
def test_any_change_then_a_stop_at_any_page(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Any change, then a build stopped (Ctrl-C or SIGKILL) at any page it writes: the
    next build equals a clean build. The page is drawn as a fraction of the pages that
    build writes, so every example stops (before, a page number drawn from 0 to 20 was
    past the last page of most changes: 2 of the 6 examples stopped); each example
    asserts it stopped, and the count of stopped examples must be every example."""
    stops: list[str] = []

    @build_property_settings("CRAWL_INTERRUPT_EXAMPLES", 6)
    @given(
        scenario=st.sampled_from(sorted(SCENARIOS)),
        fraction=st.floats(min_value=0, max_value=1, exclude_max=True),
        how=st.sampled_from(["interrupt", "kill"]),
    )
    def example(scenario: str, fraction: float, how: str) -> None:
        tmp_path = tmp_path_factory.mktemp("interrupted")
        srcdir = project(tmp_path)
        assert sphinx(srcdir).returncode == 0
        before = documents(srcdir)
        SCENARIOS[scenario](srcdir)
        result = sphinx(srcdir, how=how, fraction=fraction)
        assert stopped(result, how), f"{scenario}: the build was not stopped"
        where = re.search(r"crawl-stopper: page (\d+) of (\d+)", result.stderr)
        assert where is not None, result.stderr[-2000:]
        stops.append(f"{scenario} ({how}): page {where[1]} of {where[2]}")
        removed = frozenset(before - documents(srcdir))
        assert_next_build_is_incremental_and_clean(srcdir, tmp_path, removed)

    example()
    print("\n".join(stops))
    assert len(stops) == INTERRUPT_EXAMPLES, stops
