"""Shared fixtures: Sphinx's own testing fixtures and test projects under roots/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sphinx_crawl.api import Handbook, load
from tests.build_utils import Project

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots", "plugins", "bench"]

TESTS = Path(__file__).parent
ARTIFACTS = TESTS / "artifacts"


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return TESTS / "roots"


DOCS = TESTS.parent / "docs"


@pytest.fixture(scope="session")
def handbook(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The real handbook, built once as CI builds it (``-n -W --keep-going``).

    Returns the finished process and the HTML output directory.
    """
    out = tmp_path_factory.mktemp("handbook")
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html"]
    command += ["-d", str(out / "doctrees"), str(DOCS), str(out / "html")]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    return result, out / "html"


@pytest.fixture(scope="session")
def handbook_json(handbook: tuple[subprocess.CompletedProcess[str], Path]) -> Path:
    """The real handbook's crawl.json, as other projects import it."""
    result, html = handbook
    assert result.returncode == 0, result.stderr[-3000:]
    return html / "crawl.json"


@pytest.fixture(scope="session")
def spanish_handbook(
    handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The Spanish edition, built as ``nox -s docs`` builds it: into ``es/`` of the
    English build's output, with its own doctrees."""
    html = handbook[1] / "es"
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-b", "html"]
    command += ["-d", str(handbook[1].parent / "doctrees-es"), str(DOCS), str(html)]
    env = {**os.environ, "CRAWL_LANGUAGE": "es"}
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    return result, html


@pytest.fixture(scope="session")
def handbook_builds(
    tmp_path_factory: pytest.TempPathFactory,
    handbook: tuple[subprocess.CompletedProcess[str], Path],
) -> Project:
    """The handbook in any builder, each built once, from the HTML build's parsed pages."""
    builds = Project(
        "handbook",
        DOCS,
        tmp_path_factory.mktemp("handbook-builds"),
        handbook[1].parent / "doctrees",
    )
    builds.built["html"] = handbook
    return builds


@pytest.fixture(scope="session")
def content(handbook: tuple[subprocess.CompletedProcess[str], Path]) -> Handbook:
    """The handbook's crawl.json, validated, as programs read it."""
    result, html = handbook
    assert result.returncode == 0, result.stderr[-4000:]
    return load(html / "crawl.json", validate=True)


# -- the handbook-search summary, added up from every pytest-xdist worker ---------------
# (here, not in tests/browser/conftest.py: the main process of an xdist run loads only
# this conftest)


def pytest_sessionstart(session: pytest.Session) -> None:
    if not hasattr(session.config, "workerinput"):  # the main process clears old ranks
        for old in ARTIFACTS.glob("search-ranks-*.json"):
            old.unlink()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    ranks: dict[str, int | None] = {}
    for path in sorted(ARTIFACTS.glob("search-ranks-*.json")):
        ranks.update(json.loads(path.read_text(encoding="utf-8")))
    if not ranks:
        return
    total = len(ranks)
    top1 = sum(1 for rank in ranks.values() if rank == 1)
    top3 = sum(1 for rank in ranks.values() if rank is not None and rank <= 3)
    top5 = sum(1 for rank in ranks.values() if rank is not None and rank <= 5)
    terminalreporter.write_sep("-", "handbook search")
    terminalreporter.write_line(
        f"{total} parent queries: hit@1 {top1}/{total} ({top1 / total:.0%}), "
        f"hit@3 {top3}/{total} ({top3 / total:.0%}), top 5 {top5}/{total}"
    )
    for query, rank in ranks.items():
        terminalreporter.write_line(f"  {query!r}: {'not found' if rank is None else rank}")
