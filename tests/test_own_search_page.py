"""A theme that writes no search page (sphinx-immaterial): the extension writes it, in
a first build and after a rebuild that changed nothing, on every Sphinx the package
supports (Sphinx 8.0 writes no page at all on a no-op rebuild; the page stays). The
reader's side is tests/browser/test_own_search_page.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.build_utils import ROOTS


def sphinx_build(out: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sphinx", "-q", "-b", "html", "-d", str(out / "dt")]
    command += ["-c", str(ROOTS / "test-own-search-page")]
    command += [str(ROOTS / "test-emergency"), str(out / "html")]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_the_search_page_is_written_and_stays_after_a_no_op_rebuild(tmp_path: Path) -> None:
    for build in ("first", "no-op"):
        result = sphinx_build(tmp_path)
        assert result.returncode == 0, (build, result.stderr[-3000:])
        assert "Traceback" not in result.stderr, build
        page = (tmp_path / "html" / "search.html").read_text(encoding="utf-8")
        assert 'id="search-results"' in page, build
        assert "crawl-search.js" in page, build
