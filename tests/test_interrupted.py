"""A build stopped part-way (an error, Ctrl-C, SIGKILL) does not poison later builds:
the next build gives what a clean build of the same source gives.

Before, the record of what each collecting page showed was saved with the pickled
environment, before any page was written; a build killed while writing left lists,
link titles and sources.html stale, and every later build said "no targets are out of
date" until ``-E``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.build_utils import Build, build, build_property_settings, copy_root, copy_source
from tests.test_incremental import SCENARIOS, assert_same_output

#: An extension that ends the build while pages are being written, after
#: ``CRAWL_STOP_AFTER`` pages: as Ctrl-C does (KeyboardInterrupt), or by a real SIGKILL.
#: (Sphinx itself drops the saved environment after an ordinary exception, so the
#: next build starts afresh; after these two it does not.)
STOPPER = """
import os, signal

def setup(app):
    seen = []

    def stop(app, doctree, docname):
        seen.append(docname)
        at = int(os.environ.get("CRAWL_STOP_AFTER", "-1"))
        if len(seen) - 1 == at:
            if os.environ.get("CRAWL_STOP_HOW") == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise KeyboardInterrupt("stopped part-way on purpose")

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
    srcdir: Path, stop_after: int = -1, how: str = "raise"
) -> subprocess.CompletedProcess[str]:
    """``sphinx-build`` in place, as an author runs it, optionally armed to stop part-way."""
    env = {**os.environ, "CRAWL_STOP_AFTER": str(stop_after), "CRAWL_STOP_HOW": how}
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


def assert_next_build_is_incremental_and_clean(srcdir: Path, tmp_path: Path) -> None:
    after = sphinx(srcdir)
    assert after.returncode == 0, after.stderr[-2000:]
    # Nothing re-read: the repair comes from the record of what the pages show.
    assert "0 added, 0 changed, 0 removed" in after.stdout
    clean = build(copy_source(srcdir, tmp_path / "clean"))
    assert_same_output(output_of(srcdir), clean)


@pytest.mark.parametrize("how", ["interrupt", "kill"])
@pytest.mark.parametrize("stop_after", [0, 3])
def test_the_build_after_a_stopped_one_equals_a_clean_build(
    tmp_path: Path, how: str, stop_after: int
) -> None:
    srcdir = project(tmp_path)
    assert sphinx(srcdir).returncode == 0  # a first, finished build
    SCENARIOS["edit-title"](srcdir)  # shown in a list, a link title and sources.html
    assert stopped(sphinx(srcdir, stop_after, how), how)
    assert_next_build_is_incremental_and_clean(srcdir, tmp_path)


@build_property_settings("CRAWL_INTERRUPT_EXAMPLES", 6)
@given(
    scenario=st.sampled_from(sorted(SCENARIOS)),
    stop_after=st.integers(min_value=0, max_value=20),
    how=st.sampled_from(["interrupt", "kill"]),
)
@pytest.mark.slow
def test_any_change_then_a_stop_at_any_page(
    tmp_path_factory: pytest.TempPathFactory, scenario: str, stop_after: int, how: str
) -> None:
    tmp_path = tmp_path_factory.mktemp("interrupted")
    srcdir = project(tmp_path)
    assert sphinx(srcdir).returncode == 0
    SCENARIOS[scenario](srcdir)
    if stopped(sphinx(srcdir, stop_after, how), how):
        assert_next_build_is_incremental_and_clean(srcdir, tmp_path)
