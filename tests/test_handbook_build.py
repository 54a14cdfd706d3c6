"""The real handbook in docs/ builds as strictly as CI builds it.

Runs ``sphinx-build -n -W --keep-going -b html`` in a subprocess, exactly as
the ``docs`` nox session does, but into a temporary directory so that docs/
is left untouched.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sphinx_crawl.api import Handbook, load

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.fixture(scope="module")
def handbook(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("handbook")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "sphinx",
            "-n",
            "-W",
            "--keep-going",
            "-b",
            "html",
            "-d",
            str(out / "doctrees"),
            str(DOCS),
            str(out / "html"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    return result, out / "html"


def test_handbook_builds_with_warnings_as_errors(handbook) -> None:
    result, _ = handbook
    assert result.returncode == 0, result.stderr[-4000:]
    assert "build succeeded" in result.stdout
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    assert "Traceback" not in result.stdout + result.stderr


def test_handbook_publishes_its_content_api(handbook) -> None:
    result, html = handbook
    assert result.returncode == 0, result.stderr[-4000:]
    assert (html / "crawl.json").is_file()
    assert (html / "crawl.schema.json").is_file()
    content: Handbook = load(html / "crawl.json", validate=True)
    assert {entry.type for entry in content.entries} >= {"milestone", "tip", "red-flag"}
    for entry in content.entries:
        page = entry.url.partition("#")[0]
        assert (html / page).is_file(), entry.url
        # conf.py sets crawl_require_source, so every entry cites something.
        assert entry.sources, entry.id
