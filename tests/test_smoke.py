from __future__ import annotations

import json
import re
from pathlib import Path

from tests.build_utils import build, copy_root


def test_basic_project_builds_cleanly(tmp_path: Path) -> None:
    site = build(copy_root("basic", tmp_path / "src"))
    assert site.warnings() == []
    assert site.main("flags").find("article", id="no-movement") is not None
    assert {e["id"] for e in site.crawl_json()["entries"]} >= {
        "no-movement",
        "bare-knees",
        "rst-tip",
    }


def test_age_filter_form_is_on_aged_pages_but_not_in_the_search_index(tmp_path: Path) -> None:
    """The form's labels are UI, not content: searching "corrected" or "hide" must not
    list every page that has entries with ages."""
    site = build(copy_root("basic", tmp_path / "src"))
    assert site.main("tips").find("form", class_="crawl-age-filter") is not None
    index_js = site.text("searchindex.js")
    found = re.search(r"Search\.setIndex\((.*)\)", index_js, re.S)
    assert found is not None
    terms = json.loads(found.group(1))["terms"]
    for form_word in ("correct", "hide", "servic", "week"):
        assert form_word not in terms, form_word
    assert "grip" in terms  # entry text is still indexed


def test_a_build_gives_back_to_the_collector_what_it_froze(tmp_path: Path) -> None:
    """A build keeps what was loaded before it out of the cycle collector's full passes
    (core/cycle_gc.py). A process that builds again (a live preview, a test run) must
    get it back, or what each build leaves in reference cycles is never freed: after a
    build, also a rebuild and one that fails part-way, nothing stays frozen."""
    import gc

    import pytest

    src = copy_root("basic", tmp_path / "src")
    during: list[int] = []

    def frozen_now(*_args: object) -> None:
        during.append(gc.get_freeze_count())

    build(src, listeners={"env-updated": frozen_now})
    assert during
    assert during[-1] > 0  # the build did freeze what was loaded
    assert gc.get_freeze_count() == 0
    (src / "tips.md").write_text((src / "tips.md").read_text() + "\nOne more line.\n")
    build(src, listeners={"env-updated": frozen_now})
    assert gc.get_freeze_count() == 0

    def broken(*_args: object) -> None:
        raise RuntimeError("a listener of another extension fails")

    with pytest.raises(Exception, match="another extension fails"):
        build(src, freshenv=True, listeners={"env-updated": broken})
    assert gc.get_freeze_count() == 0


#: A ``sphinx-build`` process that reports, from an ``atexit`` handler registered before
#: the build (so run after sphinx_crawl's, last in, first out), what the shutdown's last
#: cycle collection will have to walk; and, after the build, what stays frozen.
_EXIT_PROBE = """
import atexit, gc, sys
atexit.register(lambda: sys.stderr.write(f"at exit: {gc.get_freeze_count()}\\n"))
from sphinx.cmd.build import main
status = main(["-q", "-b", "html", sys.argv[1], sys.argv[2]])
sys.stderr.write(f"after the build: {gc.get_freeze_count()}\\n")
sys.exit(status)
"""


def test_a_build_process_skips_the_shutdown_collection(tmp_path: Path) -> None:
    """CPython's shutdown walks every object still alive for cycles, only to find what the
    operating system takes back anyway: about a third of a rebuild's CPU at 5,000
    entries, in every ``sphinx-build``. Frozen at exit, it has nothing to walk; while the
    process lives (before it exits), nothing stays frozen."""
    import subprocess
    import sys

    src = copy_root("basic", tmp_path / "src")
    done = subprocess.run(
        [sys.executable, "-c", _EXIT_PROBE, str(src), str(tmp_path / "out")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "after the build: 0\n" in done.stderr, done.stderr
    frozen = re.search(r"at exit: (\d+)", done.stderr)
    assert frozen is not None, done.stderr
    assert int(frozen.group(1)) > 10_000, done.stderr  # Sphinx, the environment, the pages
