"""Shared fixtures: Sphinx's own testing fixtures and test projects under roots/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

pytest_plugins = ("sphinx.testing.fixtures",)
collect_ignore = ["roots", "plugins", "bench"]

TESTS = Path(__file__).parent


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
