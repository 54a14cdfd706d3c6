"""The search page as built: the scripts it loads, and, in a theme that writes none
(sphinx-immaterial), the extension's own, in a first build and after a rebuild that
changed nothing, on every Sphinx the package supports (Sphinx 8.0 writes no page at all
on a no-op rebuild; the page stays). The reader's side is
tests/browser/test_own_search_page.py and tests/browser/test_search.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.build_utils import ROOTS, build


def sphinx_build(out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(out / "dt")]
    command += ["-c", str(ROOTS / "test-own-search-page")]
    command += [str(ROOTS / "test-emergency"), str(out / "html")]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_search_page_is_written_and_stays_after_a_no_op_rebuild(tmp_path: Path) -> None:
    for which in ("first", "no-op"):
        result = sphinx_build(tmp_path)
        assert result.returncode == 0, (which, result.stderr[-3000:])
        assert "Traceback" not in result.stderr, which
        page = (tmp_path / "html" / "search.html").read_text(encoding="utf-8")
        assert 'id="search-results"' in page, which
        assert "crawl-search.js" in page, which


def test_the_search_page_loads_the_search_and_not_the_companion(tmp_path: Path) -> None:
    """A parent's first results wait for no script the search does not use (issue 27):
    the baby panel's, the tracker's and the checklists' stay on the pages that have them."""
    src = tmp_path / "src"
    src.mkdir()
    conf = 'extensions = ["sphinx_crawl"]\ncrawl_emergency = {"numbers": {"Here": "000"}}\n'
    (src / "conf.py").write_text(conf, encoding="utf-8")
    (src / "index.rst").write_text(
        "Home\n====\n\n.. crawl-baby::\n\n.. tip-card:: A tip\n   :id: a-tip\n\n   Try it.\n",
        encoding="utf-8",
    )
    site = build(src)
    search, home = site.text("search.html"), site.text("index.html")
    for script in ("crawl-search.js", "crawl.js"):  # crawl.js: the emergency line
        assert f"_static/{script}" in search, script
    for script in ("crawl-companion.js", "crawl-checklist.js", "crawl-ages.js", "crawl-rules.js"):
        assert f"_static/{script}" not in search, script
        assert f"_static/{script}" in home, script
    assert "_static/crawl-search.js" not in home
    # The emergency line, put at the start of the content in the page's HTML (it
    # needs no script: a parent whose browser runs none reads the number too).
    assert '<div class="body" role="main"><p class="crawl-emergency-line"' in search
    assert "window.crawlTopParts" not in search
